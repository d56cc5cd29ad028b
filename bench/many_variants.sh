#!/usr/bin/env bash
# Peak memory of `circleplan run` against the number of variants (issue #17 point 3): Malta
# (../shared/data/osm-malta, © OpenStreetMap contributors, ODbL) with 500 centers placed on every
# (n/500)-th walk vertex; variant i closes center i mod 500 and walks at 3.0 + 0.1 × (i mod 20)
# km/h; no service areas. Runs the same scenario with 10 and with N variants (default 1000) and
# prints wall time and peak RSS of each (GNU time), then their ratio. `run` keeps one variant's
# result at a time, so the peak should not grow with the number of variants (target: within
# 1.5× of the 10-variant run).
# Usage: bench/many_variants.sh [N]      Not part of CI (1,000 variants take minutes).
# Build first: scripts/build.sh build-release Release (or set CIRCLEPLAN_BIN).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extract="${EXTRACT:-$root/../shared/data/osm-malta/malta-2016-11.osm.pbf}"
bin="${CIRCLEPLAN_BIN:-$root/build-release/app/circleplan}"
many="${1:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin" osm "$extract" --out "$work/city.gpkg" >/dev/null 2>&1
# The walk vertices of the network: evaluate's nodes layer (any centers will do for it).
"$bin" evaluate --roads "$work/city.gpkg" --roads-layer roads --blocks "$work/city.gpkg" \
  --blocks-layer blocks --centers "$work/city.gpkg" --centers-layer centers --layers nodes \
  --out "$work/nodes.gpkg" >/dev/null 2>&1
vertices="$(ogrinfo -ro -so "$work/nodes.gpkg" nodes | sed -n 's/^Feature Count: //p')"
step=$(( vertices / 500 ))
# Every step-th vertex in ascending OSM node id order, as the city-scale benchmarks pick them.
ogr2ogr -f GPKG "$work/centers.gpkg" "$work/nodes.gpkg" -nln centers -dialect SQLite -sql \
  "SELECT 'c' || ((k - 1) / $step) AS id, geom FROM
     (SELECT ROW_NUMBER() OVER (ORDER BY node_id) AS k, geom FROM nodes)
   WHERE (k - 1) % $step = 0 LIMIT 500"
echo "Malta: $vertices walk vertices, 500 centers (every ${step}th in node id order)"

scenario() {  # scenario FILE VARIANTS
  {
    echo "roads = \"$work/city.gpkg\""
    echo "roads-layer = \"roads\""
    echo "blocks = \"$work/city.gpkg\""
    echo "blocks-layer = \"blocks\""
    echo "centers = \"$work/centers.gpkg\""
    echo "minutes = [15]"
    for (( i = 1; i <= $2; i++ )); do
      echo ""
      echo "[[variant]]"
      echo "name = \"v$i\""
      echo "close-centers = [\"c$(( i % 500 ))\"]"
      awk -v i="$i" 'BEGIN { printf "speed-kmh = %.1f\n", 3.0 + 0.1 * (i % 20) }'
    done
  } > "$1"
}

measure() {  # measure VARIANTS -> prints "wall_s peak_kb"
  scenario "$work/s$1.toml" "$1"
  /usr/bin/time -f "%e %M" -o "$work/time$1" "$bin" run "$work/s$1.toml" --out "$work/out$1" \
    >/dev/null
  cat "$work/time$1"
  rm -rf "$work/out$1"
}

read -r wall_few peak_few < <(measure 10)
echo "10 variants: wall ${wall_few} s, peak RSS $(( peak_few / 1024 )) MB"
read -r wall_many peak_many < <(measure "$many")
echo "$many variants: wall ${wall_many} s, peak RSS $(( peak_many / 1024 )) MB"
awk -v a="$peak_many" -v b="$peak_few" -v n="$many" \
  'BEGIN { printf "peak RSS ratio %s/10 variants: %.2f (target <= 1.5)\n", n, a / b }'
