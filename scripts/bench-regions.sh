#!/usr/bin/env bash
# The province by region under load (issue 14), one run on one embedded PostgreSQL (app heap capped
# with -Xmx256m): 6,250 synthetic measures x 16 cities = 10^5 local tasks (scripts/lib/seed-tasks.sql),
#   1. GET /api/v1/dashboard right after a change (the region view is rebuilt: a change stamp is
#      drawn first), for the province (16 cities) and for a city account's region=370100, signed in
#      with an API token (and once with HTTP Basic, whose bcrypt check costs ~110 ms a call)
#   2. the public city answer GET /api/v1/public/regions/370100 and its page /regions/370100, each
#      right after a change (a cache miss), and cached
#   3. GET /api/v1/ledger.xlsx (the tasks sheet 任务台账 holds the 10^5 lines): time and peak heap
# Each: 12 s of warm-up (the ledger: 2 runs), then RUNS timed; median and p90.
#   scripts/bench-regions.sh [RUNS]      (default 21; hold the build lock while it runs:
#   flock /tmp/duban-build.lock scripts/bench-regions.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh

RUNS=${1:-21}
WORK=$(mktemp -d /tmp/duban-bench-regions.XXXXXX)
PW=bench-Passw0rd!
PORT=18193
URL=http://localhost:$PORT
trap 'stop_app app; rm -rf "$WORK"' EXIT
ensure_built
export APP_JAVA_OPTS="-Xmx256m"

heap_mib() { curl -s "$(mgmt_url $PORT)/q/metrics" | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
ms() { awk '{printf "%.0f\n", $1 * 1000}'; }
sql() { psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1 "$@"; }
time_get() { curl -s -o "$WORK/body" -w '%{time_total}\n' "$@"; }
bump() { sql -c "select nextval('duban_change_seq')" >/dev/null; [ -n "${SETTLE:-}" ] && sleep "$SETTLE"; return 0; }
cold_runs() { # cold_runs LABEL CURL-ARGS...: each GET after a change (the cached view is rebuilt)
  local label=$1 f="$WORK/cold.times"; shift
  # warm-up: 12 s of the same requests, long enough for the JIT
  local until=$(( $(date +%s) + 12 ))
  while [ "$(date +%s)" -lt "$until" ]; do bump; time_get "$@" >/dev/null; done
  : >"$f"
  for i in $(seq 1 "$RUNS"); do bump; time_get "$@" >>"$f"; done
  printf "%-40s median %6s ms  p90 %6s ms\n" "$label" "$(ms <"$f" | median)" "$(ms <"$f" | p90)"
}
warm_runs() { # warm_runs LABEL CURL-ARGS...: nothing changes between requests (the cache answers)
  local label=$1 f="$WORK/warm.times"; shift
  for i in $(seq 1 50); do time_get "$@" >/dev/null; done
  : >"$f"
  for i in $(seq 1 "$RUNS"); do time_get "$@" >>"$f"; done
  printf "%-40s median %6s ms  p90 %6s ms\n" "$label" "$(ms <"$f" | median)" "$(ms <"$f" | p90)"
}
ledger_runs() { # ledger_runs LABEL N CURL-ARGS...: 2 warm-up, N timed, peak heap while downloading
  local label=$1 n=$2 f="$WORK/ledger.times" sampler; shift 2
  for i in 1 2; do time_get "$@" >/dev/null; done
  : >"$f"
  ( while true; do heap_mib; echo; sleep 0.1; done ) >"$WORK/heap.samples" 2>/dev/null & sampler=$!
  for i in $(seq 1 "$n"); do time_get "$@" >>"$f"; done
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  printf "%-40s median %6s ms  p90 %6s ms  (%s bytes, peak heap %s MiB of 256)\n" "$label" \
    "$(ms <"$f" | median)" "$(ms <"$f" | p90)" "$(stat -c %s "$WORK/body")" "$(sort -n "$WORK/heap.samples" | tail -1)"
}

start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true \
  TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false TRACKER_CLOCK_FIXED=2022-01-10T02:00:00Z TRACKER_PUBLIC_RATE_LIMIT=0
wait_ready $PORT app
PGPORT=$(embedded_port app)

sql -v n=6250 -f scripts/lib/seed-measures.sql >/dev/null
sql -v n=100000 -f scripts/lib/seed-tasks.sql >/dev/null
curl -sf -u office:$PW -X POST "$URL/api/v1/scans" >/dev/null
sql -c "vacuum analyze" >/dev/null
echo "tasks: $(sql -c "select count(*) from measure where kind = 'TASK'")"
# a city's leader (济南)
curl -sf -u admin:$PW -H 'Content-Type: application/json' -X POST "$URL/api/v1/users" \
  -d "{\"username\":\"leader-jn\",\"password\":\"$PW\",\"role\":\"LEADER\"}" >/dev/null
sql -c "update app_user set region_code = '370100' where username = 'leader-jn'" >/dev/null

# a dashboard client signs in with a personal API token (one indexed lookup): HTTP Basic would add
# the bcrypt check (~110 ms) to every call, whatever the dashboard costs
token() { curl -sf -u "$1:$PW" -H 'Content-Type: application/json' -X POST "$URL/api/v1/me/tokens" -d '{"name":"bench"}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'; }
LEADER_TOKEN=$(token leader)
CITY_TOKEN=$(token leader-jn)
cold_runs "dashboard after a change, province" -H "Authorization: Bearer $LEADER_TOKEN" "$URL/api/v1/dashboard"
cold_runs "dashboard after a change, 济南 account" -H "Authorization: Bearer $CITY_TOKEN" "$URL/api/v1/dashboard"
warm_runs "dashboard, cached" -H "Authorization: Bearer $LEADER_TOKEN" "$URL/api/v1/dashboard"
cold_runs "dashboard after a change, HTTP Basic" -u leader:$PW "$URL/api/v1/dashboard"
# the public cache reads the change stamp at most once a second (ChangeStamp.recent): wait that long
# after each drawn stamp, so that every timed request really is a miss
SETTLE=1.1 cold_runs "public city answer, a cache miss" "$URL/api/v1/public/regions/370100"
SETTLE=1.1 cold_runs "public city page, a cache miss" "$URL/regions/370100"
warm_runs "public city answer, cached" "$URL/api/v1/public/regions/370100"
ledger_runs "ledger.xlsx with 10^5 task lines" 5 -u leader:$PW "$URL/api/v1/ledger.xlsx"
ledger_runs "ledger.xlsx, 济南's tasks" 5 -u leader-jn:$PW "$URL/api/v1/ledger.xlsx"
echo "heap after: $(heap_mib) MiB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); $(date -u +%F)"
