#include "planner/reach_polygon.h"

#include <algorithm>
#include <vector>

#include "planner/geos_convert.h"

namespace planner {

GeomPtr pieces_as_lines(const GeosContext& ctx, const EdgeSet& edges,
                        std::span<const ReachPiece> pieces, std::uint32_t max_band) {
  // One line per reached interval of an edge: pieces of one edge that touch (band cuts, the
  // switch from one end's reach to the other's) are merged first. Overlapping collinear input
  // sends GEOS's buffer into its slow reduced-precision fallback.
  struct Interval {
    EdgeId edge;
    double from_m, to_m;
  };
  std::vector<Interval> intervals;
  intervals.reserve(pieces.size());
  for (const ReachPiece& p : pieces) {
    if (p.band <= max_band)
      intervals.push_back({p.edge, std::min(p.from_m, p.to_m), std::max(p.from_m, p.to_m)});
  }
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.from_m < b.from_m;
  });
  std::vector<GEOSGeometry*> lines;
  for (std::size_t i = 0; i < intervals.size();) {
    Interval merged = intervals[i++];
    while (i < intervals.size() && intervals[i].edge == merged.edge &&
           intervals[i].from_m <= merged.to_m + 1e-9) {
      merged.to_m = std::max(merged.to_m, intervals[i++].to_m);
    }
    LineString line = edge_sub_line(edges, merged.edge, merged.from_m, merged.to_m);
    line.erase(std::unique(line.begin(), line.end()), line.end());
    if (line.size() < 2) continue;
    lines.push_back(to_geos(ctx, line).release());
  }
  return own(ctx,
             GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTILINESTRING, lines.data(),
                                         static_cast<unsigned>(lines.size())),
             "multilinestring");
}

GeomPtr buffer_reach(const GeosContext& ctx, const GEOSGeometry* lines, double buffer_m,
                     int quadrant_segments) {
  GeomPtr merged = own(ctx, GEOSLineMerge_r(ctx.get(), lines), "line merge");
  return buffer_reach_naive(ctx, merged.get(), buffer_m, quadrant_segments);
}

GeomPtr buffer_reach_naive(const GeosContext& ctx, const GEOSGeometry* lines, double buffer_m,
                           int quadrant_segments) {
  const int n = GEOSGetNumGeometries_r(ctx.get(), lines);
  std::vector<GEOSGeometry*> parts;
  parts.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    parts.push_back(own(ctx,
                        GEOSBuffer_r(ctx.get(), GEOSGetGeometryN_r(ctx.get(), lines, i), buffer_m,
                                     quadrant_segments),
                        "buffer")
                        .release());
  }
  GeomPtr all = own(ctx,
                    GEOSGeom_createCollection_r(ctx.get(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                static_cast<unsigned>(parts.size())),
                    "collection");
  return own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "unary union");
}

GeomPtr difference(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
  return own(ctx, GEOSDifference_r(ctx.get(), a, b), "difference");
}

GeomPtr convex_hull(const GeosContext& ctx, const GEOSGeometry* g) {
  return own(ctx, GEOSConvexHull_r(ctx.get(), g), "convex hull");
}

GeomPtr simplify(const GeosContext& ctx, const GEOSGeometry* g, double tolerance_m) {
  return own(ctx, GEOSTopologyPreserveSimplify_r(ctx.get(), g, tolerance_m), "simplify");
}

}  // namespace planner
