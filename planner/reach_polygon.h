// Polygons from reached network pieces: buffer and union. buffer_reach merges the pieces into
// chains first (fewer, longer buffers for the cascaded union); buffer_reach_naive buffers every
// piece, the baseline the benchmark compares against. One GEOS buffer of the whole multi-line
// was tried and is slower still with GEOS 3.11 (it falls back to reduced precision).
#pragma once

#include <span>

#include "planner/edge_set.h"
#include "planner/geos_handle.h"
#include "planner/reach_pieces.h"

namespace planner {

/// The pieces with band <= max_band as one GEOS MultiLineString (zero-length pieces skipped).
GeomPtr pieces_as_lines(const GeosContext& ctx, const EdgeSet& edges,
                        std::span<const ReachPiece> pieces, std::uint32_t max_band);

/// Buffer of the reached network: pieces line-merged into chains, each chain buffered (round
/// caps and joins, quadrant_segments per quarter circle), then one unary union. Holes are kept.
GeomPtr buffer_reach(const GeosContext& ctx, const GEOSGeometry* lines, double buffer_m,
                     int quadrant_segments);

/// The naive method, for comparison: buffer each line on its own, then one unary union.
GeomPtr buffer_reach_naive(const GeosContext& ctx, const GEOSGeometry* lines, double buffer_m,
                           int quadrant_segments);

/// a minus b (rings between two bands).
GeomPtr difference(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);

/// Convex hull, when a planner asks for one.
GeomPtr convex_hull(const GeosContext& ctx, const GEOSGeometry* g);

/// Topology-preserving simplification (tolerance in metres).
GeomPtr simplify(const GeosContext& ctx, const GEOSGeometry* g, double tolerance_m);

}  // namespace planner
