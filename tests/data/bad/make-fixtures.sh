#!/bin/sh
# Regenerates the binary bad-input fixtures in this folder (Shapefiles, a GeoPackage) from the
# text written below and from blocks.geojson (needs ogr2ogr). The GeoJSON/CSV fixtures are
# committed as text; tests/app/bad_input_test.cpp says what each one is for (docs/errors.md).
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A CRS that cannot be transformed to lon/lat: a local engineering grid (CAD site plan).
rm -f blocks_local_crs.*
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 -lco DBF_DATE_LAST_UPDATE=2000-01-01 \
  blocks_local_crs.shp blocks.geojson
printf '%s\n' 'LOCAL_CS["site grid",LOCAL_DATUM["unknown",32767],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]' \
  > blocks_local_crs.prj

# Mixed geometry types in one layer, all usable as blocks: 3D, measured, a curve polygon and a
# collection of polygons. Each becomes one block (curves linearised, Z/M dropped).
cat > "$work/mixed.csv" <<'CSV'
WKT,block_id,name,pop
"POLYGON Z ((120.981 31.381 5,120.984 31.381 5,120.984 31.384 5,120.981 31.384 5,120.981 31.381 5))",B1,3D,100
"MULTIPOLYGON M (((120.986 31.386 1,120.989 31.386 2,120.989 31.389 3,120.986 31.389 4,120.986 31.386 1)))",B2,measured,200
"CURVEPOLYGON (CIRCULARSTRING (120.986 31.3825,120.989 31.3825,120.986 31.3825))",B3,curve,300
"GEOMETRYCOLLECTION (POLYGON ((120.9812 31.3862,120.9818 31.3862,120.9818 31.3868,120.9812 31.3868,120.9812 31.3862)),POLYGON ((120.9822 31.3862,120.9828 31.3862,120.9828 31.3868,120.9822 31.3868,120.9822 31.3862)))",B4,collection,400
CSV
rm -f blocks_mixed.gpkg
OGR_CURRENT_DATE=2000-01-01T00:00:00.000Z ogr2ogr -f GPKG -a_srs EPSG:4326 -nlt GEOMETRY \
  -dim XYZM -nln blocks -oo KEEP_GEOM_COLUMNS=NO blocks_mixed.gpkg "$work/mixed.csv"

# The good blocks with Chinese names in GBK: once with a .cpg saying so (read right without
# options), once without (detected as GBK with a warning; silent with --encoding GBK).
for name in blocks_gbk_cpg blocks_gbk_no_cpg; do
  rm -f "$name".*
  ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -lco DBF_DATE_LAST_UPDATE=2000-01-01 \
    "$name.shp" blocks.geojson
done
rm blocks_gbk_no_cpg.cpg

# Lon/lat degrees under an ESRI .prj that says UTM zone 51N (metres): a mislabelled export. The
# .prj carries no area of use; the reader finds it through the EPSG CRS it is identified as.
rm -f centers_degrees_utm.*
ogr2ogr -f "ESRI Shapefile" -a_srs EPSG:32651 -lco ENCODING=UTF-8 \
  -lco DBF_DATE_LAST_UPDATE=2000-01-01 centers_degrees_utm.shp centers.geojson
