#!/usr/bin/env bash
# The OpenAPI document as clients read it (served by the packaged app on the management port) must
# lint without errors under Redocly's recommended rules: npx @redocly/cli@2.77.0 lint.
#   scripts/openapi-lint.sh          (needs java, curl, node/npm; CI runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/app.sh
WORK=$(mktemp -d /tmp/duban-openapi.XXXXXX)
PORT=18241
trap 'stop_app lint; rm -rf "$WORK"' EXIT
ensure_built
start_app lint $PORT TRACKER_EMBEDDED_DB=true TRACKER_EMBEDDED_DB_DIR="$WORK/pg" TRACKER_SCAN_CRON=off TRACKER_SCAN_ON_START=false \
  TRACKER_PUBLIC_BASE_URL=https://duban.zfw.gov.cn/
wait_ready $PORT lint
curl -sf "$(mgmt_url $PORT)/q/openapi" -o "$WORK/openapi.yaml"
echo "operations: $(grep -cE '^      operationId:' "$WORK/openapi.yaml")"
CHROMEDRIVER_SKIP_DOWNLOAD=true npx -y @redocly/cli@2.77.0 lint "$WORK/openapi.yaml" --format=stylish
