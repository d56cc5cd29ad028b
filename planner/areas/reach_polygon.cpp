#include "planner/areas/reach_polygon.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <utility>
#include <vector>

#include "planner/areas/chain_merge.h"
#include "planner/geos/geos_convert.h"

namespace planner {

namespace {

/// One reached interval of an edge: pieces of one edge that touch (band cuts, the switch from
/// one end's reach to the other's) merged. Overlapping collinear input sends GEOS's buffer into
/// its slow reduced-precision fallback.
struct Interval {
  EdgeId edge;
  double from_m, to_m;
};

std::vector<Interval> reached_intervals(std::span<const ReachPiece> pieces,
                                        std::uint32_t max_band) {
  std::vector<Interval> intervals;
  intervals.reserve(pieces.size());
  for (const ReachPiece& p : pieces) {
    if (p.band <= max_band)
      intervals.push_back({p.edge, std::min(p.from_m, p.to_m), std::max(p.from_m, p.to_m)});
  }
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.from_m < b.from_m;
  });
  std::vector<Interval> merged;
  for (std::size_t i = 0; i < intervals.size();) {
    Interval m = intervals[i++];
    while (i < intervals.size() && intervals[i].edge == m.edge &&
           intervals[i].from_m <= m.to_m + 1e-9) {
      m.to_m = std::max(m.to_m, intervals[i++].to_m);
    }
    merged.push_back(m);
  }
  return merged;
}

/// The interval's line without repeated points (fewer than two points: no length).
LineString interval_points(const EdgeSet& edges, const Interval& in) {
  LineString line = edge_sub_line(edges, in.edge, in.from_m, in.to_m);
  line.erase(std::unique(line.begin(), line.end()), line.end());
  return line;
}

}  // namespace

GeomPtr pieces_as_lines(const GeosContext& ctx, const EdgeSet& edges,
                        std::span<const ReachPiece> pieces, std::uint32_t max_band) {
  std::vector<GeomPtr> lines;
  for (const Interval& in : reached_intervals(pieces, max_band)) {
    LineString line = interval_points(edges, in);
    if (line.size() >= 2) lines.push_back(to_geos(ctx, line));
  }
  return make_collection(ctx, GEOS_MULTILINESTRING, std::move(lines));
}

FacePolygonBuilder::FacePolygonBuilder(const NetworkFaces& faces, const EdgeSet& edges)
    : m_faces(&faces),
      m_edges(&edges),
      m_edge_full(edges.edge_count(), 0),
      m_face_checked(faces.face_count(), 0),
      m_face_is_full(faces.face_count(), 0) {}

bool FacePolygonBuilder::face_full(std::uint32_t f) const {
  const NetworkFaces& nf = *m_faces;
  for (std::uint32_t s = nf.first_stretch[f]; s < nf.first_stretch[f + 1]; ++s) {
    bool covered = false;
    for (std::uint32_t k = nf.first_stretch_edge[s]; k < nf.first_stretch_edge[s + 1] && !covered;
         ++k) {
      covered = m_edge_full[nf.stretch_edges[k]] == m_stamp;
    }
    if (!covered) return false;
  }
  for (EdgeId e : nf.interior_of(f)) {
    if (m_edge_full[e] != m_stamp) return false;
  }
  return true;
}

void FacePolygonBuilder::check_face(std::uint32_t f, std::vector<std::uint32_t>& full_faces) {
  if (m_face_checked[f] == m_stamp) return;
  m_face_checked[f] = m_stamp;
  m_face_is_full[f] = face_full(f);
  if (m_face_is_full[f]) full_faces.push_back(f);
}

bool FacePolygonBuilder::covered(EdgeId e) const {
  if (m_edge_full[e] != m_stamp) return false;
  const NetworkFaces& nf = *m_faces;
  if (nf.inside_face[e] != invalid_id && m_face_is_full[nf.inside_face[e]]) return true;
  for (std::uint32_t k = nf.first_edge_face[e]; k < nf.first_edge_face[e + 1]; ++k) {
    if (nf.on_ring[k] && m_face_is_full[nf.edge_faces[k]]) return true;
  }
  return false;
}

namespace {

/// u (Polygon or MultiPolygon) with the holes of the given faces cut out as interior rings.
/// Each hole lies strictly inside a face that u covers, so it only has to be put into the
/// polygon of u holding it; a hole's own interior rings (around loose edges inside the face)
/// become islands.
GeomPtr cut_holes(const GeosContext& ctx, GeomPtr u, const std::vector<const Polygon*>& holes) {
  if (holes.empty()) return u;
  GEOSContextHandle_t h = ctx.get();
  std::vector<const GEOSGeometry*> parts;
  if (GEOSGeomTypeId_r(h, u.get()) == GEOS_POLYGON) {
    parts.push_back(u.get());
  } else {
    for (int i = 0; i < GEOSGetNumGeometries_r(h, u.get()); ++i)
      parts.push_back(GEOSGetGeometryN_r(h, u.get(), i));
  }
  std::vector<std::vector<GeomPtr>> rings(parts.size());
  std::vector<GeomPtr> islands;
  std::vector<GeomPtr> shells;
  std::vector<PreparedPtr> prepared;
  if (parts.size() > 1) {
    for (const GEOSGeometry* part : parts) {
      shells.push_back(make_polygon(ctx, clone(ctx, GEOSGetExteriorRing_r(h, part)), {}, "shell"));
      prepared.push_back(prepare(ctx, shells.back().get()));
    }
  }
  for (const Polygon* hole : holes) {
    std::size_t target = 0;
    if (parts.size() > 1) {
      GeomPtr probe = to_geos(ctx, hole->outer.front());
      while (target + 1 < parts.size() &&
             GEOSPreparedContains_r(h, prepared[target].get(), probe.get()) != 1) {
        ++target;
      }
    }
    rings[target].push_back(to_geos_ring(ctx, hole->outer));
    for (const Ring& island : hole->holes)
      islands.push_back(make_polygon(ctx, to_geos_ring(ctx, island), {}, "island"));
  }
  std::vector<GeomPtr> polygons;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::vector<GeomPtr> interior;
    for (int k = 0; k < GEOSGetNumInteriorRings_r(h, parts[i]); ++k)
      interior.push_back(clone(ctx, GEOSGetInteriorRingN_r(h, parts[i], k)));
    for (GeomPtr& ring : rings[i]) interior.push_back(std::move(ring));
    polygons.push_back(make_polygon(ctx, clone(ctx, GEOSGetExteriorRing_r(h, parts[i])),
                                    std::move(interior), "polygon"));
  }
  for (GeomPtr& island : islands) polygons.push_back(std::move(island));
  return make_collection(ctx, GEOS_MULTIPOLYGON, std::move(polygons));
}

/// CPU seconds of this thread (the benchmark's breakdown; wall time is shared with others).
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

/// The region of full faces (exact coverage union), grown by the buffer: that is the buffer of
/// every edge on or inside it, holes aside. Null without full faces; their holes are appended.
GeomPtr full_region_buffer(const GeosContext& ctx, const NetworkFaces& nf,
                           const std::vector<std::uint32_t>& full_faces,
                           std::vector<const Polygon*>& holes) {
  if (full_faces.empty()) return GeomPtr(nullptr, GeomDeleter{ctx.get()});
  std::vector<GeomPtr> faces;
  for (std::uint32_t f : full_faces) {
    for (const Polygon& p : nf.faces[f]) faces.push_back(to_geos_polygon(ctx, p));
    for (const Polygon& p : nf.holes[f]) holes.push_back(&p);
  }
  GeomPtr all = make_collection(ctx, GEOS_MULTIPOLYGON, std::move(faces));
  GeomPtr region(GEOSCoverageUnion_r(ctx.get(), all.get()), GeomDeleter{ctx.get()});
  if (!region)  // not an exact coverage after all
    region = own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "face union");
  return own(ctx, GEOSBuffer_r(ctx.get(), region.get(), nf.buffer_m, nf.quadrant_segments),
             "region buffer");
}

/// The frontier's buffer: its pieces joined into chains that pass straight through junctions
/// (merge_chains: one cap per odd end instead of one overlapping cap per piece end, so far
/// fewer arcs to node), then one GEOS buffer of them all. Chunking the frontier into spatial
/// cells, one buffer each, makes the buffers cheaper but leaves a unary union of many
/// overlapping parts, which costs more than it saves (Malta, 500 centers: 300 m cells about
/// 1.6 s of buffers + 3.2 s of union, one buffer about 2.2 s + 1.0 s of binary union). Null
/// when no piece has length.
GeomPtr frontier_buffer(const GeosContext& ctx, const NetworkFaces& nf, const EdgeSet& edges,
                        const std::vector<const Interval*>& frontier) {
  std::vector<LineString> lines;
  lines.reserve(frontier.size());
  for (const Interval* in : frontier) {
    LineString line = interval_points(edges, *in);
    if (line.size() >= 2) lines.push_back(std::move(line));
  }
  std::vector<GeomPtr> chains;
  for (const LineString& chain : merge_chains(lines)) chains.push_back(to_geos(ctx, chain));
  if (chains.empty()) return GeomPtr(nullptr, GeomDeleter{ctx.get()});
  GeomPtr multi = make_collection(ctx, GEOS_MULTILINESTRING, std::move(chains));
  return own(ctx, GEOSBuffer_r(ctx.get(), multi.get(), nf.buffer_m, nf.quadrant_segments),
             "frontier buffer");
}

/// One binary overlay of the two (a unary union would split both into their polygons and
/// cascade over them); an empty collection when both are null.
GeomPtr union_of(const GeosContext& ctx, GeomPtr a, GeomPtr b) {
  if (a && b) return own(ctx, GEOSUnion_r(ctx.get(), a.get(), b.get()), "union");
  if (a || b) return a ? std::move(a) : std::move(b);
  return make_collection(ctx, GEOS_GEOMETRYCOLLECTION, {});
}

}  // namespace

GeomPtr FacePolygonBuilder::build(const GeosContext& ctx, std::span<const ReachPiece> pieces,
                                  std::uint32_t max_band) {
  const NetworkFaces& nf = *m_faces;
  const EdgeSet& edges = *m_edges;
  double t0 = thread_seconds();
  if (++m_stamp == 0) {  // wrapped: wipe once every 2^32 calls
    std::fill(m_edge_full.begin(), m_edge_full.end(), 0);
    std::fill(m_face_checked.begin(), m_face_checked.end(), 0);
    m_stamp = 1;
  }
  const std::vector<Interval> intervals = reached_intervals(pieces, max_band);
  // Built for another network (or not at all): no face is full, everything is frontier.
  const bool have_faces = nf.first_edge_face.size() == edges.edge_count() + 1 &&
                          nf.inside_face.size() == edges.edge_count();
  for (const Interval& in : intervals) {
    if (have_faces && in.from_m <= 1e-6 && in.to_m >= edges.edge_length_m[in.edge] - 1e-6)
      m_edge_full[in.edge] = m_stamp;
  }
  // Full faces: every boundary stretch and every edge inside wholly reached. Only faces next
  // to a wholly reached edge can be.
  std::vector<std::uint32_t> full_faces;
  for (const Interval& in : intervals) {
    if (m_edge_full[in.edge] != m_stamp) continue;
    for (std::uint32_t f : nf.faces_of(in.edge)) check_face(f, full_faces);
    if (nf.inside_face[in.edge] != invalid_id) check_face(nf.inside_face[in.edge], full_faces);
  }
  std::sort(full_faces.begin(), full_faces.end());
  // The frontier: pieces not on the boundary of, nor inside, a full face.
  std::vector<const Interval*> frontier;
  for (const Interval& in : intervals) {
    if (!covered(in.edge)) frontier.push_back(&in);
  }
  timings.classify_s += thread_seconds() - t0;
  timings.full_faces += full_faces.size();
  timings.frontier_pieces += frontier.size();
  timings.pieces += intervals.size();

  t0 = thread_seconds();
  std::vector<const Polygon*> holes;
  GeomPtr region = full_region_buffer(ctx, nf, full_faces, holes);
  timings.region_s += thread_seconds() - t0;
  t0 = thread_seconds();
  GeomPtr front = frontier.empty() ? GeomPtr(nullptr, GeomDeleter{ctx.get()})
                                   : frontier_buffer(ctx, nf, edges, frontier);
  timings.frontier_s += thread_seconds() - t0;
  t0 = thread_seconds();
  GeomPtr result = union_of(ctx, std::move(region), std::move(front));
  timings.union_s += thread_seconds() - t0;
  t0 = thread_seconds();
  result = cut_holes(ctx, std::move(result), holes);
  timings.holes_s += thread_seconds() - t0;
  return result;
}

GeomPtr buffer_reach(const GeosContext& ctx, const GEOSGeometry* lines, double buffer_m,
                     int quadrant_segments) {
  GeomPtr merged = own(ctx, GEOSLineMerge_r(ctx.get(), lines), "line merge");
  return buffer_reach_naive(ctx, merged.get(), buffer_m, quadrant_segments);
}

GeomPtr buffer_reach_naive(const GeosContext& ctx, const GEOSGeometry* lines, double buffer_m,
                           int quadrant_segments) {
  const int n = GEOSGetNumGeometries_r(ctx.get(), lines);
  std::vector<GeomPtr> parts;
  parts.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    parts.push_back(own(ctx,
                        GEOSBuffer_r(ctx.get(), GEOSGetGeometryN_r(ctx.get(), lines, i), buffer_m,
                                     quadrant_segments),
                        "buffer"));
  }
  GeomPtr all = make_collection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
  return own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "unary union");
}

GeomPtr difference(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b,
                   double grid_m) {
  return own(ctx, GEOSDifferencePrec_r(ctx.get(), a, b, grid_m), "difference");
}

GeomPtr convex_hull(const GeosContext& ctx, const GEOSGeometry* g) {
  return own(ctx, GEOSConvexHull_r(ctx.get(), g), "convex hull");
}

GeomPtr simplify(const GeosContext& ctx, const GEOSGeometry* g, double tolerance_m) {
  return own(ctx, GEOSTopologyPreserveSimplify_r(ctx.get(), g, tolerance_m), "simplify");
}

}  // namespace planner
