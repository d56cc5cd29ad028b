#!/bin/sh
# Regenerates the reader fixtures in this folder from the GeoJSON written below (needs ogr2ogr).
# Coordinates are lon/lat around Kunshan; tests/io/layer_reader_test.cpp expects exactly these.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Roads: written to EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E, northing first in EPSG).
cat > "$work/roads.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":101,"highway":"residential","name":"前进路","source":1,"target":2},
 "geometry":{"type":"LineString","coordinates":[[120.98,31.38],[120.985,31.381],[120.99,31.383]]}},
{"type":"Feature","properties":{"id":102,"highway":"footway","name":"人民路","source":2,"target":3},
 "geometry":{"type":"LineString","coordinates":[[120.99,31.383],[120.995,31.385]]}},
{"type":"Feature","properties":{"id":103,"highway":"path","name":"亭林园步道","source":null,"target":null},
 "geometry":{"type":"MultiLineString","coordinates":[[[120.981,31.384],[120.982,31.385]],[[120.983,31.386],[120.984,31.387]]]}},
{"type":"Feature","properties":{"id":104,"highway":"service","name":"","source":null,"target":null},"geometry":null}
]}
JSON
rm -f roads_4549.*
ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:4549 -nlt LINESTRING \
  -lco ENCODING=UTF-8 -lco DBF_DATE_LAST_UPDATE=2000-01-01 roads_4549.shp "$work/roads.geojson"

# Blocks: Chinese names in GBK, and no .cpg, so only --encoding GBK reads them right.
cat > "$work/blocks.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"B1","name":"玉山镇","pop":1200,"comm_id":"C01"},
 "geometry":{"type":"Polygon","coordinates":[
   [[120.98,31.38],[120.984,31.38],[120.984,31.384],[120.98,31.384],[120.98,31.38]],
   [[120.981,31.381],[120.981,31.382],[120.982,31.382],[120.982,31.381],[120.981,31.381]]]}},
{"type":"Feature","properties":{"id":"B2","name":"城北社区","pop":null,"comm_id":"C02"},
 "geometry":{"type":"Polygon","coordinates":[[[120.99,31.39],[120.992,31.39],[120.992,31.392],[120.99,31.392],[120.99,31.39]]]}},
{"type":"Feature","properties":{"id":"B3","name":"朝阳新村","pop":300,"comm_id":"C02"},
 "geometry":{"type":"MultiPolygon","coordinates":[
   [[[121.0,31.4],[121.001,31.4],[121.001,31.401],[121.0,31.401],[121.0,31.4]]],
   [[[121.002,31.4],[121.003,31.4],[121.003,31.401],[121.002,31.401],[121.002,31.4]]]]}}
]}
JSON
rm -f blocks_gbk.*
ogr2ogr -f "ESRI Shapefile" -nlt POLYGON -lco ENCODING=GBK -lco DBF_DATE_LAST_UPDATE=2000-01-01 \
  blocks_gbk.shp "$work/blocks.geojson"
rm blocks_gbk.cpg
