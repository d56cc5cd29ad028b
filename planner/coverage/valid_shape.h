// A polygon value as a valid GEOS geometry, repaired by MakeValid when it is not, for the
// overlay and area work on blocks and boundaries (unit assignment, radius shares, grid points).
// planner/network/block_sites has the same rule and also reports the repair.
#pragma once

#include "planner/geometry.h"
#include "planner/geos/geos_handle.h"

namespace planner {

GeomPtr valid_shape(const GeosContext& ctx, const MultiPolygon& shape);

}  // namespace planner
