#!/usr/bin/env bash
# Several instances, one result: three packaged instances on one PostgreSQL fire scans at the same
# instant; every flag changes once, every notice is delivered once and leadership gets one digest
# of the bulletins (通报). Then one instance is killed
# with SIGKILL in the middle of a scan: nothing is left half-done and the next scan completes.
#   scripts/multi-instance-scan.sh [MEASURES]      (default 50000 synthetic measures)
# Needs java, curl, jq and psql. Exit status 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh
N=${1:-50000}
WORK=$(mktemp -d /tmp/duban-multi.XXXXXX)
PW=multi-Passw0rd!
PORTS=(18181 18182 18183)
NAMES=(a b c)
cleanup() { for n in "${NAMES[@]}"; do stop_app "$n"; done; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

ensure_built
COMMON=(TRACKER_DEMO_ENABLED=true TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false
        TRACKER_CLOCK_FIXED=2022-01-10T02:00:00Z TRACKER_NOTICES_DELIVERY_EVERY=1h
        TRACKER_NOTICES_LEADERSHIP_EMAIL=leaders@duban.test)

echo "== instance a starts the embedded PostgreSQL (data in $WORK/pg)"
start_app a ${PORTS[0]} "${COMMON[@]}" TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg"
wait_ready ${PORTS[0]} a
PGPORT=$(embedded_port a)
URL="jdbc:postgresql://localhost:$PGPORT/duban"
psql_() { psql -h localhost -p "$PGPORT" -U postgres -d duban -v ON_ERROR_STOP=1 -qtA "$@"; }
echo "== seeding $N synthetic measures; giving every unit an address so notices are delivered"
psql_ -v n="$N" -f scripts/lib/seed-measures.sql >/dev/null
# and local tasks (issue 14): the first N/160 measures broken down into the 16 cities, on the same engine
psql_ -v n="$(( N / 10 ))" -f scripts/lib/seed-tasks.sql >/dev/null
psql_ -c "update unit set email = code || '@duban.test'" >/dev/null
echo "== instances b and c on the same database"
for i in 1 2; do
  start_app ${NAMES[$i]} ${PORTS[$i]} "${COMMON[@]}" QUARKUS_DATASOURCE_JDBC_URL="$URL" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
done
wait_ready ${PORTS[1]} b; wait_ready ${PORTS[2]} c
TOTAL=$(psql_ -c "select count(*) from measure")
TASKS=$(psql_ -c "select count(*) from measure where kind = 'TASK'")
echo "tracked items: $TOTAL (of them local tasks: $TASKS)"

echo "== 1. scans fired on all three at once"
CURLS=()
for i in 0 1 2; do
  curl -s -u office:$PW -X POST "http://localhost:${PORTS[$i]}/api/v1/scans" -o "$WORK/scan-$i.json" &
  CURLS+=($!)
done
wait "${CURLS[@]}"
for i in 0 1 2; do jq -e '.outcome == "OK"' "$WORK/scan-$i.json" >/dev/null || fail "scan on ${NAMES[$i]}: $(cat "$WORK/scan-$i.json")"; done
CHANGED=$(jq -s 'map(.flagsChanged) | add' "$WORK"/scan-*.json)
WORKERS=$(jq -s 'map(select(.flagsChanged > 0)) | length' "$WORK"/scan-*.json)
QUEUED=$(jq -s 'map(.noticesQueued) | add' "$WORK"/scan-*.json)
echo "flags changed: $CHANGED (by $WORKERS of the 3 scans); notices queued: $QUEUED"
[ "$WORKERS" = 1 ] || fail "expected exactly one scan to change flags, got $WORKERS"
DUP=$(psql_ -c "select count(*) from (select measure_id from journal_entry where action = 'SCAN' and field = 'light' group by measure_id having count(*) > 1) d")
[ "$DUP" = 0 ] || fail "$DUP measures or tasks had their light changed more than once"
TASKFLAGS=$(psql_ -c "select count(distinct measure_id) from journal_entry where action = 'SCAN' and entity = 'TASK'")
[ "$TASKFLAGS" -gt 0 ] || fail "no task's flags were changed by the scan"
ok "tasks flagged by the same scan: $TASKFLAGS tasks changed, each once"
ok "every flag changed once ($CHANGED measures, by one scan)"
STALE=$(psql_ -c "select count(*) from measure where light <> duban_light(status, progress, start_date, current_deadline, claimed_done_on, reporting_missed, date '2022-01-10', 15, 25)")
[ "$STALE" = 0 ] || fail "$STALE measures have a light the rule does not give"
ok "every stored light matches the rule"
# deliveries: each notice logged (no SMTP here) by exactly one instance
CURLS=()
for i in 0 1 2; do curl -s -u office:$PW -X POST "http://localhost:${PORTS[$i]}/api/v1/scans" -o /dev/null & CURLS+=($!); done
wait "${CURLS[@]}"
NOTICES=$(psql_ -c "select count(*) from notice where state = 'SENT'")
PENDING=$(psql_ -c "select count(*) from notice where state in ('PENDING', 'SENDING')")
LOGGED=$(cat "$WORK"/{a,b,c}.log | grep -o 'Notice [0-9]* (no SMTP configured' | sort | uniq | wc -l)
LOGGED_ALL=$(cat "$WORK"/{a,b,c}.log | grep -c 'Notice [0-9]* (no SMTP configured' || true)
echo "notices sent: $NOTICES; pending: $PENDING; deliveries logged: $LOGGED_ALL ($LOGGED distinct)"
[ "$PENDING" = 0 ] || fail "$PENDING notices still pending"
[ "$NOTICES" = "$LOGGED_ALL" ] && [ "$LOGGED" = "$LOGGED_ALL" ] || fail "deliveries: $LOGGED_ALL logged for $NOTICES sent notices"
ok "every notice delivered exactly once ($NOTICES)"
# leadership: the bulletins of the one working scan in one digest, and every bulletin in it
BULLETINS=$(psql_ -c "select count(*) from notice where level = 'BULLETIN' and measure_id is not null")
DIGESTS=$(psql_ -c "select count(*) from notice where measure_id is null")
LOOSE=$(psql_ -c "select count(*) from notice where level = 'BULLETIN' and measure_id is not null and (digest_id is null or state <> 'DIGESTED')")
LISTED=$(psql_ -c "select coalesce(sum(item_count), 0) from notice where measure_id is null and state = 'SENT'")
echo "bulletins: $BULLETINS; leadership digests: $DIGESTS listing $LISTED"
[ "$BULLETINS" -gt 0 ] || fail "no item crossed the bulletin threshold: nothing to check"
[ "$DIGESTS" = 1 ] && [ "$LOOSE" = 0 ] && [ "$LISTED" = "$BULLETINS" ] || fail "expected one sent digest listing all $BULLETINS bulletins"
ok "leadership got one digest listing all $BULLETINS bulletins"
AGAIN=$(jq -s 'map(.flagsChanged + .noticesQueued) | add' <(for i in 0 1 2; do curl -s -u office:$PW -X POST "http://localhost:${PORTS[$i]}/api/v1/scans"; done))
[ "$AGAIN" = 0 ] || fail "scanning again at the same instant changed $AGAIN things"
ok "scanning again at the same instant changes nothing"

echo "== 2. SIGKILL in the middle of a scan"
# no addresses now: the notices of this phase are queued (NO_RECIPIENT) but need no delivery
psql_ -c "update unit set email = null" >/dev/null
# move every deadline back 40 days: the next scan has work on most rows
psql_ -c "update measure set start_date = start_date - 40, current_deadline = current_deadline - 40, committed_deadline = committed_deadline - 40" >/dev/null
BEFORE_RUNS=$(psql_ -c "select count(*) from scan_run")
BEFORE_JOURNAL=$(psql_ -c "select count(*) from journal_entry")
curl -s -u office:$PW -X POST "http://localhost:${PORTS[1]}/api/v1/scans" -o "$WORK/killed.json" &
CURL=$!
# wait until b's scan is inside its transaction (holding the advisory lock), then kill b
for i in $(seq 1 200); do
  [ "$(psql_ -c "select count(*) from pg_locks where locktype = 'advisory' and granted")" != 0 ] && break
  sleep 0.05
done
kill -9 "$(cat "$WORK/b.pid")"
echo "b killed while its scan held the lock"
wait $CURL 2>/dev/null || true
sleep 1
AFTER_JOURNAL=$(psql_ -c "select count(*) from journal_entry")
AFTER_RUNS=$(psql_ -c "select count(*) from scan_run")
[ "$AFTER_JOURNAL" = "$BEFORE_JOURNAL" ] || fail "the killed scan left $((AFTER_JOURNAL - BEFORE_JOURNAL)) journal rows"
[ "$AFTER_RUNS" = "$BEFORE_RUNS" ] || fail "the killed scan left a scan record"
ok "the killed scan left nothing half-done (journal and scan history unchanged)"
curl -s -u office:$PW -X POST "http://localhost:${PORTS[2]}/api/v1/scans" -o "$WORK/after.json"
jq -e '.outcome == "OK" and .flagsChanged > 0' "$WORK/after.json" >/dev/null || fail "the next scan: $(cat "$WORK/after.json")"
STALE=$(psql_ -c "select count(*) from measure where light <> duban_light(status, progress, start_date, current_deadline, claimed_done_on, reporting_missed, date '2022-01-10', 15, 25)")
[ "$STALE" = 0 ] || fail "$STALE measures have a stale light after the next scan"
ok "the next scan (on c) completed the work: $(jq .flagsChanged "$WORK/after.json") measures changed, every light right"
echo "PASS: 3 instances, $TOTAL measures"
