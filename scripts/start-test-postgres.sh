#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the test suite and prints the
# RAPPORT_TEST_POSTGRES_URL to use. Installs PostgreSQL from Debian if it is missing.
# Usage: scripts/start-test-postgres.sh [port] [data-dir] [durable]
# Tests run with fsync off (a throw-away cluster); pass "durable" for benchmarks, which keeps
# PostgreSQL's default durability settings so the figures mean what they say.
set -euo pipefail
port="${1:-54329}"
data="${2:-/tmp/rapport-test-pg}"
mode="${3:-fast}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -f "$data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  echo "postgres://rapport:rapport@127.0.0.1:$port/rapport_test"
  exit 0
fi
rm -rf "$data"
mkdir -p "$data"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
options="-h 127.0.0.1 -p $port -k /tmp -c max_connections=600"
if [ "$mode" != durable ]; then
  options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
else
  options="$options -c shared_buffers=1GB"
fi
as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "$options" start >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE rapport LOGIN SUPERUSER PASSWORD 'rapport'" >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE rapport_test OWNER rapport" >/dev/null
echo "postgres://rapport:rapport@127.0.0.1:$port/rapport_test"
