#!/usr/bin/env bash
# The planner's main job on the shipped sample: an OpenStreetMap extract of central Porto
# (© OpenStreetMap contributors, ODbL) turned into layers, then evaluated: which residential
# blocks lie within a 15-minute walk of a civic center. Writes out/ and prints the summary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-deps.sh"
build_dir="${BUILD_DIR:-$root/build-release}"
"$root/scripts/build.sh" "$build_dir" Release >/dev/null
bin="$build_dir/app/circleplan"
out="$root/out"
mkdir -p "$out"

echo "== circleplan osm: extract roads, residential blocks and civic centers =="
"$bin" osm "$root/data/osm-porto/porto-2020-07.osm.pbf" --out "$out/porto.gpkg" --overwrite

echo
echo "== circleplan evaluate: 5/10/15-minute walk at 4.5 km/h, GeoPackage =="
"$bin" evaluate \
  --roads "$out/porto.gpkg" --roads-layer roads \
  --centers "$out/porto.gpkg" --centers-layer centers \
  --blocks "$out/porto.gpkg" --blocks-layer blocks \
  --minutes 5,10,15 --layers nodes \
  --out "$out/porto-evaluation.gpkg" --overwrite

echo
echo "== the same as shapefiles for GIS =="
"$bin" evaluate \
  --roads "$out/porto.gpkg" --roads-layer roads \
  --centers "$out/porto.gpkg" --centers-layer centers \
  --blocks "$out/porto.gpkg" --blocks-layer blocks \
  --format shp --out "$out/porto-evaluation-shp" --overwrite >/dev/null

echo
echo "== service areas: each center's 5/10/15-minute rings along the streets (about 15 s) =="
"$bin" evaluate \
  --roads "$out/porto.gpkg" --roads-layer roads \
  --centers "$out/porto.gpkg" --centers-layer centers \
  --blocks "$out/porto.gpkg" --blocks-layer blocks \
  --minutes 5,10,15 --overlap per-center \
  --out "$out/porto-service-areas.gpkg" --overwrite >"$out/porto-service-areas.txt" 2>&1
grep -E "^(network|blocks|summary):" "$out/porto-service-areas.txt"

echo
echo "== service standard: a local tier within 10 minutes, a town tier within 20 (docs/standards.md) =="
"$bin" evaluate \
  --roads "$out/porto.gpkg" --roads-layer roads \
  --centers "$out/porto.gpkg" --centers-layer centers \
  --blocks "$out/porto.gpkg" --blocks-layer blocks \
  --minutes 5,10,15 --standard "$root/data/standards/porto-demo.toml" \
  --out "$out/porto-standard.gpkg" --overwrite >"$out/porto-standard.txt" 2>&1
sed -n '/^standard /,/^compliance:/p' "$out/porto-standard.txt"

echo
echo "== accessibility: center capacity per 1,000 residents (docs/accessibility.md) =="
echo "   ILLUSTRATIVE data: OSM has neither population nor floor areas, so"
echo "   scripts/illustrative-capacity.sh makes them up by a rule (15,000 residents per km² of"
echo "   residential land; floor area by amenity) in out/porto-illustrative.gpkg"
"$root/scripts/illustrative-capacity.sh" "$out/porto.gpkg" "$out/porto-illustrative.gpkg"
ill=(--roads "$out/porto.gpkg" --roads-layer roads
     --centers "$out/porto-illustrative.gpkg" --centers-layer centers_illustrative
     --blocks "$out/porto-illustrative.gpkg" --blocks-layer blocks_illustrative)
"$bin" evaluate "${ill[@]}" --capacity-field area_m2 --access e2sfca,bfca \
  --minutes 5,10,15 --out "$out/porto-access.gpkg" --overwrite >"$out/porto-access.txt" 2>&1
grep -E "^(population|access|  worst)" "$out/porto-access.txt"

echo
echo "== circleplan site: where 3 new stations would bring the most blocks within 10 minutes (mclp) =="
echo "   (within 15 minutes every Porto block is already covered)"
"$bin" site \
  --roads "$out/porto.gpkg" --roads-layer roads \
  --centers "$out/porto.gpkg" --centers-layer centers \
  --blocks "$out/porto.gpkg" --blocks-layer blocks \
  --model mclp --k 3 --cover-minutes 10 --out "$out/porto-sites.gpkg" --overwrite

echo
echo "== capacitated siting (cmclp): 3 new stations of 300 residents each where the existing"
echo "   centers are full (ILLUSTRATIVE: each center serves its floor area / 4 m² residents) =="
"$bin" site "${ill[@]}" --model cmclp --k 3 --capacity-field serves --site-capacity 300 \
  --out "$out/porto-sites-capacity.gpkg" --overwrite

echo
echo "== circleplan run: data/porto-scenario.toml, the base and 7 variants compared =="
"$bin" run "$root/data/porto-scenario.toml" --out "$out/porto-scenario" --overwrite

echo
echo "Outputs in $out/: porto.gpkg (osm layers), porto-evaluation.gpkg (blocks, centers,"
echo "communities, summary, nodes), porto-evaluation-shp/ (shapefiles),"
echo "porto-service-areas.gpkg (service_areas, reach_edges), porto-standard.gpkg (block_tiers,"
echo "compliance; porto-standard.compliance.csv), porto-illustrative.gpkg and porto-access.gpkg"
echo "(acc_e2sfca, acc_bfca, acc_rank on blocks; capacity, demand, ratio, load on centers),"
echo "porto-sites.gpkg, porto-sites-capacity.gpkg"
echo "(sites, site_blocks, site_curve), *.summary.json, porto-scenario/ (one result per variant,"
echo "changes-<variant>/, report.html, summary.csv)."
echo "Map data © OpenStreetMap contributors, ODbL."
