# A throwaway PostgreSQL 15 + PostGIS 3 server for the PostGIS tests; sourced by postgis_test.sh.
#
# pg_start: initdb + pg_ctl start in a temporary folder (owned by `postgres`: initdb and pg_ctl
# refuse root, so as root they run as that user through runuser), listening on a free TCP port of
# 127.0.0.1 and on a unix socket in the same folder, with fsync off (a test database: speed over
# durability). Creates database `city`, a role `planner` with a real password (so the password
# scrubbing is tested with one), and the postgis extension. Sets PG_PORT, PG_DIR, PG_PASSWORD,
# PG_CONN (key=value form, with the password) and PG_URI (URI form).
# pg_stop: stops the server and removes the folder (the caller traps it on EXIT).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start() {
  PG_DIR=$(mktemp -d /tmp/circleplan-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  PG_PORT=$(pg_free_port)
  PG_PASSWORD="Zq7-secret-pw9"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --no-sync \
    -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
  # TCP connections need the password (scram); the unix socket (setup only) trusts the owner.
  printf 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n' >"$PG_DIR/data/pg_hba.conf"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off" >/dev/null ||
    { cat "$PG_DIR/server.log"; return 1; }
  pg_sql postgres "CREATE ROLE planner LOGIN PASSWORD '$PG_PASSWORD' SUPERUSER" >/dev/null &&
    pg_sql postgres "CREATE DATABASE city OWNER planner" >/dev/null &&
    pg_sql city "CREATE EXTENSION postgis" >/dev/null || return 1
  PG_CONN="host=127.0.0.1 port=$PG_PORT dbname=city user=planner password=$PG_PASSWORD"
  PG_URI="postgresql://planner:$PG_PASSWORD@127.0.0.1:$PG_PORT/city"
}

# pg_sql DB SQL: runs SQL as the superuser over the unix socket; prints unaligned rows.
pg_sql() {
  pg_as_owner "$PG_BIN/../bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" \
    -U postgres -d "$1" -c "$2"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
