#!/usr/bin/env bash
# Runs every test suite: typecheck, lint, unit + integration (vitest), the production build, and e2e (Playwright).
# Uses the PostgreSQL server when TEST_DATABASE_URL or DATABASE_URL is set, embedded PGlite otherwise.
# Ends with one line: "N passed, N failed" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json

export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi

# e2e drives a Chromium: Debian's (/usr/bin/chromium) or Playwright's own. Installed here when it can be (root with apt).
has_browser() {
  [ -x /usr/bin/chromium ] || ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium*/ >/dev/null 2>&1
}
if ! has_browser && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "=== installing Debian's chromium for e2e"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
fi
has_browser || echo "e2e needs Chromium: run 'sudo apt-get install -y chromium' (Debian/Ubuntu) or 'npx playwright install chromium', then npm test again"

declare -a results=()
step() { # name, command...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then results+=("$name:pass"); else results+=("$name:fail"); fi
}

step typecheck npx tsc --noEmit
step lint npx biome lint .
# redocly prints a boxed notice about Node 20's end of life on every run; the lint result is what matters here.
step openapi-lint bash -c 'set -o pipefail; npx tsx --conditions react-server scripts/write-openapi.ts reports/openapi.json && npx redocly lint reports/openapi.json --format=stylish 2>&1 | sed "/╔/,/╝/d"'
step unit npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step build npx next build

# A fresh database for the e2e server: a new database on the PostgreSQL server, or a fresh PGlite directory.
server_url="${TEST_DATABASE_URL:-${DATABASE_URL:-}}"
if [ -n "$server_url" ]; then
  e2e_db="arcadia_e2e_$$"
  base="${server_url%/*}"
  PGOPTIONS="--client-min-messages=warning" psql "$server_url" -qc "drop database if exists $e2e_db with (force)" -c "create database $e2e_db" >/dev/null
  export E2E_DATABASE_URL="$base/$e2e_db"
else
  export E2E_DATA_DIR=".data/e2e-$$"
  rm -rf "$E2E_DATA_DIR"
fi
step e2e env PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test
if [ -n "$server_url" ]; then psql "$server_url" -qc "drop database if exists $e2e_db with (force)" >/dev/null; else rm -rf "$E2E_DATA_DIR"; fi

node scripts/summarize-tests.mjs "${results[@]}"
