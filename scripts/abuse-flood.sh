#!/usr/bin/env bash
# Abuse before sign-in stays cheap (issue 11, point 6), against the packaged app on its embedded
# PostgreSQL, outside demo mode (real keys, a real administrator):
#   1. the public API from 127.0.0.3, alone, after a warm-up: its rate and latency
#   2. the same, while 127.0.0.1 sends 10,000 staff requests within a minute: half anonymous, half
#      wrong Basic passwords for made-up and real user names (a password sprayer)
#   3. how many audit rows the flood left (one per address and minute for anonymous refusals; a
#      row per failed password until the address is throttled); a real user (security) signing in
#      through the login form from 127.0.0.2 in the middle of it; and the targeted account (admin,
#      whose password sign-in the sprayer locks: that is what the lockout is for) keeping the page
#      session it had before
#   scripts/abuse-flood.sh            (needs java, curl, psql, python3)
# The public rate limit is off here (TRACKER_PUBLIC_RATE_LIMIT=0) so that the public's own rate is
# what is measured; the staff rate limit is the default (1,200 a minute per address).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh
WORK=$(mktemp -d /tmp/duban-flood.XXXXXX)
PORT=18211
URL=http://127.0.0.1:$PORT
trap 'stop_app flood; rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }
ensure_built
ADMIN_PW="Flood-Boss-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECURITY_PW="Flood-Guard-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start_app flood $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false \
  TRACKER_PUBLIC_RATE_LIMIT=0 TRACKER_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PW" TRACKER_BOOTSTRAP_SECURITY_PASSWORD="$SECURITY_PW" \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$(random_key)" TRACKER_AUDIT_KEY="$(random_key)"
wait_ready $PORT flood
PGPORT=$(embedded_port flood)
audit_rows() { psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c "select count(*) from audit_event"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])$2)" "$1"; }

echo "== warm-up: 15 s of public requests (JIT)"
python3 scripts/lib/load.py "$URL/api/v1/public/measures?size=20" --source 127.0.0.3 --seconds 15 --threads 4 >/dev/null
echo "== 1. the public alone, 20 s, 4 connections from 127.0.0.3"
ALONE=$(python3 scripts/lib/load.py "$URL/api/v1/public/measures?size=20" --source 127.0.0.3 --seconds 20 --threads 4)
echo "public alone:      $ALONE"

echo "== admin signs in from 127.0.0.4 before the flood (its page session)"
curl -s -o /dev/null --interface 127.0.0.4 -c "$WORK/admin.jar" --data-urlencode j_username=admin --data-urlencode "j_password=$ADMIN_PW" "$URL/j_security_check"
BEFORE_FLOOD=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.4 -b "$WORK/admin.jar" "$URL/staff/password")
echo "admin's session before the flood: GET /staff/password -> $BEFORE_FLOOD"

echo "== 2. the flood: 10,000 staff requests from 127.0.0.1 within a minute, the public measured meanwhile"
BEFORE=$(audit_rows)
python3 scripts/lib/load.py "$URL/api/v1/measures" --source 127.0.0.1 --kind flood --count 10000 --seconds 60 --threads 8 >"$WORK/flood.json" &
FLOOD=$!
sleep 2
DURING=$(python3 scripts/lib/load.py "$URL/api/v1/public/measures?size=20" --source 127.0.0.3 --seconds 20 --threads 4)
echo "public during:     $DURING"
echo "== 3. a real user signs in from 127.0.0.2 while the flood goes on"
LOGIN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --interface 127.0.0.2 -c "$WORK/jar" \
  --data-urlencode j_username=security --data-urlencode "j_password=$SECURITY_PW" "$URL/j_security_check")
echo "form sign-in of security from 127.0.0.2: $LOGIN"
wait $FLOOD
AFTER_FLOOD=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.4 -b "$WORK/admin.jar" "$URL/staff/password")
ADMIN_LOCKED=$(psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -c \
  "select failed_logins || ' wrong passwords in a row, password sign-in ' || case when locked_until > now() then 'locked' else 'not locked' end from app_user where username = 'admin'")
echo "admin after the flood: $ADMIN_LOCKED; its session: GET /staff/password -> $AFTER_FLOOD"
echo "flood:             $(cat "$WORK/flood.json")"
sleep 75  # the audit tally writes a minute's count when the minute is over
AFTER=$(audit_rows)
echo "audit rows: $BEFORE before, $AFTER after: +$((AFTER - BEFORE))"
psql -h localhost -p "$PGPORT" -U postgres -d duban -qtA -F' | ' -c \
  "select action, result, count(*), coalesce(sum((detail::json->>'count')::int) filter (where detail like '{\"count\"%'), 0)
     from audit_event where id > (select max(id) - $((AFTER - BEFORE)) from audit_event) group by 1, 2 order by 1, 2" \
  | sed 's/^/  action | result | rows | requests counted: /'

SENT=$(field "$(cat "$WORK/flood.json")" "['requests']")
[ "$SENT" -ge 10000 ] || fail "the flood sent only $SENT requests"
FLOOD_SECONDS=$(field "$(cat "$WORK/flood.json")" "['seconds']")
python3 -c "import sys; sys.exit(0 if float('$FLOOD_SECONDS') <= 60 else 1)" || fail "the flood took $FLOOD_SECONDS s, not a minute"
ok "10,000 anonymous and wrong-password requests from one address in $FLOOD_SECONDS s"
RATIO=$(python3 -c "import json; a=json.loads('''$ALONE'''); d=json.loads('''$DURING'''); print(round(d['perSecond']/a['perSecond'], 2))")
echo "public rate during the flood / alone: $RATIO; median $(field "$ALONE" "['medianMs']") ms alone, $(field "$DURING" "['medianMs']") ms during"
python3 -c "import sys; sys.exit(0 if $RATIO >= 0.5 else 1)" || fail "the public's rate fell to $RATIO of its usual"
ok "the public is answered at $RATIO of its usual rate during the flood"
[ $((AFTER - BEFORE)) -le 300 ] || fail "the audit table grew by $((AFTER - BEFORE)) rows"
ok "the audit table grew by $((AFTER - BEFORE)) rows for 10,000 refusals"
[ "$BEFORE_FLOOD" = 200 ] && [ "$AFTER_FLOOD" = 200 ] || fail "admin's session did not survive the lockout ($BEFORE_FLOOD, $AFTER_FLOOD)"
ok "the sprayed account ($ADMIN_LOCKED) keeps its session (200)"
case "$LOGIN" in
  "302 "*/staff/password*|"302 "*/staff/account*|"302 "*/staff) ok "the real user signed in from 127.0.0.2 during the flood ($LOGIN)";;
  *) fail "the real user could not sign in: $LOGIN";;
esac
echo "PASS"
