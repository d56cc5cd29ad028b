// A standard's radius tiers (standard.h): the share of each block's area that lies within a
// straight-line radius of some serving center, as city health checks (城市体检) measure it.
// Circles are drawn around the centers' input positions (not their snapped ones: a radius
// ignores the network), as polygons fine enough that the share is within 0.0005 of the exact
// circles' (docs/standards.md), and only centers whose circle can reach a block are drawn for
// it, so the cost grows with blocks plus nearby centers, not blocks times centers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "planner/coverage/compliance.h"
#include "planner/coverage/standard.h"
#include "planner/inputs.h"

namespace planner {

/// Per block: value = area(block ∩ union of circles) / area(block) (0 for a block of zero
/// area or no serving center within reach); met = value >= tier.min_share (inclusive);
/// center = the serving center whose own circle covers most of the block (ties: the lower
/// index), invalid_id when no circle covers any of it. Runs on `threads` threads (0: all);
/// the result does not depend on their number.
std::vector<BlockTierValue> radius_shares(const std::vector<Block>& blocks,
                                          const std::vector<Center>& centers,
                                          const std::vector<std::uint8_t>& serving,
                                          const StandardTier& tier, unsigned threads);

/// GEOS quadrant segments for circles of `radius_m` around a block of `area_m2` whose bounding
/// box has perimeter `box_perimeter_m`, `circles` of them reaching into it, so that the area the
/// inscribed polygons miss inside the box (at most sagitta × arc length, the arc inside the box
/// being no longer than its perimeter) stays below `share_tolerance` of the block. At least 64.
int circle_quadrant_segments(double radius_m, double area_m2, double box_perimeter_m,
                             std::size_t circles, double share_tolerance);

}  // namespace planner
