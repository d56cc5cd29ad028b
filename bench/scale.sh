#!/usr/bin/env bash
# City-scale benchmark (issue #14 point 5; docs/performance.md): N x N shifted copies of the Malta
# extract (../shared/data/osm-malta, © OpenStreetMap contributors, ODbL), written by
# ../shared/tools/make_tiled.py (ids offset by 10^10 per copy, copies 0.8° of longitude and 1.0°
# of latitude apart). In each copy the centers are every (n/500)-th walk vertex in ascending OSM
# node id order (n: the copy's walk vertices), as bench/service_area_bench.cpp picks them; blocks
# are `circleplan osm`'s. For each N it runs `evaluate` reach only, and with
# `--minutes 5,10,15 --overlap dissolve`, and prints wall time, peak RSS (GNU time) and every stage
# of timings.json, then each figure's ratio to N = 1.
#
# At N = 1 it also keeps "Malta, 500 centers" as files in OUT/n1/ (centers.gpkg, and
# city.gpkg with the 1,141 blocks and the roads): every Malta figure of docs/performance.md uses
# them, and the two per-center runs of the issue's targets are timed on them
# (`--minutes 15 --overlap per-center`, `--minutes 5,10,15 --overlap per-center`).
#
# No stage is given the copies one by one: each run reads the whole N x N network as one.
#
# Usage: bench/scale.sh [N...]                (default: 1 2 4)
#   CIRCLEPLAN_BIN  the binary (default build-release/app/circleplan; build it with
#                   scripts/build.sh build-release Release)
#   OUT             where extracts, inputs and outputs go (default build-release/scale)
#   THREADS         --threads for every run (default 0: all cores)
#   RUNS            which runs, of reach, dissolve, per-center-15, per-center-5-10-15 (default:
#                   all that apply; the per-center runs are made at N = 1 only)
# Needs Debian's python3-pyosmium (installed here with apt-get when missing and run as root) and
# GNU time. Not part of CI: N = 4 takes minutes and about 1.5 GB.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${CIRCLEPLAN_BIN:-$root/build-release/app/circleplan}"
out="${OUT:-$root/build-release/scale}"
threads="${THREADS:-0}"
extract="${EXTRACT:-$root/../shared/data/osm-malta/malta-2016-11.osm.pbf}"
tiler="$root/../shared/tools/make_tiled.py"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4)

[ -x "$bin" ] || { echo "scale.sh: no binary at $bin; build it, or set CIRCLEPLAN_BIN" >&2; exit 1; }
[ -f "$extract" ] || { echo "scale.sh: no extract at $extract (../shared/data)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "scale.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
if ! /usr/bin/python3 -c "import osmium" 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y python3-pyosmium >/dev/null
  else
    echo "scale.sh: needs Debian's python3-pyosmium: sudo apt-get install python3-pyosmium" >&2
    exit 1
  fi
fi
mkdir -p "$out"

# One timed command: its stdout/stderr to LOG, "wall peak_kb" appended to TIMES.
timed() {  # timed LOG TIMES cmd...
  local log="$1" times="$2"
  shift 2
  /usr/bin/time -o "$times" -f "%e %M" "$@" >"$log" 2>&1 || {
    echo "scale.sh: failed, see $log:" >&2
    tail -5 "$log" >&2
    exit 1
  }
}

# timings.json's stages as "name seconds" lines ("service areas" as service_areas).
stages() {
  /usr/bin/python3 -c '
import json, sys
for k, v in json.load(open(sys.argv[1]))["stages"].items():
    print(k.replace(" ", "_"), v)' "$1"
}

# Centers: every (n/500)-th walk vertex of each copy in ascending OSM node id (copy k holds the
# ids [k 10^10, (k+1) 10^10)).
make_centers() {  # make_centers DIR
  local dir="$1"
  "$bin" evaluate --roads "$dir/city.gpkg" --roads-layer roads --blocks "$dir/city.gpkg" \
    --blocks-layer blocks --centers "$dir/city.gpkg" --centers-layer centers --layers nodes \
    --threads "$threads" --out "$dir/nodes.gpkg" --overwrite >/dev/null 2>&1
  rm -f "$dir/centers.gpkg"
  ogr2ogr -f GPKG "$dir/centers.gpkg" "$dir/nodes.gpkg" -nln centers -dialect SQLite -sql \
    "WITH v AS (SELECT node_id, geom, node_id / 10000000000 AS copy,
                       ROW_NUMBER() OVER (PARTITION BY node_id / 10000000000 ORDER BY node_id) AS k,
                       COUNT(*) OVER (PARTITION BY node_id / 10000000000) AS n FROM nodes)
     SELECT 'c' || copy || '_' || ((k - 1) / (n / 500)) AS id, geom FROM v
     WHERE (k - 1) % (n / 500) = 0 AND (k - 1) / (n / 500) < 500"
}

declare -A wall rss stage_time
stage_names=()
for n in "${sizes[@]}"; do
  dir="$out/n$n"
  mkdir -p "$dir"
  if [ "$n" = 1 ]; then
    pbf="$extract"
  else
    pbf="$dir/malta_${n}x${n}.osm.pbf"
    [ -s "$pbf" ] || /usr/bin/python3 "$tiler" "$extract" "$n" "$pbf"
  fi
  [ -s "$dir/city.gpkg" ] || "$bin" osm "$pbf" --out "$dir/city.gpkg" --overwrite >/dev/null 2>&1
  [ -s "$dir/centers.gpkg" ] || make_centers "$dir"
  inputs=(--roads "$dir/city.gpkg" --roads-layer roads --blocks "$dir/city.gpkg"
          --blocks-layer blocks --centers "$dir/centers.gpkg" --threads "$threads")
  centers="$(ogrinfo -ro -so "$dir/centers.gpkg" centers | sed -n 's/^Feature Count: //p')"
  blocks="$(ogrinfo -ro -so "$dir/city.gpkg" blocks | sed -n 's/^Feature Count: //p')"
  echo "== N = $n: $((n * n)) copies, $centers centers, $blocks blocks"

  runs=(reach dissolve)
  [ "$n" = 1 ] && runs+=(per-center-15 per-center-5-10-15)
  if [ -n "${RUNS:-}" ]; then
    wanted=()
    for run in "${runs[@]}"; do
      [[ " $RUNS " == *" $run "* ]] && wanted+=("$run")
    done
    runs=("${wanted[@]}")
  fi
  for run in "${runs[@]}"; do
    case "$run" in
      reach) extra=(--minutes 15) ;;
      dissolve) extra=(--minutes 5,10,15 --overlap dissolve) ;;
      per-center-15) extra=(--minutes 15 --overlap per-center) ;;
      per-center-5-10-15) extra=(--minutes 5,10,15 --overlap per-center) ;;
    esac
    timed "$dir/$run.log" "$dir/$run.time" "$bin" evaluate "${inputs[@]}" "${extra[@]}" \
      --out "$dir/$run.gpkg" --overwrite
    read -r w m <"$dir/$run.time"
    wall[$n,$run]="$w"
    rss[$n,$run]="$m"
    printf '  %-20s wall %7.2f s  peak %6d MB\n' "$run" "$w" "$((m / 1024))"
    while read -r name secs; do
      [ -n "${stage_time[1,$run,$name]+x}" ] || [ "$n" != 1 ] || stage_names+=("$run,$name")
      stage_time[$n,$run,$name]="$secs"
      printf '      %-22s %8.3f s\n' "$name" "$secs"
    done < <(stages "$dir/$run.timings.json")
  done
done

if [ "${#sizes[@]}" -gt 1 ] && [ "${sizes[0]}" = 1 ]; then
  echo "== ratios to N = 1 (the data grows N^2 times)"
  for n in "${sizes[@]:1}"; do
    for run in reach dissolve; do
      [ -n "${wall[1,$run]:-}" ] && [ -n "${wall[$n,$run]:-}" ] || continue
      awk -v n="$n" -v r="$run" -v w1="${wall[1,$run]}" -v wn="${wall[$n,$run]}" \
        -v m1="${rss[1,$run]}" -v mn="${rss[$n,$run]}" \
        'BEGIN { printf "  N = %d %-9s wall %6.1fx  peak RSS %5.1fx\n", n, r, wn / w1, mn / m1 }'
    done
    for key in "${stage_names[@]}"; do
      run="${key%%,*}"
      name="${key#*,}"
      one="${stage_time[1,$run,$name]:-}"
      big="${stage_time[$n,$run,$name]:-}"
      [ -n "$one" ] && [ -n "$big" ] || continue
      awk -v n="$n" -v r="$run" -v s="$name" -v a="$one" -v b="$big" 'BEGIN {
        if (b >= 0.1) printf "    N = %d %-9s %-22s %7.3f -> %7.3f s  %6.1fx%s\n", n, r, s, a, b,
          (a > 0 ? b / a : 0), (a > 0 && b / a > 1.125 * n * n ? "  (over 1.125 N^2)" : "") }'
    done
  done
fi
echo "Malta, 500 centers: $out/n1/centers.gpkg with $out/n1/city.gpkg (roads, blocks)"
