// Demand from service requests (issue #13 point 3, docs/user-guide.md): points such as 12345
// hotline or 城事通 requests, each with a weight, summed per block so that siting can weigh
// blocks by where problems and requests concentrate. A point inside a block (or on its edge)
// counts for that block; a point outside every block counts for the nearest block within the
// snap distance; the rest are counted as unassigned, never dropped silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "planner/geometry.h"
#include "planner/inputs.h"
#include "planner/parameters.h"

namespace planner {

/// --demand-snap-m: how far outside every block a point may lie and still count for the nearest.
inline constexpr double default_demand_snap_m = 100.0;
inline constexpr Range demand_snap_range{"demand-snap-m", 0.0, 10000.0, false, false, "m"};

/// The request points in the run CRS, with one weight each (1 when no weight field is given).
struct DemandPoints {
  std::vector<XY> points;
  std::vector<double> weights;  ///< per point, finite and >= 0
};

/// How one point found its block.
enum class DemandAssignment : std::uint8_t {
  inside,      ///< inside a block or on its boundary
  nearest,     ///< outside every block, within the snap distance of the nearest one
  unassigned,  ///< farther than the snap distance from every block
};

/// Points and their summed weight, for one kind of assignment.
struct DemandTally {
  std::size_t points = 0;
  double weight = 0.0;
};

struct DemandAggregation {
  std::vector<double> block_weight;         ///< per block: the weights of its points (requests)
  std::vector<std::uint32_t> block_points;  ///< per block: how many points it received
  std::vector<std::uint32_t> point_block;   ///< per point: its block, or invalid_id
  std::vector<DemandAssignment> point_assignment;  ///< per point
  DemandTally inside, nearest, unassigned;
};

/// Sums the points' weights per block. A point inside or on the boundary of several blocks
/// (a shared edge, overlapping blocks) goes to the one listed first; a point outside every block
/// goes to the block at the least planar distance if that is at most snap_m (ties: the one
/// listed first); otherwise it is unassigned. Invalid block polygons are repaired as evaluate
/// repairs them (GEOS MakeValid). A point's block depends only on the point and the blocks,
/// never on the other points. Throws InvalidValue when snap_m is out of demand_snap_range, when the
/// weights are not one per point, or when a weight is negative or not finite.
DemandAggregation aggregate_demand_points(const std::vector<Block>& blocks,
                                          const DemandPoints& demand, double snap_m);

}  // namespace planner
