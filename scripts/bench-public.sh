#!/usr/bin/env bash
# The public API against the physical limit, in one run on one embedded PostgreSQL with 10^5
# synthetic measures (rate limit off):
#   pgbench -c16 -T15: the one-row read by code          | wrk -c16 -d15s GET /api/v1/public/measures/P0050000
#   pgbench -c16 -T15: the first 20 overdue by deadline  | wrk -c16 -d15s GET /api/v1/public/measures?overdue=true
# and prints each rate, the ratio app/pgbench and wrk's p99 latency. Needs wrk and pgbench
# (apt-get install wrk postgresql-client).
#   scripts/bench-public.sh [SECONDS]      (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh

SECS=${1:-15}
WORK=$(mktemp -d /tmp/duban-bench-public.XXXXXX)
PW=bench-Passw0rd!
PORT=18193
URL=http://localhost:$PORT
trap 'stop_app app; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 2; }
ensure_built
export APP_JAVA_OPTS="-Xmx512m"

start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true \
  TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false TRACKER_CLOCK_FIXED=2022-01-10T02:00:00Z \
  TRACKER_PUBLIC_RATE_LIMIT=0 QUARKUS_LOG_LEVEL=WARN
wait_ready $PORT app
PGPORT=$(embedded_port app)
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -v ON_ERROR_STOP=1)
"${PSQL[@]}" -v n=100000 -f scripts/lib/seed-measures.sql >/dev/null
"${PSQL[@]}" -f scripts/lib/seed-reports.sql >/dev/null
"${PSQL[@]}" -c "vacuum analyze" >/dev/null
echo "measures: $("${PSQL[@]}" -c 'select count(*) from measure'), overdue on 2022-01-10: $("${PSQL[@]}" -c "select count(*) from measure where duban_overdue(status, current_deadline, claimed_done_on, date '2022-01-10')")"

# q at 10^5: the plan and the time of the title search the API runs (n-gram GIN index, then LIKE)
echo "q=事项 12345 at 10^5:"
"${PSQL[@]}" -c "explain (analyze, costs off) select id from measure where duban_title_match(title_grams, '事项 12345') = true and lower(title) like '%事项 12345%'" \
  | grep -E "Index Scan|Bitmap|Execution Time" | sed 's/^/  /'
for i in 1 2 3; do curl -s -o /dev/null -w "  GET /api/v1/public/measures?q=... %{http_code} in %{time_total} s\n" "$URL/api/v1/public/measures?q=%E4%BA%8B%E9%A1%B9%2012345&n=$i"; done

cat >"$WORK/one.sql" <<'SQL'
select m.code, m.area, m.title, m.summary, m.lead_unit_code, m.start_date, m.committed_deadline, m.current_deadline,
       m.status, m.progress, m.claimed_done_on from measure m where m.code = 'P0050000';
SQL
cat >"$WORK/overdue.sql" <<'SQL'
select m.code, m.title, m.current_deadline from measure m
 where m.current_deadline < date '2022-01-10' and duban_overdue(m.status, m.current_deadline, m.claimed_done_on, date '2022-01-10')
 order by m.current_deadline, m.code limit 20;
SQL

cat >"$WORK/bust.lua" <<'LUA'
-- a query parameter the API ignores makes every request a cache miss: the uncached path
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nocache=" .. math.random(1, 2000000000))
end
LUA

pg_tps() { # pg_tps SCRIPT
  PGPASSWORD= pgbench -h localhost -p "$PGPORT" -U postgres -n -c 16 -j 2 -T "$SECS" -f "$1" duban 2>/dev/null \
    | awk '/^tps/ {print int($3); exit}'
}
wrk_run() { # wrk_run URL [wrk args] -> "rate p99 non2xx"
  local url=$1; shift
  wrk -t 2 -c 16 -d "${SECS}s" --latency "$@" "$url" >"$WORK/wrk.txt"
  local rate p99 non2xx
  rate=$(awk '/Requests\/sec/ {print int($2)}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
  echo "$rate $p99 ${non2xx:-0}"
}

# warm the JIT and the cache a little
wrk -t 2 -c 16 -d 5s "$URL/api/v1/public/measures/P0050000" >/dev/null
wrk -t 2 -c 16 -d 5s "$URL/api/v1/public/measures?overdue=true" >/dev/null

pg_one=$(pg_tps "$WORK/one.sql")
read -r app_one p99_one bad_one < <(wrk_run "$URL/api/v1/public/measures/P0050000")
pg_over=$(pg_tps "$WORK/overdue.sql")
read -r app_over p99_over bad_over < <(wrk_run "$URL/api/v1/public/measures?overdue=true")
read -r cold_one cp99_one cbad_one < <(wrk_run "$URL/api/v1/public/measures/P0050000" -s "$WORK/bust.lua")
read -r cold_over cp99_over cbad_over < <(wrk_run "$URL/api/v1/public/measures?overdue=true" -s "$WORK/bust.lua")

printf "%-44s %9s %9s %7s %9s %7s\n" "what" "pgbench/s" "app/s" "ratio" "app p99" "non-2xx"
printf "%-44s %9s %9s %7s %9s %7s\n" "one measure by code (aim 1.0x, p99 < 20 ms)" "$pg_one" "$app_one" \
  "$(awk -v a="$app_one" -v b="$pg_one" 'BEGIN {printf "%.2fx", a/b}')" "$p99_one" "$bad_one"
printf "%-44s %9s %9s %7s %9s %7s\n" "first 20 overdue (aim 0.5x, p99 < 20 ms)" "$pg_over" "$app_over" \
  "$(awk -v a="$app_over" -v b="$pg_over" 'BEGIN {printf "%.2fx", a/b}')" "$p99_over" "$bad_over"
printf "%-44s %9s %9s %7s %9s %7s\n" "one measure, every request a cache miss" "$pg_one" "$cold_one" \
  "$(awk -v a="$cold_one" -v b="$pg_one" 'BEGIN {printf "%.2fx", a/b}')" "$cp99_one" "$cbad_one"
printf "%-44s %9s %9s %7s %9s %7s\n" "first 20 overdue, every request a cache miss" "$pg_over" "$cold_over" \
  "$(awk -v a="$cold_over" -v b="$pg_over" 'BEGIN {printf "%.2fx", a/b}')" "$cp99_over" "$cbad_over"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $(pgbench --version); $(date -u +%F); wrk, pgbench, app and PostgreSQL share the machine"
