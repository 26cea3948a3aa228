#!/usr/bin/env bash
# Runs every test of Terskel on a fresh Debian/Ubuntu machine that has only Node and npm:
# installs what is missing (npm packages, Chromium, Firefox ESR, WebKitGTK with its WebDriver,
# Xvfb, PostgreSQL), starts a throwaway PostgreSQL, then typechecks, checks formatting, runs
# unit/component/endpoint tests (SQLite and PostgreSQL), builds the PWA and runs the
# end-to-end tests in Chromium, Firefox ESR and WebKitGTK (on a virtual X display).
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
# `npm ci`: exactly the versions in package-lock.json, which npm ci accepts.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

step "Chromium"
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version

step "Firefox ESR, WebKitGTK and its WebDriver, Xvfb"
# Debian's packages: firefox-esr (WebDriver BiDi built in); webkit2gtk-driver (WebKitWebDriver)
# with python3-gi and gir1.2-webkit2-4.1 for the small WebKitGTK browser the tests drive
# (test/e2e/support/engines/webkit-browser.py); xvfb for the display WebKitGTK draws on.
missing=()
for package in firefox-esr webkit2gtk-driver python3-gi gir1.2-webkit2-4.1 xvfb; do
  if [ "$package" = firefox-esr ] && [ -n "${FIREFOX_PATH:-}" ]; then continue; fi
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
"${FIREFOX_PATH:-/usr/bin/firefox-esr}" --version

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

step "end-to-end tests in Chromium, Firefox ESR and WebKitGTK, and bundle budgets"
# E2E_ENGINES (chromium,firefox,webkit) narrows the engines; WebKitGTK needs an X display.
xvfb-run -a -s '-screen 0 1280x1024x24' npx vitest run --project e2e
