// Reading the user's layers with GDAL/OGR into planner's plain input values, in WGS84 lon/lat.
//
// Any OGR source works (GeoPackage, Shapefile with .cpg or --encoding, GeoJSON, FlatGeobuf,
// PostGIS "PG:..." ...). Each role has its field mapping; a named field that does not exist is an
// InputError naming the file, layer and field. A geometry of the wrong type for the role, a layer
// without CRS (unless assume_crs), and unreadable files are InputErrors too.
#pragma once

#include <string>
#include <vector>

#include "planner/inputs.h"

namespace io {

/// A layer of a dataset: path plus optional layer name (empty: the dataset's only/first layer).
struct LayerRef {
  std::string path;
  std::string layer;
};

/// Settings shared by every read.
struct ReadSettings {
  std::string encoding;    ///< source encoding when no .cpg says it (e.g. "GBK"); empty: as GDAL
  std::string assume_crs;  ///< CRS for layers that have none; empty: such a layer is an error
};

/// Field names per role. Empty means "use the defaults" listed in docs/user-guide.md
/// (e.g. population: pop, population, POP, 人口); a non-empty name must exist in the layer.
struct FieldMap {
  std::string id;         ///< default: id, ID, osm_id, else the feature id (FID)
  std::string name;       ///< default: name, NAME, 名称
  std::string tier;       ///< centers; default: tier, level, 级别
  std::string community;  ///< blocks; default: community, comm_id, 社区; absent is fine
  std::string population; ///< blocks; default: pop, population, POP, 人口; absent: no population
  std::string block_id;   ///< entrances; default: block_id
  std::string source;     ///< roads topology; default: source (only used when target exists too)
  std::string target;     ///< roads topology; default: target
  std::string highway;    ///< roads class; default: highway, fclass, class
};

/// Roads: lines or multi-lines (each part a RoadLine). segment_m is left empty (see
/// length_model.h). feature_id = id field when integer, else FID.
std::vector<planner::RoadLine> read_roads(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings);

/// Centers: points (multi-points: each part; polygons: their point on surface).
std::vector<planner::Center> read_centers(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings);

/// Blocks: polygons or multi-polygons.
std::vector<planner::Block> read_blocks(const LayerRef& ref, const FieldMap& fields,
                                        const ReadSettings& settings);

/// Entrances: points.
std::vector<planner::Entrance> read_entrances(const LayerRef& ref, const FieldMap& fields,
                                              const ReadSettings& settings);

/// Community boundaries: polygons or multi-polygons.
std::vector<planner::Community> read_communities(const LayerRef& ref, const FieldMap& fields,
                                                 const ReadSettings& settings);

}  // namespace io
