// The "split" grouping: a partition of the dissolved service area in which every point goes to
// the center of the nearest reached network piece. Points are placed along the reached pieces
// (labelled with their nearest center), a GEOS Voronoi diagram gives each its cell, cells are
// merged per center (coverage union) and clipped to the dissolved area, so the parts tile it
// without overlap.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "planner/areas/reach_pieces.h"
#include "planner/geos/geos_handle.h"

namespace planner {

/// One part per label present in `pieces` (band <= max_band), ordered by label.
/// spacing_m: distance between points placed along each piece (its ends always included).
std::vector<std::pair<std::uint32_t, GeomPtr>> voronoi_split(
    const GeosContext& ctx, const EdgeSet& edges, std::span<const ReachPiece> pieces,
    std::uint32_t max_band, const GEOSGeometry* dissolved, double spacing_m);

}  // namespace planner
