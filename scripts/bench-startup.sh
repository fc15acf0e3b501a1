#!/usr/bin/env bash
# Startup benchmark of the packaged app on an already-initialised embedded PostgreSQL:
# time from launch to ready (GET /q/health/ready = 200) and idle RSS, over RUNS runs; medians.
#   scripts/bench-startup.sh [RUNS]          (default 5; builds the app first if it is missing)
# Extra JVM flags can be tried with JAVA_OPTS, e.g. JAVA_OPTS="-XX:TieredStopAtLevel=1".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh
RUNS=${1:-5}
PORT=${PORT:-18080}
JAR=target/quarkus-app/quarkus-run.jar
DATA=$(mktemp -d /tmp/duban-bench-pg.XXXXXX)
trap 'pkill -f "TRACKER_BENCH_TAG" >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT
[ -f "$JAR" ] || ./mvnw -B -q -ntp package -DskipTests

export TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR=$DATA TRACKER_DEMO_ENABLED=true \
  TRACKER_DEMO_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 10000)) TRACKER_SCAN_CRON=off

now_ms() { date +%s%3N; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pg_rss_kb() { # PostgreSQL processes serving this data directory
  local total=0 pid
  for pid in $(pgrep -f "postgres.*$DATA" || true); do total=$((total + $(rss_kb "$pid"))); done
  echo $total
}

run_once() { # prints "ready_ms app_rss_kb pg_rss_kb"
  local start pid ready
  start=$(now_ms)
  java ${JAVA_OPTS:-} -Dduban.bench=TRACKER_BENCH_TAG -jar "$JAR" >/tmp/duban-bench-app.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$((PORT + 10000))/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "the app died: see /tmp/duban-bench-app.log" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(( $(now_ms) - start ))
  sleep "${IDLE_SECONDS:-10}"
  echo "$ready $(rss_kb $pid) $(pg_rss_kb)"
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

echo "initialising the embedded database in $DATA (first run: initdb, migrations, catalogue)..."
first=$(run_once); echo "first run (initdb included): ready in $(echo "$first" | cut -d' ' -f1) ms"

: > /tmp/duban-bench-runs.txt
for i in $(seq 1 "$RUNS"); do
  r=$(run_once); echo "run $i: ready_ms app_rss_kb pg_rss_kb = $r"; echo "$r" >> /tmp/duban-bench-runs.txt
done
echo "---"
echo "median launch-to-ready: $(cut -d' ' -f1 /tmp/duban-bench-runs.txt | median) ms"
echo "median idle RSS of the app JVM: $(( $(cut -d' ' -f2 /tmp/duban-bench-runs.txt | median | cut -d. -f1) / 1024 )) MiB"
echo "median idle RSS of its PostgreSQL processes: $(( $(cut -d' ' -f3 /tmp/duban-bench-runs.txt | median | cut -d. -f1) / 1024 )) MiB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); $(date -u +%F)"
