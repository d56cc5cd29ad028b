#!/usr/bin/env bash
# Rebuilds the Chinese example from the clone alone: the Nanjing Xuanwu OSM extract
# (data/osm-nanjing-xuanwu, © OpenStreetMap contributors, ODbL) through `circleplan osm`, then
# scripts/nanjing_example.py (Debian's python3-gdal) for the blocks with estimated population and
# the ILLUSTRATIVE (示例) party-mass service centers, WGS84 and GCJ-02. The method is in
# data/osm-nanjing-xuanwu/SOURCE.md. The built files are shipped in that folder, so the demo and
# the tests need no rebuild; ctest's nanjing example test checks that this script reproduces them.
# Usage: scripts/build-nanjing-example.sh [CIRCLEPLAN_BINARY [OUT_DIR]]
#   (defaults: build/app/circleplan, data/osm-nanjing-xuanwu)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/app/circleplan}"
out="${2:-$root/data/osm-nanjing-xuanwu}"
osm="$root/data/osm-nanjing-xuanwu/nanjing-xuanwu-2021-06.osm"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# Roads need no copy: the example reads the extract itself as --roads. `circleplan osm` gives
# the residential areas (landuse=residential, assembled with libosmium) the blocks start from.
"$bin" osm "$osm" --out "$tmp/nanjing-osm.gpkg" --overwrite >"$tmp/osm.log" 2>&1 ||
  { cat "$tmp/osm.log" >&2; exit 1; }
/usr/bin/python3 "$root/scripts/nanjing_example.py" "$tmp/nanjing-osm.gpkg" "$osm" "$out"
