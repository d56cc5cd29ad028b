#!/usr/bin/env bash
# End-to-end timing on a real extract: `circleplan osm` then `circleplan evaluate` (direct from
# the PBF and from the GeoPackage), printing each stage's time from timings.json.
# Usage: bench/end_to_end.sh [EXTRACT] (default: ../shared/data/osm-malta/malta-2016-11.osm.pbf)
# Not part of CI. Build first: scripts/build.sh build-release Release
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extract="${1:-$root/../shared/data/osm-malta/malta-2016-11.osm.pbf}"
bin="${CIRCLEPLAN_BIN:-$root/build-release/app/circleplan}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "== osm: $extract"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" osm "$extract" --out "$out/city.gpkg" 2>&1 | grep -v "^timings:"
cat "$out/city.timings.json"

echo "== evaluate from the PBF"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" evaluate --roads "$extract" --minutes 5,10,15 \
  --out "$out/eval-pbf.gpkg" 2>&1
cat "$out/eval-pbf.timings.json"

echo "== evaluate from the GeoPackage"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" evaluate --roads "$out/city.gpkg" --roads-layer roads \
  --centers "$out/city.gpkg" --centers-layer centers --blocks "$out/city.gpkg" --blocks-layer blocks \
  --minutes 5,10,15 --out "$out/eval-gpkg.gpkg" 2>&1
cat "$out/eval-gpkg.timings.json"
