// The layers `circleplan osm` writes from an extract: roads (one feature per walkable edge,
// with its OSM way id and source/target OSM node ids, so the graph can be rebuilt exactly from
// the layer), blocks and centers. Coordinates stay WGS84 lon/lat (EPSG:4326).
#pragma once

#include "io/gdal/output_layer.h"
#include "io/osm/osm_reader.h"
#include "planner/network/edge_set.h"

namespace io {

/// roads: id, way_id, part, highway, name, source, target, length_m.
OutputLayer osm_roads_layer(const OsmExtract& extract, const planner::EdgeSet& edges);
/// blocks: block_id, osm_id, name, pop (from a population tag, else null).
OutputLayer osm_blocks_layer(const OsmExtract& extract);
/// centers: center_id, name, tier (the amenity value).
OutputLayer osm_centers_layer(const OsmExtract& extract);

}  // namespace io
