#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL cluster.
#
#   bash test/support/with-postgres.sh npx vitest run --project unit test/server
#
# If TEST_DATABASE_URL is already set, the command just runs against that database.
# Otherwise PostgreSQL is installed from Debian when missing (apt-get, needs root), a cluster
# is initialised in a temporary directory as the `postgres` user (initdb refuses root),
# started on a free localhost port with trust authentication, and removed again on exit.
# The command's exit code is passed on. WITH_POSTGRES_FSYNC=on keeps fsync on (the benchmark
# measures durable commits); tests leave it off.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: bash test/support/with-postgres.sh <command> [args...]" >&2
  exit 2
fi

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  exec "$@"
fi

find_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

if ! BIN_DIR="$(find_bin_dir)"; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "PostgreSQL is not installed and this is not root: install it with" >&2
    echo "  sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "with-postgres: installing PostgreSQL from Debian…" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq postgresql; } >&2; then
    echo "with-postgres: could not install PostgreSQL from Debian: install it with" >&2
    echo "  apt-get install -y postgresql" >&2
    echo "or set TEST_DATABASE_URL to a database this may use" >&2
    exit 1
  fi
  BIN_DIR="$(find_bin_dir)" || {
    echo "with-postgres: PostgreSQL was installed but initdb/pg_ctl were not found" >&2
    exit 1
  }
fi

# As root the cluster must belong to an unprivileged user; otherwise we run as ourselves.
RUN_AS=()
if [[ "$(id -u)" -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  if command -v runuser >/dev/null; then
    RUN_AS=(runuser -u postgres --)
  else
    RUN_AS=(su postgres -s /bin/sh -c)
  fi
fi
as_owner() {
  if [[ ${#RUN_AS[@]} -eq 0 ]]; then
    "$@"
  elif [[ "${RUN_AS[0]}" == "su" ]]; then
    "${RUN_AS[@]}" "$(printf '%q ' "$@")"
  else
    "${RUN_AS[@]}" "$@"
  fi
}

free_port() {
  local port
  for port in $(seq "${1:-55432}" 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Under /tmp, not $TMPDIR: the postgres user must be able to reach it.
WORK_DIR="$(mktemp -d /tmp/terskel-pg.XXXXXX)"
chmod 755 "$WORK_DIR"
DATA="$WORK_DIR/data"
mkdir -p "$DATA"
[[ "$(id -u)" -eq 0 ]] && chown -R postgres: "$WORK_DIR"
PORT="$(free_port 55432)" || {
  echo "with-postgres: no free port in 55432-55532" >&2
  exit 1
}

cleanup() {
  as_owner "$BIN_DIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$BIN_DIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale \
  >"$WORK_DIR/initdb.log" 2>&1 || {
  cat "$WORK_DIR/initdb.log" >&2
  exit 1
}
# fsync off for tests: this cluster lives for one run and is deleted afterwards. The benchmark
# asks for it on, so a commit costs what it costs in production.
FSYNC="off"
[[ "${WITH_POSTGRES_FSYNC:-off}" == "on" ]] && FSYNC="on"
as_owner "$BIN_DIR/pg_ctl" -D "$DATA" -l "$WORK_DIR/server.log" -w -t 30 \
  -o "-p $PORT -k $WORK_DIR -c listen_addresses=127.0.0.1 -c fsync=$FSYNC" start >/dev/null || {
  cat "$WORK_DIR/server.log" >&2
  exit 1
}
as_owner "$BIN_DIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres terskel_test

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/terskel_test"
echo "with-postgres: $("$BIN_DIR/pg_ctl" --version | awk '{print "PostgreSQL", $3}') on port $PORT, fsync $FSYNC" >&2

set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
