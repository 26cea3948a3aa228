#!/usr/bin/env bash
# npm run bench: builds the PWA when dist/ is missing or older than its sources, then runs the
# benchmark suite (test/bench/run.ts) in Debian's Chromium (its engines step also in Firefox ESR
# and WebKitGTK, E2E_ENGINES picks them). Prints a table; writes
# bench-results.json. Timings are not pass/fail here: the size budgets fail the e2e tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -f dist/index.html ] || [ ! -f dist/sw.js ] ||
  [ -n "$(find src index.html dashboard.html vite.config.ts package.json public -newer dist/index.html -print -quit 2>/dev/null)" ]; then
  echo "[bench] dist/ is missing or stale: npm run build"
  npm run --silent build >/dev/null
fi

"${CHROMIUM_PATH:-/usr/bin/chromium}" --version >/dev/null
exec npx tsx test/bench/run.ts
