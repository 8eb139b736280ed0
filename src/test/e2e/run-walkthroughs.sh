#!/usr/bin/env bash
# Browser walkthroughs against a fresh Fazhi: the packaged jar on its own H2 file database and port, Debian's
# chromium driven by playwright-core. Run by .ci/run after the test command (issue 7: the auditor's browser test
# runs in CI). Needs the jar from `./mvnw clean verify` (or `./mvnw -DskipTests package`).
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../../.. && pwd)"
PORT="${E2E_PORT:-18080}"
WORK="$ROOT/target/e2e"

if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is not installed; installing Debian's chromium and CJK fonts (needs root)"
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null || {
    echo "Could not install chromium. Install it with: apt-get install -y chromium fonts-noto-cjk" >&2
    exit 1
  }
fi
npm ci --no-audit --no-fund --silent

JAR="$(ls "$ROOT"/target/fazhi-*.jar | grep -v original | head -1)"
rm -rf "$WORK" && mkdir -p "$WORK"
java -Xmx512m -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/data/fazhi" \
  >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "Fazhi did not start:" >&2; tail -40 "$WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

export FAZHI_URL="http://127.0.0.1:$PORT" SHOTS="$WORK"
node major-decision-walkthrough.js
node reconsideration-walkthrough.js
node audit-walkthrough.js
node normative-document-walkthrough.js
echo "Browser walkthroughs passed; screenshots and exports in $WORK"
