// The inputs of one evaluation, as plain values: what io/ reads and planner/ consumes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planner/geometry.h"
#include "planner/ids.h"

namespace planner {

/// One walkable line as read: a road feature (or one part of a multi-line, or one piece of an
/// OSM way cut where a node location is missing). It is cut into graph edges by
/// split_into_edges().
struct RoadLine {
  std::int64_t feature_id = 0;    ///< stable id of the input feature (OSM way id, id field or FID)
  LineString points;              ///< lon/lat when read, metres after projection
  std::vector<double> segment_m;  ///< length of each segment by the length model (points-1)
  std::vector<std::int64_t> node_ids;         ///< external node id per point (OSM), or empty
  std::int64_t source_node = no_external_id;  ///< explicit topology (pgRouting style), or none
  std::int64_t target_node = no_external_id;
  std::string highway;  ///< road class (OSM highway value or a class field), may be empty
  std::string name;
};

/// The largest population of one block, capacity of one center and weight of one demand point
/// read as a value (docs/errors.md §4). A larger one is a "no data" sentinel (1.797e308,
/// 3.4e38, 9.99e37...) or a unit slip, so readers take it as missing; and every sum over any
/// number of such values stays finite (10^9 blocks of 1e8 sum to 1e17). 1e8 is ten times the
/// population of the largest city proper and, as floor area, 100 km² for one center.
inline constexpr double max_block_population = 1e8;
inline constexpr double max_center_capacity = 1e8;

/// A service center (党群服务中心/站), or a stand-in for one.
struct Center {
  std::string id;
  std::string name;
  std::string tier;  ///< e.g. district / street / community; empty when the data has none
  XY pos;
  /// Service capacity (floor area, staff, seats...) from --capacity-field; never invented:
  /// empty when the data has none. Last, with an initializer, so {id, name, tier, pos} still
  /// initializes a center.
  std::optional<double> capacity{};
};

/// A residential block (小区) with its population when known.
struct Block {
  std::string id;
  std::string name;
  std::string community;      ///< community id from a field, or empty (assigned by overlap)
  std::optional<double> pop;  ///< never invented: empty when the data has no population
  MultiPolygon shape;
  // Last, with initializers, so that {id, name, community, pop, shape} still initializes a
  // block (readers and tests) without a missing-initializer warning.
  std::string grid{};         ///< grid (网格) id from a field, or empty (assigned by overlap)
  std::string subdistrict{};  ///< subdistrict (街道/镇) id from a field, or empty (by overlap)
};

/// A gate of a gated compound. block_id empty: linked to the block it lies on or inside.
struct Entrance {
  std::string block_id;
  XY pos;
};

/// A reporting boundary: a community (社区), a grid (网格) or a subdistrict (街道/镇), the units
/// planners report on.
struct Boundary {
  std::string id;
  std::string name;
  MultiPolygon shape;
};
using Community = Boundary;

/// Everything one evaluation reads.
struct Inputs {
  std::vector<RoadLine> roads;
  std::vector<Center> centers;
  std::vector<Block> blocks;
  std::vector<Entrance> entrances;
  std::vector<Community> communities;
  std::vector<Boundary> grids;         ///< 网格, optional (the standard's grid report)
  std::vector<Boundary> subdistricts;  ///< 街道/镇, optional (a compliance scope)
};

}  // namespace planner
