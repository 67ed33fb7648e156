#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store tests and prints ONE line on stdout:
#   AUTODOSSIER_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:PORT/autodossier_test
# Everything else goes to stderr. Idempotent: a second run reuses the running server.
# If PostgreSQL cannot be installed or started it prints nothing and exits 0, so the
# PostgreSQL tests skip instead of failing the run.
set -u
exec 3>&1 1>&2  # keep stdout (fd 3) for the single KEY=VALUE line

BASE=/tmp/autodossier-pg
DATA="$BASE/data"
PORTFILE="$BASE/port"
DBNAME=autodossier_test

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres.sh: installing postgresql" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 \
      || { echo "postgres.sh: cannot install postgresql; PostgreSQL tests will skip" >&2; exit 0; }
    BIN="$(find_bin)"
  fi
fi
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "postgres.sh: no PostgreSQL binaries; PostgreSQL tests will skip" >&2
  exit 0
fi

# initdb and the server refuse to run as root: run them as the postgres user when we are root.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres >&2 || exit 0
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER="$(id -un)"
fi

mkdir -p "$BASE"
chown "$OWNER" "$BASE" 2>/dev/null || true

emit() {
  echo "AUTODOSSIER_TEST_PG=postgresql+psycopg://$OWNER@127.0.0.1:$1/$DBNAME" >&3
}

# Reuse a server this script started before, if it still answers.
if [ -f "$PORTFILE" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT="$(cat "$PORTFILE")"
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$OWNER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='$DBNAME'" | grep -q 1 \
      || as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$OWNER" "$DBNAME" >&2
    emit "$PORT"
    exit 0
  fi
fi

# A free loopback port, chosen by the kernel.
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')" \
  || exit 0

if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U "$OWNER" -A trust -E UTF8 --locale=C.UTF-8 >&2 \
    || as_pg "$BIN/initdb" -D "$DATA" -U "$OWNER" -A trust -E UTF8 >&2 \
    || { echo "postgres.sh: initdb failed; PostgreSQL tests will skip" >&2; exit 0; }
fi
# fsync off: a test server's data is disposable and this makes schema setup much faster.
# 3>&- : the server must not inherit our stdout (fd 3), or whoever reads it never sees EOF.
as_pg "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 start \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $BASE -c fsync=off -c full_page_writes=off" >&2 3>&- \
  || { echo "postgres.sh: server did not start (see $BASE/server.log); PostgreSQL tests will skip" >&2; exit 0; }
echo "$PORT" > "$PORTFILE"
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$OWNER" "$DBNAME" >&2 || true
emit "$PORT"
