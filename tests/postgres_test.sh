#!/usr/bin/env bash
# Loads factdb's PostgreSQL export into a real PostgreSQL server started for
# this test (a temporary data folder, loopback only), runs every canned query
# on both engines and compares the answers.
# usage: postgres_test.sh FACTDB SOURCE_DIR
set -euo pipefail
factdb="$1"
src="$2"

bin="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: run scripts/install-deps.sh (Debian package postgresql)" >&2
  exit 1
fi

work="$(mktemp -d)"
as_server() {  # initdb and the server refuse to run as root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  as_server "$bin/pg_ctl" -D "$work/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres "$work"

as_server "$bin/initdb" -D "$work/data" --locale=C -E UTF8 -A trust -U factdb > /dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_server "$bin/pg_ctl" -D "$work/data" -l "$work/data/server.log" -w \
  -o "-p $port -k $work/data -c listen_addresses=127.0.0.1" start > /dev/null

# The seed and every test article: each kind of statement, and sources that disagree.
mkdir "$work/seed"
cp -R "$src/seed/." "$work/seed/"
cp -R "$src/tests/data/." "$work/seed/"
"$factdb" build --seed "$work/seed" -o "$work/facts.db" --quiet
"$factdb" export --format postgres --db "$work/facts.db" -o "$work/facts.pg.sql"
psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U factdb -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE DATABASE facts"
"${psql[@]}" -d facts -f "$work/facts.pg.sql" > /dev/null
python3 "$src/tests/clients/compare_postgres.py" "$factdb" "$work/facts.db" "${psql[*]} -d facts"
