#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the test suite and prints the
# RAPPORT_TEST_POSTGRES_URL to use. Installs PostgreSQL from Debian if it is missing.
# Usage: scripts/start-test-postgres.sh [port] [data-dir]
set -euo pipefail
port="${1:-54329}"
data="${2:-/tmp/rapport-test-pg}"

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
as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE rapport LOGIN SUPERUSER PASSWORD 'rapport'" >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE rapport_test OWNER rapport" >/dev/null
echo "postgres://rapport:rapport@127.0.0.1:$port/rapport_test"
