#!/usr/bin/env bash
# npm run bench: builds the PWA when dist/ is missing or older than its sources, then runs the
# benchmark suite (test/bench/run.ts) in Debian's Chromium (its engines step also in Firefox ESR
# and WebKitGTK, E2E_ENGINES picks them). Prints a table; writes
# bench-results.json. Timings are not pass/fail here: the size budgets fail the e2e tests.
# The postgres and dashboard steps run on a throwaway PostgreSQL cluster that
# test/support/with-postgres.sh starts (with fsync on) and removes; it installs PostgreSQL from
# Debian as root, and otherwise says what to install. TEST_DATABASE_URL names another database.
set -euo pipefail
cd "$(dirname "$0")/../.."

# BENCH_ONLY=endpoint,door runs a subset of the steps (test/bench/run.ts).
only_steps() {
  local step
  for step in ${BENCH_ONLY//,/ }; do
    case " $* " in *" $step "*) ;; *) return 1 ;; esac
  done
}
# The endpoint's steps do without the built PWA; only postgres and dashboard need PostgreSQL.
needs_dist() { [[ -z "${BENCH_ONLY:-}" ]] || ! only_steps endpoint hostile postgres dashboard; }
needs_postgres() { [[ -z "${BENCH_ONLY:-}" ]] || ! only_steps sizes endpoint hostile door domain engines lighthouse; }

if needs_dist && { [ ! -f dist/index.html ] || [ ! -f dist/sw.js ] ||
  [ -n "$(find src index.html dashboard.html vite.config.ts package.json public -newer dist/index.html -print -quit 2>/dev/null)" ]; }; then
  echo "[bench] dist/ is missing or stale: npm run build"
  npm run --silent build >/dev/null
fi

"${CHROMIUM_PATH:-/usr/bin/chromium}" --version >/dev/null

if needs_postgres && [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  echo "[bench] the postgres and dashboard steps start a throwaway PostgreSQL (test/support/with-postgres.sh);"
  echo "[bench] BENCH_ONLY without them (e.g. BENCH_ONLY=sizes,endpoint,hostile,door) runs without one"
  export WITH_POSTGRES_FSYNC=on
  exec bash test/support/with-postgres.sh npx tsx test/bench/run.ts
fi
exec npx tsx test/bench/run.ts
