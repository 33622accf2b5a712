#!/usr/bin/env bash
# Quick start: installs dependencies if needed, writes a .env.local with generated secrets on first run, starts the
# fake DigitalOcean server when no DO_API_TOKEN is configured, applies migrations and the catalog seed to the embedded
# database, builds, and serves the app.
set -euo pipefail
cd "$(dirname "$0")/.."

# One demo per data directory, refused before anything touches the database, the build or the fake DO's port: a
# second server or job on the same embedded database would corrupt it.
data_dir="${DATA_DIR:-}"
[ -n "$data_dir" ] || [ ! -f .env.local ] || data_dir=$(sed -n 's/^DATA_DIR=//p' .env.local | tail -n 1)
data_dir="${data_dir:-.data}"
live_pid() { # the pid recorded in $1 (the demo's pid file, or the database's lock), when that process is alive
  [ -f "$1" ] || return 1
  local pid
  pid=$(grep -o '"pid":[0-9]*' "$1" | cut -d: -f2 || true)
  [ -n "$pid" ] || pid=$(tr -dc 0-9 < "$1" | head -c 10)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
demo_pid_file="$data_dir/demo.pid"
if pid=$(live_pid "$demo_pid_file"); then
  echo "error: the demo is already running (pid $pid) and DATA_DIR $data_dir is locked by it; stop it first" >&2
  exit 1
fi
if pid=$(live_pid "$data_dir/arcadia.lock"); then
  echo "error: DATA_DIR $data_dir is locked by a running process (pid $pid); stop it before starting the demo" >&2
  exit 1
fi
mkdir -p "$data_dir"
rm -f "$demo_pid_file" # its demo is gone
if ! (set -o noclobber; echo $$ > "$demo_pid_file") 2>/dev/null; then
  echo "error: another demo is starting on DATA_DIR $data_dir (it is locked); stop it first" >&2
  exit 1
fi
cleanup() {
  [ -z "${fake_pid:-}" ] || kill "$fake_pid" 2>/dev/null || true
  [ "$(cat "$demo_pid_file" 2>/dev/null)" != "$$" ] || rm -f "$demo_pid_file"
}
trap cleanup EXIT

export NEXT_TELEMETRY_DISABLED=1
[ -d node_modules ] || npm ci --no-audit --no-fund

port="${PORT:-3000}"
if [ ! -f .env.local ]; then
  secret() { node -e 'console.log(require("crypto").randomBytes(48).toString("base64url"))'; }
  password=$(node -e 'console.log(require("crypto").randomBytes(12).toString("base64url"))')
  cat > .env.local <<ENV
# Written by npm run demo on $(date -u +%F). Local development only.
ARCADIA_JWT_SECRET=$(secret)
NEXTAUTH_SECRET=$(secret)
NEXTAUTH_URL=http://localhost:${port}
ADMIN_EMAIL=admin@arcadia.local
ADMIN_PASSWORD=${password}
ENV
  echo "Created .env.local with a first admin: admin@arcadia.local / ${password}"
  echo "(the password is printed only now; it stays in .env.local)"
fi
# Production mode refuses tokens without an issuer check; older .env.local files predate the setting.
grep -q '^ARCADIA_JWT_ISSUER=' .env.local || echo "ARCADIA_JWT_ISSUER=arcadia-app" >> .env.local

preset_nextauth_url="${NEXTAUTH_URL:-}"
set -a; . ./.env.local; set +a
# The public URL follows this start's port (PORT), not the one of the run that wrote .env.local.
export NEXTAUTH_URL="${preset_nextauth_url:-http://localhost:${port}}"
# The steps below print a line each; the app's JSON logs go to a file.
export LOG_LEVEL="${LOG_LEVEL:-warn}"

demo=0
if [ -z "${DO_API_TOKEN:-}" ]; then
  demo=1
  fake_port="${FAKE_DO_PORT:-4010}"
  # tsx itself, not through npx: npx does not pass the kill on, and the fake would outlive the demo on its port.
  ./node_modules/.bin/tsx scripts/fake-do.ts --port "$fake_port" --token demo-token --demo-story > "$data_dir/fake-do.log" 2>&1 &
  fake_pid=$!
  export DO_API_URL="http://127.0.0.1:${fake_port}" DO_API_TOKEN="demo-token" ARCADIA_DEMO=1
  # Provisioning requests act on the fake account only: a real token never gets this default.
  export PROVISIONING_ENABLED="${PROVISIONING_ENABLED:-1}" PROVISIONING_POLL_INTERVAL_MS="${PROVISIONING_POLL_INTERVAL_MS:-1000}"
  # The demo seed's webhook endpoint is the fake's receiver on 127.0.0.1, which the SSRF guard refuses without this
  # development setting: a real token never gets it either.
  export WEBHOOK_ALLOW_PRIVATE="${WEBHOOK_ALLOW_PRIVATE:-1}"
  # The fake also serves ECB-format reference rates for every month it has invoices for.
  export FX_RATES_URL="${FX_RATES_URL:-$DO_API_URL/ecb/eurofxref-hist.xml}"
  for _ in $(seq 1 40); do curl -s -o /dev/null "$DO_API_URL/v2/account" && break; sleep 0.5; done
  echo "Demo account: the fake DigitalOcean API runs at $DO_API_URL (set DO_API_TOKEN to connect a real account)"
fi

npm run -s db:migrate
npm run -s db:seed
if [ "$demo" = 1 ] && [ ! -f "$data_dir/.demo-loaded" ]; then
  # First demo start: load the fake account's inventory and billing so every page has something to show.
  npm run -s job -- sync-inventory && touch "$data_dir/.demo-loaded"
  npm run -s db:seed # again, now that the inventory has the droplets the demo's drifting specs name
  # A tenant destroyed one of those droplets in DO's control panel after the first sync: the second sync sees it gone.
  npm run -s job -- sync-inventory || true
  npm run -s job -- discover-invoices || true
  npm run -s job -- detect-drift || true
  npm run -s job -- fetch-fx-rates || true
  npm run -s job -- snapshot-balance || true # the month under way: DO's month-to-date usage, so it has figures too
fi

# Build only when something the build reads changed since the last build (a fresh clone or a pull always rebuilds).
build_inputs=(app components lib db inngest types proxy.ts instrumentation.ts next.config.ts tsconfig.json postcss.config.mjs package-lock.json)
if [ ! -f .next/BUILD_ID ] || [ -n "$(find "${build_inputs[@]}" -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  echo "Building the app (the first build takes a minute or two; its output goes to $data_dir/build.log)"
  if ! npx next build > "$data_dir/build.log" 2>&1; then
    tail -n 30 "$data_dir/build.log" >&2
    echo "error: next build failed; the whole output is in $data_dir/build.log" >&2
    exit 1
  fi
else
  echo "The build is up to date"
fi

echo "Starting arcadia-cloud on port ${port} (logs: $data_dir/server.log)"
npm run -s start -- -p "$port" >> "$data_dir/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; cleanup' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 120); do
  kill -0 "$server_pid" 2>/dev/null || break
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/api/health")" = 200 ] && break
  sleep 0.5
done
if ! kill -0 "$server_pid" 2>/dev/null; then
  wait "$server_pid" || true
  echo "error: the server stopped; see $data_dir/server.log" >&2
  exit 1
fi
echo
echo "arcadia-cloud is ready at http://localhost:${port}"
echo "Sign in as ${ADMIN_EMAIL:-an admin created with npm run admin:create} (password in .env.local). Ctrl-C stops it."
wait "$server_pid"
