#!/usr/bin/env bash
# The ledger and the overdue report as an office prints them (issue 15, point 6): starts the packaged
# app in demo mode (sample local tasks on, the clock fixed at AS_OF, one accepted report with a long
# summary so that 进展情况 wraps), downloads /api/v1/ledger.xlsx and /api/v1/overdue.xlsx as the
# office, converts each to PDF with LibreOffice headless (as a person would print it) and the first
# pages to PNG, into docs/screenshots/:
#   ledger-print.pdf, ledger-print.png (汇总), ledger-print-2.png (the first area sheet),
#   overdue-print.pdf, overdue-print.png
# Needs: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils (pdftoppm, optional)
#   scripts/render-ledger.sh [AS_OF]      (default 2022-01-10T02:00:00Z: 截至2022年1月10日, most
#                                          measures overdue, so the overdue report has lines)
# Rebuild first if the code changed (./mvnw -B -ntp package -DskipTests): the jar is built only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh

AS_OF=${1:-2022-01-10T02:00:00Z}
WORK=$(mktemp -d /tmp/duban-render.XXXXXX)
PW=render-Passw0rd!
PORT=18195
URL=http://localhost:$PORT
OUT=docs/screenshots
trap 'stop_app app; rm -rf "$WORK"' EXIT
command -v soffice >/dev/null || { echo "soffice missing: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk"; exit 1; }
ensure_built

start_app app $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_DEMO_ENABLED=true \
  TRACKER_DEMO_PASSWORD=$PW TRACKER_DEMO_SAMPLE_TASKS=true TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false \
  TRACKER_CLOCK_FIXED="$AS_OF"
wait_ready $PORT app

mkdir -p "$OUT" "$WORK/pdf"
# a report on B02 (led by 省法院) with a long public summary, accepted: its 进展情况 wraps over lines
id=$(curl -sf -u reporter-fy:$PW -H 'Content-Type: application/json' -X POST "$URL/api/v1/measures/B02/reports" \
  -d '{"progress":65,"publicSummary":"全省三级法院网上立案系统已全部上线运行，网上立案占比达到百分之七十八，平均审核时长由两个工作日缩短至四个小时；下一步将推进跨域立案和移动端立案。"}' \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2) || true
[ -n "${id:-}" ] && curl -sf -u office:$PW -X POST "$URL/api/v1/reports/$id/accept" >/dev/null || echo "no report added (the ledger renders without one)"
curl -sf -u office:$PW -o "$WORK/ledger-print.xlsx" "$URL/api/v1/ledger.xlsx"
curl -sf -u office:$PW -o "$WORK/overdue-print.xlsx" "$URL/api/v1/overdue.xlsx"
for name in ledger-print overdue-print; do
  # a profile of its own, so that a LibreOffice already open elsewhere does not take the job
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --convert-to pdf --outdir "$WORK/pdf" "$WORK/$name.xlsx" >/dev/null
  cp "$WORK/pdf/$name.pdf" "$OUT/$name.pdf"
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$OUT/$name.pdf" "$OUT/$name"
    if [ "$name" = ledger-print ]; then
      pdftoppm -png -r 110 -f 2 -l 2 -singlefile "$OUT/$name.pdf" "$OUT/$name-2"
    fi
  fi
  pages=$(command -v pdfinfo >/dev/null && pdfinfo "$OUT/$name.pdf" | awk '/^Pages:/ {print $2}' || echo "?")
  echo "$OUT/$name.pdf: $pages pages$( [ -f "$OUT/$name.png" ] && echo ", first page in $OUT/$name.png")"
done
