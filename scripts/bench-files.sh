#!/usr/bin/env bash
# Evidence files under load (issue 15), one run on one embedded PostgreSQL, the app's heap capped
# with -Xmx256m: a 20 MB file (TRACKER_EVIDENCE_MAX_MB's default) uploaded and downloaded N times;
# time of each, and the peak heap sampled from /q/metrics every 100 ms while they run. The bytes
# stream (a temporary file, then a PostgreSQL large object 64 KiB at a time): the heap stays flat.
#   scripts/bench-files.sh [N]        (needs java, curl, jq, sha256sum; default N = 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh

RUNS=${1:-5}
WORK=$(mktemp -d /tmp/duban-bench-files.XXXXXX)
PW=bench-Passw0rd!
PORT=18195
URL=http://localhost:$PORT
trap 'stop_app app; rm -rf "$WORK"' EXIT
ensure_built
export APP_JAVA_OPTS="-Xmx256m"

heap_mib() { curl -s "$(mgmt_url $PORT)/q/metrics" | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
ms() { awk '{printf "%.0f\n", $1 * 1000}'; }

start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true \
  TRACKER_DEMO_PASSWORD=$PW TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false TRACKER_STAFF_RATE_LIMIT=0
wait_ready $PORT app

# 20 MB that Tika calls a PDF: the header, then noise
{ printf '%%PDF-1.4\n%%'; head -c $((20 * 1024 * 1024 - 64)) /dev/urandom; printf '\n%%%%EOF\n'; } > "$WORK/big.pdf"
SIZE=$(stat -c %s "$WORK/big.pdf")
SHA=$(sha256sum "$WORK/big.pdf" | cut -d' ' -f1)
echo "file: $SIZE bytes, sha256 $SHA"
echo "heap before: $(heap_mib) MiB"

( while true; do heap_mib; echo; sleep 0.1; done ) >"$WORK/heap.samples" 2>/dev/null & sampler=$!
: >"$WORK/up" ; : >"$WORK/down"
for i in $(seq 1 "$RUNS"); do
  report=$(curl -sf -u reporter-fy:$PW -H 'Content-Type: application/json' -X POST \
    -d '{"progress":10,"publicSummary":"基准"}' "$URL/api/v1/measures/B02/reports" | jq -r .id)
  curl -sf -u reporter-fy:$PW -H 'X-Requested-By: bench' -F "file=@$WORK/big.pdf" -o "$WORK/answer" -w '%{time_total}\n' \
    "$URL/api/v1/reports/$report/files" >>"$WORK/up"
  [ "$(jq -r .sha256 "$WORK/answer")" = "$SHA" ] || { echo "upload $i: sha256 differs"; exit 1; }
  id=$(jq -r .id "$WORK/answer")
  curl -sf -u office:$PW -o "$WORK/back" -w '%{time_total}\n' "$URL/api/v1/files/$id" >>"$WORK/down"
  [ "$(sha256sum "$WORK/back" | cut -d' ' -f1)" = "$SHA" ] || { echo "download $i: bytes differ"; exit 1; }
done
kill $sampler 2>/dev/null || true

printf "%-34s median %6s ms  max %6s ms  (%s runs)\n" "upload 20 MB (multipart)" "$(ms <"$WORK/up" | median)" "$(ms <"$WORK/up" | sort -n | tail -1)" "$RUNS"
printf "%-34s median %6s ms  max %6s ms  (%s runs)\n" "download 20 MB (streamed)" "$(ms <"$WORK/down" | median)" "$(ms <"$WORK/down" | sort -n | tail -1)" "$RUNS"
echo "peak heap while uploading and downloading: $(sort -n "$WORK/heap.samples" | tail -1) MiB of 256 (sampled every 100 ms)"
echo "heap after: $(heap_mib) MiB"
