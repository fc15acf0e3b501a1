#!/usr/bin/env bash
# API calls without 110 ms of bcrypt each (issue 11, point 11), in one run on one embedded PostgreSQL:
#   1. GET /api/v1/measures/{code} with a personal token and with HTTP Basic, one connection, in 4
#      alternating rounds of SECONDS s each after a warm-up of WARMUP s each: median and p99 of all
#      calls of each (alternating, so that the machine's moods fall on both alike)
#   2. 10^5 synthetic measures: GET /api/v1/dashboard with the token right after a change (the view
#      is rebuilt: a change stamp is drawn first), RUNS times: median, p90, p99
#   scripts/bench-auth.sh [SECONDS] [RUNS]      (defaults 10 and 31; needs java, curl, psql, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh
SECONDS_EACH=${1:-10}
RUNS=${2:-31}
WARMUP=30
WORK=$(mktemp -d /tmp/duban-bench-auth.XXXXXX)
PW=bench-Passw0rd!
PORT=18221
URL=http://127.0.0.1:$PORT
trap 'stop_app app; rm -rf "$WORK"' EXIT
ensure_built
start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true TRACKER_DEMO_PASSWORD=$PW \
  TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false TRACKER_STAFF_RATE_LIMIT=0 TRACKER_CLOCK_FIXED=2022-01-10T02:00:00Z
wait_ready $PORT app
PGPORT=$(embedded_port app)
psql_() { psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1 "$@"; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); $(date -u +%F)"

TOKEN=$(curl -sf -u office:$PW -H 'Content-Type: application/json' -d '{"name":"bench"}' "$URL/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
BASIC="Basic $(printf 'office:%s' "$PW" | base64)"
run() { python3 scripts/lib/load.py "$URL/api/v1/measures/J04" --threads 1 --seconds "$1" --header "Authorization: $2" "${@:3}"; }
echo "== warm-up: $WARMUP s with each"
run $WARMUP "Bearer $TOKEN" >/dev/null
run $WARMUP "$BASIC" >/dev/null
echo "== 1. GET /api/v1/measures/J04, one connection: 4 alternating rounds of $SECONDS_EACH s with each"
for r in 1 2 3 4; do
  echo "round $r token: $(run "$SECONDS_EACH" "Bearer $TOKEN" --raw "$WORK/token.ms")"
  echo "round $r basic: $(run "$SECONDS_EACH" "$BASIC" --raw "$WORK/basic.ms")"
done
python3 - "$WORK/token.ms" "$WORK/basic.ms" <<'PY'
import statistics, sys
def stats(path):
    v = sorted(float(x) for x in open(path))
    return len(v), statistics.median(v), v[max(0, int(len(v) * 0.99) - 1)]
tn, tm, tp = stats(sys.argv[1]); bn, bm, bp = stats(sys.argv[2])
print(f"token  median {tm:7.2f} ms  p99 {tp:7.2f} ms  ({tn} calls)")
print(f"basic  median {bm:7.2f} ms  p99 {bp:7.2f} ms  ({bn} calls)")
print(f"basic / token: median x{bm / tm:.1f}")
PY

echo "== 2. 10^5 measures: the dashboard right after a change"
psql_ -v n=100000 -f scripts/lib/seed-measures.sql >/dev/null
psql_ -f scripts/lib/seed-reports.sql >/dev/null
psql_ -c "analyze" >/dev/null
echo "measures: $(psql_ -c 'select count(*) from measure')"
bump() { psql_ -c "select nextval('duban_change_seq')" >/dev/null; }
for i in $(seq 1 10); do bump; curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL/api/v1/dashboard"; done
: >"$WORK/dash"
for i in $(seq 1 "$RUNS"); do
  bump
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL/api/v1/dashboard" >>"$WORK/dash"
done
awk '{printf "%.1f\n", $1 * 1000}' "$WORK/dash" | sort -n >"$WORK/dash.ms"
printf "dashboard after a change (token, %s runs): median %s ms  p90 %s ms  p99 %s ms\n" "$RUNS" \
  "$(median <"$WORK/dash.ms")" "$(p90 <"$WORK/dash.ms")" "$(tail -1 "$WORK/dash.ms")"
