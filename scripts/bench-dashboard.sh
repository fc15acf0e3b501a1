#!/usr/bin/env bash
# Leadership views under load, in one run on one embedded PostgreSQL (app heap capped with -Xmx256m):
#   1. 10^4 synthetic measures: GET /api/v1/ledger.xlsx, RUNS times (the 5 s aim), peak heap sampled
#   2. grown to 10^5: GET /api/v1/dashboard RUNS times right after a change (the view is rebuilt:
#      a change stamp is drawn first) and RUNS times with nothing changed (served from the cache),
#      the /staff/dashboard page likewise cached (the 200 ms median aim); the ledger again
#      (streaming: the heap must not grow with it)
# Reports for every second measure, co-units for every third, a closed round and 90 days of trend.
#   scripts/bench-dashboard.sh [RUNS]      (default 21)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh

RUNS=${1:-21}
WORK=$(mktemp -d /tmp/duban-bench-dash.XXXXXX)
PW=bench-Passw0rd!
PORT=18191
URL=http://localhost:$PORT
trap 'stop_app app; rm -rf "$WORK"' EXIT
ensure_built
export APP_JAVA_OPTS="-Xmx256m"

heap_mib() { curl -s "$(mgmt_url $PORT)/q/metrics" | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
ms() { awk '{printf "%.0f\n", $1 * 1000}'; }
seed() { # seed N
  psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1 -v n="$1" -f scripts/lib/seed-measures.sql >/dev/null
  psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1 -f scripts/lib/seed-reports.sql >/dev/null
}
time_get() { # time_get PATH AUTH... -> prints seconds
  curl -s -o "$WORK/body" -w '%{time_total}\n' "$@"
}
ledger_runs() { # ledger_runs LABEL: RUNS downloads, median and p90, peak heap while downloading
  local f="$WORK/ledger.times" peak=0 h sampler
  : >"$f"
  ( while true; do heap_mib; echo; sleep 0.1; done ) >"$WORK/heap.samples" 2>/dev/null & sampler=$!
  for i in $(seq 1 "$RUNS"); do time_get -u leader:$PW "$URL/api/v1/ledger.xlsx" >>"$f"; done
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  peak=$(sort -n "$WORK/heap.samples" | tail -1)
  printf "%-34s median %6s ms  p90 %6s ms  (%s bytes, peak heap %s MiB of 256)\n" "$1" \
    "$(ms <"$f" | median)" "$(ms <"$f" | p90)" "$(stat -c %s "$WORK/body")" "$peak"
}
cold_runs() { # cold_runs LABEL CURL-ARGS...: each GET after a change (the cached view is rebuilt)
  local label=$1 f="$WORK/cold.times"; shift
  for i in 1 2 3 4 5; do bump; time_get "$@" >/dev/null; done
  : >"$f"
  for i in $(seq 1 "$RUNS"); do bump; time_get "$@" >>"$f"; done
  printf "%-34s median %6s ms  p90 %6s ms\n" "$label" "$(ms <"$f" | median)" "$(ms <"$f" | p90)"
}
bump() { psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c "select nextval('duban_change_seq')" >/dev/null; }
get_runs() { # get_runs LABEL CURL-ARGS...: 5 warm-up, then RUNS timed
  local label=$1 f="$WORK/get.times"; shift
  for i in 1 2 3 4 5; do time_get "$@" >/dev/null; done
  : >"$f"
  for i in $(seq 1 "$RUNS"); do time_get "$@" >>"$f"; done
  printf "%-34s median %6s ms  p90 %6s ms\n" "$label" "$(ms <"$f" | median)" "$(ms <"$f" | p90)"
}

start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true \
  TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false TRACKER_CLOCK_FIXED=2022-01-10T02:00:00Z
wait_ready $PORT app
PGPORT=$(embedded_port app)

seed 10000
curl -sf -u office:$PW -X POST "$URL/api/v1/scans" >/dev/null
echo "measures: $(psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c 'select count(*) from measure')"
ledger_runs "ledger.xlsx, 10^4 measures"

seed 100000
curl -sf -u office:$PW -X POST "$URL/api/v1/scans" >/dev/null
psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c "vacuum analyze" >/dev/null
echo "measures: $(psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c 'select count(*) from measure')"
cold_runs "dashboard after a change, 10^5" -u leader:$PW "$URL/api/v1/dashboard"
get_runs "dashboard unchanged (cached), 10^5" -u leader:$PW "$URL/api/v1/dashboard"
curl -s -c "$WORK/jar" -o /dev/null -d "j_username=leader&j_password=$PW" "$URL/j_security_check"
get_runs "GET /staff/dashboard page, 10^5" -b "$WORK/jar" "$URL/staff/dashboard"
cold_runs "page after a change, 10^5" -b "$WORK/jar" "$URL/staff/dashboard"
# the price of HTTP Basic: every API request verifies the password against its bcrypt hash
get_runs "baseline: GET /api/v1/measures/B01" -u leader:$PW "$URL/api/v1/measures/B01"
RUNS=5 ledger_runs "ledger.xlsx, 10^5 measures (5 runs)"
echo "heap after: $(heap_mib) MiB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); $(date -u +%F)"
