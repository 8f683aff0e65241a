#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests and benchmarks, from Debian's packages:
#   scripts/pg-local.sh DIR PORT        → initdb in DIR (once), start on 127.0.0.1:PORT, create
#   the role and database "branchdesk", print the URL on stdout. A running server is reused.
#   scripts/pg-local.sh DIR PORT stop   → stops it.
# Runs as root (CI) through the postgres user, or as any other user directly.
set -euo pipefail
dir=${1:?usage: pg-local.sh DIR PORT}
port=${2:?usage: pg-local.sh DIR PORT}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
if [ "${3:-}" = stop ]; then
  exec "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop
fi
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
data="$dir/data"
if [ ! -f "$data/PG_VERSION" ]; then
  # C.UTF-8 character classes make Chinese characters "alphanumeric" for pg_trgm.
  "${as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 512MB
max_wal_size = 4GB
CONF
fi
if ! "${as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w start >&2
fi
psql=("${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAX)
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'branchdesk'")" != 1 ]; then
  "${psql[@]}" -c "CREATE ROLE branchdesk LOGIN CREATEDB PASSWORD 'branchdesk'" >&2
fi
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'branchdesk'")" != 1 ]; then
  "${psql[@]}" -c "CREATE DATABASE branchdesk OWNER branchdesk" >&2
fi
# pg_trgm needs a superuser to be created; the schema-per-test role then only uses it.
"${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d branchdesk -qtAX -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >&2
echo "postgres://branchdesk:branchdesk@127.0.0.1:$port/branchdesk"
