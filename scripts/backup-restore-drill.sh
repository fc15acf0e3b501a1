#!/usr/bin/env bash
# Backup and restore drill: the app runs on its embedded PostgreSQL and is used (reports, a review,
# a postponement, a scan, logins); pg_dump takes a backup; the dump is restored into a fresh
# database; a second app starts on the restored database, and the drill checks that measures,
# reports, journal and audit rows match and that the audit hash chain verifies there. An evidence
# file (a large object, issue 15) is planted before the backup and must come back byte for byte.
#   scripts/backup-restore-drill.sh          (needs java, curl, jq, pg_dump, pg_restore, psql)
# (and sha256sum) Exit status 0 when every check passes. CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh
WORK=$(mktemp -d /tmp/duban-drill.XXXXXX)
PW=drill-Passw0rd!
trap 'stop_app live; stop_app restored; rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }
ensure_built
# the audit key lives outside the database: a restore verifies only with the same key (kept apart
# from the dump, as docs/operations.md says), so both apps are given it
AUDIT_KEY=$(random_key)
COMMON=(TRACKER_DEMO_ENABLED=true TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false
        TRACKER_CLOCK_FIXED=2021-10-01T02:00:00Z TRACKER_AUDIT_KEY="$AUDIT_KEY")

echo "== the live app on its embedded PostgreSQL"
start_app live 18201 "${COMMON[@]}" TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg"
wait_ready 18201 live
PGPORT=$(embedded_port live)
LIVE=http://localhost:18201
api() { curl -sf -u "$1:$PW" -H 'Content-Type: application/json' "${@:2}"; }

echo "== a morning's work: reports, a review, a postponement, a scan, a refused request"
id=$(api reporter-fy -X POST -d '{"progress":40,"publicSummary":"演练：网上立案审核时间已压缩","narrative":"内部"}' "$LIVE/api/v1/measures/B02/reports" | jq -r .id)
api office -X POST "$LIVE/api/v1/reports/$id/accept" >/dev/null
pending=$(api reporter-fy -X POST -d '{"progress":50,"publicSummary":"演练：待审"}' "$LIVE/api/v1/measures/B02/reports" | jq -r .id)
# an evidence file on the pending report: a PDF with 1 MB of noise inside, kept as a large object
{ printf '%%PDF-1.4\n%%'; head -c 1048576 /dev/urandom | base64 -w 0; printf '\n%%%%EOF\n'; } > "$WORK/evidence.pdf"
FILE_SHA=$(sha256sum "$WORK/evidence.pdf" | cut -d' ' -f1)
planted=$(curl -sf -u "reporter-fy:$PW" -H 'X-Requested-By: drill' -F "file=@$WORK/evidence.pdf;filename=演练佐证.pdf" \
  "$LIVE/api/v1/reports/$pending/files")
FILE_ID=$(echo "$planted" | jq -r .id)
[ "$(echo "$planted" | jq -r .sha256)" = "$FILE_SHA" ] || fail "the planted file's sha256 differs: $planted"
ok "evidence file $FILE_ID planted, sha256 $FILE_SHA"
api office -X POST -d '{"newDeadline":"2022-03-31","reason":"演练：范围扩大"}' "$LIVE/api/v1/measures/J05/postponements" >/dev/null
api office -X POST "$LIVE/api/v1/scans" >/dev/null
curl -s -o /dev/null -u reporter-fy:$PW "$LIVE/api/v1/dashboard" || true
sleep 1 # refusals reach the audit trail asynchronously

counts() { # counts PORT DB -> one line of table counts
  psql -h localhost -p "$1" -U postgres -d "$2" -qtA -F' ' -c "select
    (select count(*) from measure), (select count(*) from progress_report), (select count(*) from postponement),
    (select count(*) from journal_entry), (select count(*) from audit_event), (select count(*) from app_user),
    (select count(*) from evidence_file), (select count(*) from pg_largeobject_metadata),
    (select max(hash) filter (where id = (select max(id) from audit_event)) from audit_event)"
}
BEFORE=$(counts "$PGPORT" duban)
echo "live:     measures reports postponements journal audit users files large-objects last-hash = $BEFORE"

echo "== backup with pg_dump (custom format) while the app runs: it reads one consistent snapshot"
pg_dump -h localhost -p "$PGPORT" -U postgres -Fc -f "$WORK/duban.dump" duban
ls -l "$WORK/duban.dump" | awk '{print "dump: " $5 " bytes"}'

echo "== restore into a fresh database"
psql -h localhost -p "$PGPORT" -U postgres -d postgres -qtA -c "create database duban_restored" >/dev/null
pg_restore -h localhost -p "$PGPORT" -U postgres -d duban_restored --no-owner --exit-on-error "$WORK/duban.dump"
AFTER=$(counts "$PGPORT" duban_restored)
echo "restored: measures reports postponements journal audit users files large-objects last-hash = $AFTER"
[ "$BEFORE" = "$AFTER" ] || fail "the restored database differs"
ok "every count and the last audit hash match"

echo "== the app on the restored database"
start_app restored 18202 "${COMMON[@]}" TRACKER_CATALOGUE_LOAD=true \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PGPORT/duban_restored" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
wait_ready 18202 restored
R=http://localhost:18202
[ "$(api office "$R/api/v1/measures/J05" | jq -r .deadline)" = "2022-03-31" ] || fail "J05's postponement is not there"
[ "$(api office "$R/api/v1/measures/B02" | jq -r .progress)" = "40" ] || fail "B02's accepted progress is not there"
[ "$(curl -sf "$R/api/v1/public/measures/B02/timeline" | jq -r '.[0].summary')" = "演练：网上立案审核时间已压缩" ] || fail "the public timeline is not there"
ok "the restored app serves the same measures, progress, postponements and timeline"
curl -sf -u "office:$PW" -D "$WORK/file.headers" -o "$WORK/evidence.restored" "$R/api/v1/files/$FILE_ID" || fail "the evidence file cannot be read after the restore"
[ "$(sha256sum "$WORK/evidence.restored" | cut -d' ' -f1)" = "$FILE_SHA" ] || fail "the evidence file differs after the restore"
grep -qi "^x-content-sha256: $FILE_SHA" "$WORK/file.headers" || fail "the restored file's stored sha256 differs"
ok "the evidence file comes back byte for byte (sha256 $FILE_SHA)"
verify=$(api auditor "$R/api/v1/audit/verify")
echo "audit/verify on the restored database: $verify"
[ "$(echo "$verify" | jq -r .intact)" = "true" ] || fail "the audit chain does not verify after the restore"
ok "the audit hash chain verifies after the restore"
# the restored app keeps writing on the same chain
api office -X POST -d '{"newDeadline":"2022-06-30","reason":"演练：恢复后继续工作"}' "$R/api/v1/measures/J05/postponements" >/dev/null
[ "$(api auditor "$R/api/v1/audit/verify" | jq -r .intact)" = "true" ] || fail "the chain broke after new writes"
ok "new writes on the restored database extend the chain"
echo "PASS: backup, restore, and the app on the restored database"
