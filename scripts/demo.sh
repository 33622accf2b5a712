#!/usr/bin/env bash
# Quick start: installs dependencies if needed, writes a .env.local with generated secrets on first run, starts the
# fake DigitalOcean server when no DO_API_TOKEN is configured, applies migrations and the catalog seed to the embedded
# database, builds, and serves the app.
set -euo pipefail
cd "$(dirname "$0")/.."

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

mkdir -p .data
demo=0
if [ -z "${DO_API_TOKEN:-}" ]; then
  demo=1
  fake_port="${FAKE_DO_PORT:-4010}"
  npx tsx scripts/fake-do.ts --port "$fake_port" --token demo-token > .data/fake-do.log 2>&1 &
  fake_pid=$!
  trap 'kill $fake_pid 2>/dev/null || true' EXIT
  export DO_API_URL="http://127.0.0.1:${fake_port}" DO_API_TOKEN="demo-token" ARCADIA_DEMO=1
  for _ in $(seq 1 40); do curl -s -o /dev/null "$DO_API_URL/v2/account" && break; sleep 0.5; done
  echo "Demo account: the fake DigitalOcean API runs at $DO_API_URL (set DO_API_TOKEN to connect a real account)"
fi

npm run db:migrate
npm run db:seed
if [ "$demo" = 1 ] && [ ! -f .data/.demo-loaded ]; then
  # First demo start: load the fake account's inventory and billing so every page has something to show.
  npm run job -- sync-inventory && touch .data/.demo-loaded
  npm run job -- discover-invoices || true
  npm run job -- detect-drift || true
fi
npx next build
echo
echo "arcadia-cloud is starting at http://localhost:${port}"
echo "Sign in as ${ADMIN_EMAIL:-an admin created with npm run admin:create} (password in .env.local)"
npm run -s start -- -p "$port"
