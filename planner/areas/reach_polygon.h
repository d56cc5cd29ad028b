// Polygons from reached network pieces. FacePolygonBuilder is what service areas use: it
// builds the polygon from the network's precomputed faces, so only the frontier of the reach
// needs buffers and overlay. buffer_reach (pieces line-merged into chains, each buffered, one
// unary union) and buffer_reach_naive (every piece buffered, one unary union: the baseline the
// benchmark compares against) stay for comparison. One GEOS buffer of the whole multi-line of
// pieces is slower still with GEOS 3.11 (overlapping caps at every junction to node); joined
// into chains through junctions first (merge_chains) it is what the frontier uses.
#pragma once

#include <span>
#include <vector>

#include "planner/areas/network_faces.h"
#include "planner/areas/reach_pieces.h"
#include "planner/geos/geos_handle.h"
#include "planner/network/edge_set.h"

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

/// Buffer of the reached network built from the network's faces (see network_faces.h), the
/// same area as buffer_reach_naive up to where the arcs put their vertices:
///   1. a face is full when every stretch of its boundary and every edge inside it is wholly
///      reached; the full faces are coverage-unioned (exact shared boundaries, no overlay) and
///      that region is buffered once: this covers every edge on or inside it;
///   2. every other reached piece (the frontier: pieces at the cutoff, dangles and edges of
///      faces that are not full) is joined into chains passing straight through junctions
///      (merge_chains, chain_merge.h) and the chains are buffered in one GEOS call;
///   3. one binary union of the region buffer and the frontier buffer;
///   4. each full face's precomputed hole (the part farther than the buffer from its edges)
///      is put back as an interior ring: no overlay needed, it lies strictly inside the face.
/// Keeps per-edge and per-face marks between calls: one per thread.
class FacePolygonBuilder {
 public:
  FacePolygonBuilder(const NetworkFaces& faces, const EdgeSet& edges);

  /// The polygon of the pieces with band <= max_band (Polygon or MultiPolygon; empty
  /// collection when nothing is reached).
  GeomPtr build(const GeosContext& ctx, std::span<const ReachPiece> pieces, std::uint32_t max_band);

  /// Where the time goes (thread CPU seconds and counts, summed over calls), for the benchmark.
  struct Timings {
    double classify_s = 0.0, region_s = 0.0, frontier_s = 0.0, union_s = 0.0, holes_s = 0.0;
    std::size_t pieces = 0, frontier_pieces = 0, full_faces = 0;
  };
  Timings timings;

 private:
  bool face_full(std::uint32_t f) const;
  void check_face(std::uint32_t f, std::vector<std::uint32_t>& full_faces);
  /// The edge is wholly reached and lies on the boundary of, or inside, a full face.
  bool covered(EdgeId e) const;

  const NetworkFaces* m_faces;
  const EdgeSet* m_edges;
  std::uint32_t m_stamp = 0;
  std::vector<std::uint32_t> m_edge_full;     ///< == m_stamp: edge wholly reached this call
  std::vector<std::uint32_t> m_face_checked;  ///< == m_stamp: m_face_is_full is current
  std::vector<std::uint8_t> m_face_is_full;
};

/// a minus b (rings between two bands), by GEOS's snap-rounding overlay on a grid of grid_m
/// metres: the result's vertices are rounded to the grid, so it meets b to within grid_m. Why:
/// a and b share long stretches of nearly equal boundary, on which the floating-point overlay
/// fails and GEOS retries with snapping; Malta's 500 centers dissolved, one ring: 7.9 s that way,
/// 1.8 s on a 1 mm grid (docs/performance.md).
GeomPtr difference(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b,
                   double grid_m);

/// Convex hull, when a planner asks for one.
GeomPtr convex_hull(const GeosContext& ctx, const GEOSGeometry* g);

/// Topology-preserving simplification (tolerance in metres).
GeomPtr simplify(const GeosContext& ctx, const GEOSGeometry* g, double tolerance_m);

}  // namespace planner
