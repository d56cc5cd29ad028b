#!/usr/bin/env bash
# PostGIS in and out against a real PostgreSQL 15 + PostGIS 3 server (started once, here):
#  1. the Porto demo loaded into the database and evaluated from PG: inputs, written back with
#     --format postgis, equals the GeoPackage run (every layer's rows and values, through OGR);
#  2. an existing schema without --overwrite: exit 1, untouched;
#  3. a SIGKILL (or SIGINT) while the write waits to replace the old schema leaves that schema as
#     it was and no temporary schema visible; a leftover temporary schema is cleaned by the next
#     write;
#  4. the password (key=value and URI form) appears in no stream, file or table, for a wrong
#     table, a wrong password and successful runs.
# Usage: postgis_test.sh <circleplan binary> <repo root>. Skips (exit 77) without the server.
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
. "$here/pg_server.sh"
if [ ! -x "$PG_BIN/initdb" ] || [ ! -d /usr/share/postgresql/15/extension ] ||
  ! ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1; then
  echo "SKIP: PostgreSQL 15 + PostGIS 3 not installed (scripts/setup-deps.sh)"
  exit 77
fi
work=$(mktemp -d)
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT
t0=$(date +%s)
pg_start
echo "server up after $(($(date +%s) - t0)) s"
fail() { echo "FAIL: $*" >&2; exit 1; }
PG="PG:$PG_CONN"

# --- 1. round trip ----------------------------------------------------------------------------
"$bin" osm "$root/data/osm-porto/porto-2020-07.osm.pbf" --out "$work/porto.gpkg" >/dev/null 2>&1
ogr2ogr -f PostgreSQL "$PG" "$work/porto.gpkg" roads blocks centers -lco SCHEMA=public \
  2>"$work/ogr2ogr.err" || { cat "$work/ogr2ogr.err"; fail "loading the demo"; }
inputs=(--minutes 5,10,15 --layers nodes)
"$bin" evaluate --roads "$work/porto.gpkg" --roads-layer roads --centers "$work/porto.gpkg" \
  --centers-layer centers --blocks "$work/porto.gpkg" --blocks-layer blocks "${inputs[@]}" \
  --out "$work/ref.gpkg" >"$work/ref.out" 2>"$work/ref.err"
"$bin" evaluate --roads "$PG" --roads-layer roads --centers "$PG" --centers-layer centers \
  --blocks "$PG" --blocks-layer blocks "${inputs[@]}" --out "$PG" \
  >"$work/pg.out" 2>"$work/pg.err" || { cat "$work/pg.err"; fail "evaluate from/to PostGIS"; }
grep -q "schema circleplan" "$work/pg.out" || fail "stdout does not name the schema"

# Every layer of the GeoPackage run, as CSV with WKT geometry: the PostGIS tables must hold the
# same rows and values (OGR reads both, one ogr2ogr each; not a byte comparison).
ogr2ogr -f CSV -lco GEOMETRY=AS_WKT "$work/ref_csv" "$work/ref.gpkg"
ogr2ogr -f CSV -lco GEOMETRY=AS_WKT -oo LIST_ALL_TABLES=YES "$work/pg_csv" "$PG schemas=circleplan" 2>/dev/null
layers=$(cd "$work/ref_csv" && ls ./*.csv | sed 's|^\./||; s|\.csv$||' | grep -v '^layer_styles$')
[ -n "$layers" ] || fail "no layers in the reference run"
# A PostGIS table has its fid as a column: drop it; rows sorted.
python3 - "$work/ref_csv" "$work/pg_csv" $layers <<'PY'
import csv, os, sys
def rows(path):
    if not os.path.exists(path):
        sys.exit(f"FAIL: {path} missing (table not written)")
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = list(csv.DictReader(f))
    for row in r:
        row.pop("fid", None)
    return sorted(tuple(sorted(row.items())) for row in r)
ref, pg = sys.argv[1:3]
for layer in sys.argv[3:]:
    a, b = rows(f"{ref}/{layer}.csv"), rows(f"{pg}/{layer}.csv")
    if a != b:
        diff = next((x, y) for x, y in zip(a, b) if x != y) if len(a) == len(b) else (len(a), len(b))
        sys.exit(f"FAIL: layer {layer} differs: {str(diff)[:600]}")
    if not a and layer in ("blocks", "centers", "nodes"):
        sys.exit(f"FAIL: layer {layer} is empty")
PY
echo "round trip: $(echo $layers | wc -w) layers equal ($(($(date +%s) - t0)) s)"
# summary_json: the GeoPackage run's summary.json but for the input names.
pg_sql city "SELECT json FROM circleplan.summary_json" >"$work/pg_summary.json"
python3 - "$work/ref.summary.json" "$work/pg_summary.json" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
for s in (a, b):
    s.pop("inputs")
    for layer in s.get("layers", []):
        layer.pop("file", None)
        layer.pop("driver", None)  # GPKG or PostgreSQL: the one difference intended
if a != b:
    sys.exit("FAIL: summary_json differs from summary.json: " + str(
        {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)})[:800])
PY
[ "$(pg_sql city "SELECT count(*) FROM circleplan.layer_styles WHERE f_table_schema = 'circleplan'")" -ge 3 ] ||
  fail "no layer_styles rows naming schema circleplan"

# osm and site write PostGIS too: the same tables as their GeoPackage outputs.
"$bin" osm "$root/data/osm-porto/porto-2020-07.osm.pbf" --out "$PG_URI" --schema osm_out \
  >/dev/null 2>"$work/osm_pg.err" || { cat "$work/osm_pg.err"; fail "osm --out PostGIS"; }
[ "$(pg_sql city "SELECT count(*) FROM osm_out.roads")" = "$(pg_sql city "SELECT count(*) FROM public.roads")" ] ||
  fail "osm_out.roads differs from the GeoPackage's roads"
site=(--roads "$PG" --roads-layer roads --centers "$PG" --centers-layer centers --blocks "$PG"
  --blocks-layer blocks --model mclp --k 3 --cover-minutes 10)
"$bin" site "${site[@]}" --out "$work/sites.gpkg" >/dev/null 2>&1 || fail "site to GeoPackage"
"$bin" site "${site[@]}" --out "$PG" --format postgis --schema sites >/dev/null 2>"$work/site_pg.err" ||
  { cat "$work/site_pg.err"; fail "site --out PostGIS"; }
for layer in $(ogrinfo -q -ro "$work/sites.gpkg" | sed -n 's/^[0-9]*: \([a-z_]*\).*/\1/p' | grep -v '^layer_styles$'); do
  [ "$(ogrinfo -q -ro -sql "SELECT count(*) FROM $layer" "$work/sites.gpkg" | sed -n 's/.*= //p')" = \
    "$(pg_sql city "SELECT count(*) FROM sites.$layer")" ] || fail "site layer $layer differs"
done
[ "$(pg_sql city "SELECT count(*) FROM sites.summary_json")" = 1 ] || fail "site summary_json"

# --- 2. existing schema -------------------------------------------------------------------------
checksum() {
  pg_sql city "SELECT md5(string_agg(t::text, ',' ORDER BY fid)) FROM circleplan.blocks t"
}
before=$(checksum)
set +e
"$bin" evaluate --roads "$PG" --roads-layer roads --centers "$PG" --centers-layer centers \
  --blocks "$PG" --blocks-layer blocks --out "$PG" >"$work/exists.out" 2>"$work/exists.err"
rc=$?
set -e
[ $rc = 1 ] || fail "existing schema without --overwrite: exit $rc, wanted 1"
grep -q "schema 'circleplan' exists; use --overwrite" "$work/exists.err" || fail "message: $(cat "$work/exists.err")"
[ "$(checksum)" = "$before" ] || fail "existing schema changed without --overwrite"

# --- 3. SIGKILL during the write ----------------------------------------------------------------
# A session holds a lock on the old blocks table: the writer, with every table of the new schema
# written, then waits in DROP SCHEMA, the moment before the swap. It is killed there.
# interrupt_at_swap SIGNAL EXIT: the writer gets SIGNAL there and must exit with EXIT (SIGINT:
# 130 after its own rollback; SIGKILL: the server rolls back the dropped connection).
interrupt_at_swap() {
  local signal=$1 want=$2
  pg_as_owner "$PG_BIN/psql" -X -q -h "$PG_DIR" -p "$PG_PORT" -U postgres -d city \
    -c "BEGIN; LOCK TABLE circleplan.blocks IN ACCESS SHARE MODE; SELECT pg_sleep(60);" \
    >/dev/null 2>&1 &
  local locker=$!
  for _ in $(seq 100); do
    [ "$(pg_sql city "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'blocks' AND l.granted AND l.mode = 'AccessShareLock'")" -ge 1 ] && break
    sleep 0.1
  done
  "$bin" evaluate --roads "$PG" --roads-layer roads --centers "$PG" --centers-layer centers \
    --blocks "$PG" --blocks-layer blocks --minutes 5,10 --out "$PG" --overwrite \
    >/dev/null 2>&1 &
  local writer=$! waiting=0
  for _ in $(seq 300); do
    if [ "$(pg_sql city "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DROP SCHEMA%'")" -ge 1 ]; then
      waiting=1
      break
    fi
    sleep 0.1
  done
  [ $waiting = 1 ] || fail "the writer never reached the schema swap"
  kill -"$signal" $writer
  pg_sql city "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null
  local rc=0
  wait $writer 2>/dev/null || rc=$?
  wait $locker 2>/dev/null || true
  [ $rc = "$want" ] || fail "writer stopped by SIG$signal at the swap: exit $rc, wanted $want"
  for _ in $(seq 100); do
    [ "$(pg_sql city "SELECT count(*) FROM pg_stat_activity WHERE usename = 'planner'")" = 0 ] && break
    sleep 0.1
  done
  [ "$(checksum)" = "$before" ] || fail "the write stopped by SIG$signal changed the old schema"
  [ "$(pg_sql city "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'circleplan_%'")" = 0 ] ||
    fail "a temporary schema is visible after SIG$signal"
}
interrupt_at_swap KILL 137
interrupt_at_swap INT 130
# A leftover temporary schema (as if committed by some earlier failure) is dropped by the next write.
pg_sql city "CREATE SCHEMA circleplan__circleplan_tmp; CREATE TABLE circleplan__circleplan_tmp.junk (a int)"
"$bin" evaluate --roads "$PG" --roads-layer roads --centers "$PG" --centers-layer centers \
  --blocks "$PG" --blocks-layer blocks --minutes 5,10 --out "$PG" --overwrite >/dev/null 2>&1 ||
  fail "write over a leftover temporary schema"
[ "$(pg_sql city "SELECT count(*) FROM pg_namespace WHERE nspname = 'circleplan__circleplan_tmp'")" = 0 ] ||
  fail "leftover temporary schema not cleaned"
[ "$(checksum)" != "$before" ] || fail "--overwrite did not replace the schema"
echo "atomic write: old schema intact after SIGKILL and SIGINT, leftover cleaned ($(($(date +%s) - t0)) s)"

# --- 4. passwords -------------------------------------------------------------------------------
wrong_pw="PG:${PG_CONN/$PG_PASSWORD/Wr0ng-pw-77}"
wrong_uri=${PG_URI/$PG_PASSWORD/Wr0ng-pw-77}
n=0
run() {  # run <expected exit> args...: streams to $work/streams/<n>.{out,err}
  local want=$1
  shift
  n=$((n + 1))
  mkdir -p "$work/streams"
  set +e
  "$bin" "$@" >"$work/streams/$n.out" 2>"$work/streams/$n.err"
  local rc=$?
  set -e
  [ $rc = "$want" ] || { cat "$work/streams/$n.err"; fail "run $n ($*): exit $rc, wanted $want"; }
}
i=0
for src in "$PG" "$PG_URI" "PG:$PG_URI"; do
  i=$((i + 1))
  run 1 evaluate --roads "$src" --roads-layer no_such_table --centers "$src" --centers-layer centers \
    --blocks "$src" --blocks-layer blocks --out "$work/x$n.gpkg"
  run 0 evaluate --roads "$src" --roads-layer roads --centers "$src" --centers-layer centers \
    --blocks "$src" --blocks-layer blocks --out "$src" --schema "pw$i" --minutes 5,10
done
# A successful run to a GeoPackage (summary.json's inputs), and an existing schema (its message).
run 0 evaluate --roads "$PG_URI" --roads-layer roads --centers "$PG" --centers-layer centers \
  --blocks "$PG" --blocks-layer blocks --out "$work/ok.gpkg" --minutes 5,10
grep -q "planner:\*\*\*@" "$work/ok.summary.json" || fail "URI form not scrubbed in summary.json"
run 1 evaluate --roads "$work/porto.gpkg" --roads-layer roads --centers "$work/porto.gpkg" \
  --centers-layer centers --blocks "$work/porto.gpkg" --blocks-layer blocks --out "$PG" --schema pw1
for src in "$wrong_pw" "$wrong_uri"; do
  run 1 evaluate --roads "$src" --roads-layer roads --centers "$src" --centers-layer centers \
    --blocks "$src" --blocks-layer blocks --out "$work/bad$n.gpkg"
  run 1 evaluate --roads "$work/porto.gpkg" --roads-layer roads --centers "$work/porto.gpkg" \
    --centers-layer centers --blocks "$work/porto.gpkg" --blocks-layer blocks --out "$src"
done
run 0 site --help
grep -q -- "--schema" "$work/streams/$n.out" || fail "site --help does not show --schema"
grep -q "password=\*\*\*" "$work/streams"/*.err || fail "no scrubbed password in any message"
pg_sql city "SELECT json FROM pw2.summary_json" >"$work/streams/pw2.summary"
pg_sql city "SELECT json FROM circleplan.summary_json" >"$work/streams/circleplan.summary"
grep -q "planner:\*\*\*@" "$work/streams/pw2.summary" || fail "URI form not scrubbed in summary_json"
# Every table circleplan wrote (summary_json, layer_styles, layers), as SQL.
pg_as_owner "$PG_BIN/pg_dump" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d city -n 'pw*' \
  -n circleplan -n sites -n osm_out >"$work/streams/dump.sql"
grep -q "summary_json" "$work/streams/dump.sql" || fail "pg_dump holds no summary_json"
for pw in "$PG_PASSWORD" Wr0ng-pw-77; do
  if grep -rl -a -- "$pw" "$work/streams" "$work"/*.json "$work"/*.gpkg "$work"/*.out "$work"/*.err 2>/dev/null; then
    fail "password '$pw' appears in the files above"
  fi
done
[ "$(pg_sql city "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pw%'")" -ge 3 ] || fail "pw schemas not written"
echo "passwords: never shown ($n runs, $(($(date +%s) - t0)) s)"
echo "PASS"
