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
echo "== 中文示例 / the Chinese example: central Nanjing (南京新街口), CGCS2000 / 3-degree GK 120E (EPSG:4549) =="
echo "   党群服务中心/站为示例点位（ILLUSTRATIVE centers, 示例）; 人口为按建筑面积估算（pop_est, an ESTIMATE）;"
echo "   centers as GCJ-02 lon/lat from a CSV (--gcj02 centers), roads from OSM (WGS84);"
echo "   data/osm-nanjing-xuanwu/SOURCE.md says how they were made (scripts/build-nanjing-example.sh)"
nj="$root/data/osm-nanjing-xuanwu"
"$bin" evaluate \
  --roads "$nj/nanjing-xuanwu-2021-06.osm" \
  --centers "$nj/nanjing-centers-gcj02.csv" --gcj02 centers \
  --blocks "$nj/nanjing-blocks.geojson" --pop-field pop_est \
  --crs EPSG:4549 --minutes 5,10,15 --standard "$root/data/standards/nanjing-three-tier.toml" \
  --out "$out/nanjing-evaluation.gpkg" --overwrite >"$out/nanjing-evaluation.txt" 2>&1
"$bin" run "$root/data/nanjing-scenario.toml" --out "$out/nanjing-scenario" --overwrite \
  >"$out/nanjing-scenario.txt" 2>&1
/usr/bin/python3 - "$out/nanjing-evaluation.summary.json" "$out/nanjing-scenario/summary.csv" <<'PY'
import csv, json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
t = s["totals"]
print("小区 %d 个，15 分钟步行覆盖 %d 个；估算人口 %d 人，覆盖 %d 人（%.1f%%）；坐标系 %s"
      % (t["blocks"], t["covered_blocks"], t["population"], t["covered_population"],
         100 * t["covered_share"], s["parameters"]["crs"]))
print("blocks %d, %d within a 15-minute walk; estimated population %d, %d covered (%.1f%%); CRS %s"
      % (t["blocks"], t["covered_blocks"], t["population"], t["covered_population"],
         100 * t["covered_share"], s["parameters"]["crs"]))
for tier in s["standard"]["tiers"]:
    print("  %s（%g 分钟 / min）：%d/%d 个小区达标 blocks met，人口 population %.1f%%"
          % (tier["name"], tier["threshold"], tier["met_blocks"], tier["blocks"],
             100 * tier["met_share"]))
print("情景 / scenario (data/nanjing-scenario.toml)：15 分钟覆盖人口 covered population, "
      "村社区级 10 分钟达标人口 station tier met")
with open(sys.argv[2], encoding="utf-8-sig") as f:  # summary.csv starts with a BOM for Excel
    for row in csv.DictReader(f):
        print("  %-24s %5.1f%%  %5.1f%%" % (row["variant"], 100 * float(row["cov_share"]),
                                           100 * float(row["std_村社区级_share"])))
PY

echo
echo "Outputs in $out/: porto.gpkg (osm layers), porto-evaluation.gpkg (blocks, centers,"
echo "communities, summary, nodes), porto-evaluation-shp/ (shapefiles),"
echo "porto-service-areas.gpkg (service_areas, reach_edges), porto-standard.gpkg (block_tiers,"
echo "compliance; porto-standard.compliance.csv), porto-illustrative.gpkg and porto-access.gpkg"
echo "(acc_e2sfca, acc_bfca, acc_rank on blocks; capacity, demand, ratio, load on centers),"
echo "porto-sites.gpkg, porto-sites-capacity.gpkg"
echo "(sites, site_blocks, site_curve), *.summary.json, porto-scenario/ (one result per variant,"
echo "changes-<variant>/, report.html, summary.csv); nanjing-evaluation.gpkg (the Chinese example,"
echo "EPSG:4549; nanjing-evaluation.compliance.csv), nanjing-scenario/."
echo "Map data © OpenStreetMap contributors, ODbL."
