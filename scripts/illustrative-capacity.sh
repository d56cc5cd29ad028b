#!/usr/bin/env bash
# Adds ILLUSTRATIVE population and center capacities to the layers `circleplan osm` wrote, so the
# demo can show accessibility scores (evaluate --access) and capacitated siting (site --model
# cmclp) on open data that has neither. The numbers are made up by a rule, not surveyed:
#   blocks_illustrative.pop  = 15,000 residents per km² of residential land (area measured in
#                              PT-TM06, EPSG:3763, the Portuguese grid: the demo is Porto);
#   centers_illustrative.area_m2 = a floor area by the OSM amenity (tier): townhall 2,000 m²,
#                                  community_centre 800, social_facility 500, social_centre 300;
#   centers_illustrative.serves  = residents a center can serve: area_m2 / 4 (4 m² of floor per
#                                  resident), the capacity capacitated siting (cmclp) counts in
#                                  people, the unit of the blocks' population.
# Real plans join surveyed figures (census, 小区 households, centers' floor areas) the same way:
# one field on each layer, named with --pop-field and --capacity-field (docs/accessibility.md).
# Usage: scripts/illustrative-capacity.sh OSM.gpkg OUT.gpkg   (needs gdal-bin's ogr2ogr)
set -euo pipefail
in="$1"
out="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rm -f "$out"
# A fixed timestamp in the GeoPackage metadata keeps the file byte-identical from run to run.
opts=(--config OGR_CURRENT_DATE 2020-07-01T00:00:00Z -f GPKG)
# Areas in metres: the blocks projected first, then measured, then back to the input's lon/lat.
ogr2ogr "${opts[@]}" -t_srs EPSG:3763 "$tmp/projected.gpkg" "$in" blocks
ogr2ogr "${opts[@]}" -dialect SQLite -t_srs EPSG:4326 "$out" "$tmp/projected.gpkg" \
  -nln blocks_illustrative \
  -lco DESCRIPTION="ILLUSTRATIVE population: 15000 per km2 of residential land, not surveyed" \
  -sql "SELECT block_id, name, CAST(ROUND(ST_Area(geom) * 0.015) AS INTEGER) AS pop, geom
        FROM blocks ORDER BY fid"
ogr2ogr "${opts[@]}" -dialect SQLite -update "$out" "$in" -nln centers_illustrative \
  -lco DESCRIPTION="ILLUSTRATIVE capacity (floor area m2 by amenity; serves = m2 / 4), not surveyed" \
  -sql "SELECT center_id, name, tier,
               CASE tier WHEN 'townhall' THEN 2000 WHEN 'community_centre' THEN 800
                         WHEN 'social_facility' THEN 500 WHEN 'social_centre' THEN 300
                         ELSE 400 END AS area_m2,
               CASE tier WHEN 'townhall' THEN 500 WHEN 'community_centre' THEN 200
                         WHEN 'social_facility' THEN 125 WHEN 'social_centre' THEN 75
                         ELSE 100 END AS serves, geom
        FROM centers ORDER BY fid"
