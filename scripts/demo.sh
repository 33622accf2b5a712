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

set -a; . ./.env.local; set +a

demo=0
if [ -z "${DO_API_TOKEN:-}" ]; then
  demo=1
  fake_port="${FAKE_DO_PORT:-4010}"
  npx tsx scripts/fake-do.ts --port "$fake_port" --token demo-token > "$data_dir/fake-do.log" 2>&1 &
  fake_pid=$!
  export DO_API_URL="http://127.0.0.1:${fake_port}" DO_API_TOKEN="demo-token" ARCADIA_DEMO=1
  for _ in $(seq 1 40); do curl -s -o /dev/null "$DO_API_URL/v2/account" && break; sleep 0.5; done
  echo "Demo account: the fake DigitalOcean API runs at $DO_API_URL (set DO_API_TOKEN to connect a real account)"
fi

npm run db:migrate
npm run db:seed
if [ "$demo" = 1 ] && [ ! -f "$data_dir/.demo-loaded" ]; then
  # First demo start: load the fake account's inventory and billing so every page has something to show.
  npm run job -- sync-inventory && touch "$data_dir/.demo-loaded"
  npm run job -- discover-invoices || true
  npm run job -- detect-drift || true
fi
npx next build
echo
echo "arcadia-cloud is starting at http://localhost:${port}"
echo "Sign in as ${ADMIN_EMAIL:-an admin created with npm run admin:create} (password in .env.local)"
npm run -s start -- -p "$port"
