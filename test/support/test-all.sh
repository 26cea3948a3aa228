#!/usr/bin/env bash
# Runs every test of Terskel on a fresh Debian/Ubuntu machine that has only Node and npm:
# installs what is missing (npm packages, Chromium, PostgreSQL), starts a throwaway
# PostgreSQL, then typechecks, checks formatting, runs unit/component/endpoint tests
# (SQLite and PostgreSQL), builds the PWA and runs the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n=== %s ===\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $* (install it by hand, or run as root)" >&2
    return 1
  fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

step "npm packages"
# `npm install`, not `npm ci`: npm ci refuses this lockfile because lighthouse (used only by
# `npm run bench`) asks for `third-party-web@latest` and rollup lists platform packages without
# versions; npm install still installs the locked versions of everything else.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

step "Chromium"
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version

step "PostgreSQL"
if [ -z "${TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi

step "typecheck (app, service worker, server, tests)"
npm run --silent typecheck

step "formatting"
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }

step "unit, component, storage and endpoint tests (SQLite and PostgreSQL)"
bash test/support/with-postgres.sh npx vitest run --project unit --project dom

step "build"
npm run --silent build >/dev/null

step "end-to-end tests in Chromium, and bundle budgets"
npx vitest run --project e2e
