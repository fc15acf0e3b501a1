#!/usr/bin/env bash
# Scan benchmark: for each size (default 10000 100000 1000000) a fresh embedded database is seeded
# with that many synthetic measures, then three scans run through the API:
#   first   - 2022-01-10: most flags change, eight rounds close, notices are queued
#   again   - the same instant: nothing to change (the idle cost of a scan)
#   nextday - 2022-01-11: overdue days move for every overdue measure
# and the app's heap is read from /q/metrics after each. Medians are not needed: one scan each,
# sizes compared in one run. Notices go nowhere (units have no address), so only queuing counts.
#   scripts/bench-scan.sh [SIZES...]
# With TASKS=k each size also gets k local tasks (the first k/16 measures broken down into the 16
# cities, scripts/lib/seed-tasks.sql): the scan flags measures and tasks in the same statements.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh

[ $# -gt 0 ] && SIZES=("$@") || SIZES=(10000 100000 1000000)
WORK=$(mktemp -d /tmp/duban-bench-scan.XXXXXX)
PW=bench-Passw0rd!
PORT=18190
trap 'stop_app app; rm -rf "$WORK"' EXIT
ensure_built
heap_mib() { curl -s "$(mgmt_url $PORT)/q/metrics" | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
scan_at() { # scan_at INSTANT -> prints "durationMs flagsChanged noticesQueued"
  curl -s -u office:$PW -X POST "http://localhost:$PORT/api/v1/scans" -H "X-Bench-At: $1" | jq -r '"\(.durationMs) \(.flagsChanged) \(.noticesQueued)"'
}
printf "%-9s %-8s %10s %9s %9s %9s\n" size scan ms changed queued heapMiB
[ -n "${TASKS:-}" ] && echo "(each size also has ${TASKS} local tasks)"
for n in "${SIZES[@]}"; do
  rm -rf "$WORK/pg"
  # the clock is fixed per app start: restart between scans that need another day
  for step in first:2022-01-10T02:00:00Z again:2022-01-10T02:00:00Z nextday:2022-01-11T02:00:00Z; do
    name=${step%%:*}; at=${step#*:}
    start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true \
      TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false TRACKER_CLOCK_FIXED="$at"
    wait_ready $PORT app
    if [ "$name" = first ]; then
      PGPORT=$(embedded_port app)
      psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1 -v n="$n" -f scripts/lib/seed-measures.sql >/dev/null
      if [ -n "${TASKS:-}" ]; then
        psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1 -v n="$TASKS" -f scripts/lib/seed-tasks.sql >/dev/null
      fi
      psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c "vacuum analyze" >/dev/null
    fi
    read -r ms changed queued < <(scan_at "$at")
    printf "%-9s %-8s %10s %9s %9s %9s\n" "$n" "$name" "$ms" "$changed" "$queued" "$(heap_mib)"
    stop_app app
  done
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); $(date -u +%F)"
