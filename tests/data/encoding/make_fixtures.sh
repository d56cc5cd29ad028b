#!/bin/sh
# Regenerates the text-encoding fixtures of this folder (README.md says what each is for; needs
# ogr2ogr and iconv). The blocks are tests/data/bad/blocks.geojson's three squares.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

square() {  # lon lat: a 0.003-degree square
  echo "[[[$1,$2],[$(echo "$1 + 0.003" | bc),$2],[$(echo "$1 + 0.003" | bc),$(echo "$2 + 0.003" | bc)],[$1,$(echo "$2 + 0.003" | bc)],[$1,$2]]]"
}

# Chinese field names and values, as a planner's 小区 layer exported from ArcGIS on Chinese
# Windows without its .cpg: GBK bytes that nothing declares.
cat > "$work/blocks.geojson" <<JSON
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"编号":"B1","名称":"玉山小区","人口":100,"社区":"城北社区"},"geometry":{"type":"Polygon","coordinates":$(square 120.981 31.381)}},
{"type":"Feature","properties":{"编号":"B2","名称":"城北新村","人口":200,"社区":"城北社区"},"geometry":{"type":"Polygon","coordinates":$(square 120.986 31.386)}},
{"type":"Feature","properties":{"编号":"B3","名称":"朝阳花园","人口":300,"社区":"朝阳社区"},"geometry":{"type":"Polygon","coordinates":$(square 120.986 31.381)}}]}
JSON
rm -f blocks_chinese_fields.*
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -lco DBF_DATE_LAST_UPDATE=2000-01-01 \
  blocks_chinese_fields.shp "$work/blocks.geojson"
rm blocks_chinese_fields.cpg

# The same GBK text under a .cpg that says UTF-8 (a wrong declaration): ASCII field names, so
# the error can name the feature and field.
cat > "$work/ascii_fields.geojson" <<JSON
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"block_id":"B1","name":"玉山小区","pop":100},"geometry":{"type":"Polygon","coordinates":$(square 120.981 31.381)}},
{"type":"Feature","properties":{"block_id":"B2","name":"城北新村","pop":200},"geometry":{"type":"Polygon","coordinates":$(square 120.986 31.386)}}]}
JSON
rm -f blocks_cpg_says_utf8.*
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -lco DBF_DATE_LAST_UPDATE=2000-01-01 \
  blocks_cpg_says_utf8.shp "$work/ascii_fields.geojson"
printf 'UTF-8\n' > blocks_cpg_says_utf8.cpg

# Text that is neither UTF-8 nor GBK (Latin-1 "ÿÿ", bytes FF FF) and no .cpg.
cat > "$work/latin.geojson" <<JSON
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"block_id":"B1","name":"ÿÿ","pop":100},"geometry":{"type":"Polygon","coordinates":$(square 120.981 31.381)}}]}
JSON
rm -f blocks_neither.*
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=ISO-8859-1 -lco DBF_DATE_LAST_UPDATE=2000-01-01 \
  blocks_neither.shp "$work/latin.geojson"
rm blocks_neither.cpg

# Centers as a CSV with WKT: UTF-8 (the CSV standard) and GBK (what Excel on a Chinese Windows
# saves). Neither carries a CRS: tests pass --assume-crs EPSG:4326.
cat > centers_utf8.csv <<'CSV'
WKT,center_id,name,tier
"POINT (120.985 31.385)",C1,玉山党群服务中心,中心
"POINT (120.98 31.38)",C2,城北党群服务站,站
CSV
iconv -f UTF-8 -t GBK centers_utf8.csv > centers_gbk.csv
