// Reading an OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2) with libosmium, following
// docs/walkable.md (the project's copy of WALKABLE.md) exactly. Coordinates are WGS84 lon/lat.
#pragma once

#include <string>
#include <vector>

#include "planner/inputs.h"

namespace osmium::memory {
class Buffer;
}

namespace io {

struct OsmExtract {
  /// Walkable ways, split where a node location is missing; node_ids filled with OSM node ids,
  /// feature_id = OSM way id, highway and name from the tags. segment_m left empty.
  std::vector<planner::RoadLine> roads;
  /// landuse=residential closed ways and multipolygon relations; id "w<way id>" / "r<rel id>".
  std::vector<planner::Block> blocks;
  /// Civic stand-ins for service centers (see docs/osm.md): nodes as points, areas by their
  /// point on surface; id "n<id>" / "w<id>" / "r<id>", tier = the amenity value.
  std::vector<planner::Center> centers;
  std::size_t missing_node_refs = 0;  ///< way node references without a location in the file
};

/// Throws io::InputError naming the file when it cannot be read.
OsmExtract read_osm(const std::string& path);

/// read_osm()'s rules for each object (walkable ways cut where a location is missing, residential
/// areas, civic centers) applied to OSM objects already in memory: nodes, ways whose node refs
/// carry their locations, assembled areas. Appends to `out`. For tests and the fuzz target
/// tests/fuzz/osm_ways_fuzz.cpp, which build their ways with osmium's builder.
void collect_osm_objects(osmium::memory::Buffer& buffer, OsmExtract& out);

/// True when the path looks like an OSM file (.osm, .osm.pbf, .pbf, .osm.bz2, .osm.gz).
bool is_osm_path(const std::string& path);

}  // namespace io
