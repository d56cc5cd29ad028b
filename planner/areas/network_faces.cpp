#include "planner/areas/network_faces.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <utility>

#include "planner/areas/chain_merge.h"
#include "planner/areas/face_locator.h"
#include "planner/geos/geos_convert.h"
#include "planner/geos/geos_handle.h"
#include "planner/network/segment_grid.h"
#include "planner/parallel.h"

namespace planner {
namespace {

/// How far a face's boundary segment (or a noded segment) may lie from the edge it came from.
constexpr double face_tol_m = 1e-4;

double planar_length(const EdgeSet& edges, EdgeId e) {
  double len = 0.0;
  for (std::uint32_t p = edges.first_point[e]; p + 1 < edges.first_point[e + 1]; ++p) {
    len += std::hypot(edges.points[p + 1].x - edges.points[p].x,
                      edges.points[p + 1].y - edges.points[p].y);
  }
  return len;
}

/// The noded network (each line split wherever it meets another) and its faces.
struct Polygonized {
  std::vector<LineString> noded;
  std::vector<MultiPolygon> faces;
};

Polygonized polygonize_network(const GeosContext& ctx, const EdgeSet& edges,
                               std::span<const std::uint8_t> use) {
  std::vector<GeomPtr> lines;
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    if (!use.empty() && !use[e]) continue;
    LineString line(edges.points.begin() + edges.first_point[e],
                    edges.points.begin() + edges.first_point[e + 1]);
    line.erase(std::unique(line.begin(), line.end()), line.end());
    if (line.size() >= 2) lines.push_back(to_geos(ctx, line));
  }
  GeomPtr all = make_collection(ctx, GEOS_MULTILINESTRING, std::move(lines), "network lines");
  GeomPtr noded = own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "network noding");
  Polygonized out;
  const int lines_n = GEOSGetNumGeometries_r(ctx.get(), noded.get());
  for (int i = 0; i < lines_n; ++i) {
    const GEOSCoordSequence* seq =
        GEOSGeom_getCoordSeq_r(ctx.get(), GEOSGetGeometryN_r(ctx.get(), noded.get(), i));
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.get(), seq, &n);
    LineString line(n);
    if (n > 0)
      GEOSCoordSeq_copyToBuffer_r(ctx.get(), seq, reinterpret_cast<double*>(line.data()), 0, 0);
    out.noded.push_back(std::move(line));
  }
  const GEOSGeometry* input[] = {noded.get()};
  GeomPtr faces = own(ctx, GEOSPolygonize_r(ctx.get(), input, 1), "polygonize");
  const int n = GEOSGetNumGeometries_r(ctx.get(), faces.get());
  out.faces.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    MultiPolygon face = multipolygon_from_geos(ctx, GEOSGetGeometryN_r(ctx.get(), faces.get(), i));
    if (!face.empty()) out.faces.push_back(std::move(face));
  }
  return out;
}

/// CSR from (key, value) pairs: sorted, deduplicated, keys in [0, keys).
template <typename T>
void to_csr(std::vector<std::pair<std::uint32_t, T>>& pairs, std::size_t keys,
            std::vector<std::uint32_t>& first, std::vector<T>& values) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  first.assign(keys + 1, 0);
  for (const auto& kv : pairs) ++first[kv.first + 1];
  for (std::size_t k = 0; k < keys; ++k) first[k + 1] += first[k];
  values.clear();
  values.reserve(pairs.size());
  for (const auto& kv : pairs) values.push_back(kv.second);
}

/// True when no point of the face can lie farther than (about) `buffer_m` from its boundary, so
/// its hole is empty: in every part, a disk of that radius is wider than the bounding box or
/// larger than the area. Most faces are such narrow blocks: this saves their two GEOS calls.
/// The margin allows for GEOS's chords at reflex corners, which bring the inward offset curve
/// up to buffer_m * (1 - cos(pi / 32)) closer to the boundary.
bool cannot_hold_hole(const MultiPolygon& face, double buffer_m) {
  const double r = buffer_m * 0.99;
  for (const Polygon& poly : face) {
    Box box;
    double twice_area = 0.0;
    for (std::size_t i = 0; i + 1 < poly.outer.size(); ++i) {
      const XY a = poly.outer[i], b = poly.outer[i + 1];
      box.add(a);
      twice_area += a.x * b.y - b.x * a.y;
    }
    const double area = std::abs(twice_area) / 2.0;  // holes only make it smaller
    if (std::min(box.max_x - box.min_x, box.max_y - box.min_y) >= 2.0 * r &&
        area >= std::numbers::pi * r * r)
      return false;
  }
  return true;
}

/// Ring segments of a face (per edge it lies on), to tell which edges lie wholly on its ring.
struct OnRing {
  EdgeId edge;
  std::uint32_t face;
  double len;
};

/// One face's part of find_stretches: its stretches (each the edges it lies on) and its
/// (edge, face, segment length) records.
struct FaceStretches {
  std::vector<std::uint32_t> stretch_sizes;
  std::vector<EdgeId> stretch_edges;
  std::vector<OnRing> on_ring;
};

/// Boundary stretches: each ring segment of each face, mapped to the edges it lies on by its
/// midpoint (noding only splits segments, so a midpoint lies on its source segments). Fills
/// out's stretch arrays; returns every (edge, face, segment length). Faces in parallel, each
/// into its own slot, joined in face order: the same arrays for any thread count.
std::vector<OnRing> find_stretches(const SegmentGrid& grid, unsigned threads, NetworkFaces& out) {
  const std::vector<MultiPolygon>& faces = out.faces;
  std::vector<FaceStretches> per_face(faces.size());
  parallel_for(
      faces.size(), threads, [] { return std::make_unique<std::vector<EdgeId>>(); },
      [&](std::unique_ptr<std::vector<EdgeId>>& found_ptr, std::size_t fi) {
        const auto f = static_cast<std::uint32_t>(fi);
        std::vector<EdgeId>& found = *found_ptr;
        FaceStretches& mine = per_face[f];
        std::vector<EdgeId> previous;
        for (const Polygon& poly : faces[f]) {
          std::vector<const Ring*> rings{&poly.outer};
          for (const Ring& h : poly.holes) rings.push_back(&h);
          for (const Ring* ring : rings) {
            previous.clear();
            for (std::size_t k = 0; k + 1 < ring->size(); ++k) {
              const XY a = (*ring)[k], b = (*ring)[k + 1];
              grid.distinct_edges_near({(a.x + b.x) / 2.0, (a.y + b.y) / 2.0}, face_tol_m, found);
              const double len = std::hypot(b.x - a.x, b.y - a.y);
              for (EdgeId e : found) mine.on_ring.push_back({e, f, len});
              if (found == previous && !found.empty()) continue;  // same stretch goes on
              mine.stretch_edges.insert(mine.stretch_edges.end(), found.begin(), found.end());
              mine.stretch_sizes.push_back(static_cast<std::uint32_t>(found.size()));
              previous = found;
            }
          }
        }
      });
  std::vector<OnRing> on_ring;
  out.first_stretch.push_back(0);
  out.first_stretch_edge.push_back(0);
  for (FaceStretches& mine : per_face) {
    for (std::uint32_t size : mine.stretch_sizes)
      out.first_stretch_edge.push_back(out.first_stretch_edge.back() + size);
    out.stretch_edges.insert(out.stretch_edges.end(), mine.stretch_edges.begin(),
                             mine.stretch_edges.end());
    on_ring.insert(on_ring.end(), mine.on_ring.begin(), mine.on_ring.end());
    out.first_stretch.push_back(static_cast<std::uint32_t>(out.first_stretch_edge.size() - 1));
    mine = {};
  }
  return on_ring;
}

/// The faces of each edge, and whether it lies wholly on each: its ring length on that face
/// adds up to the edge's length.
void map_edge_faces(std::size_t edge_count, std::vector<OnRing> on_ring,
                    const std::vector<double>& edge_len, NetworkFaces& out) {
  std::sort(on_ring.begin(), on_ring.end(), [](const OnRing& a, const OnRing& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.face < b.face;
  });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edge_face;
  for (std::size_t i = 0; i < on_ring.size();) {
    double len = 0.0;
    std::size_t j = i;
    for (; j < on_ring.size() && on_ring[j].edge == on_ring[i].edge &&
           on_ring[j].face == on_ring[i].face;
         ++j) {
      len += on_ring[j].len;
    }
    const EdgeId e = on_ring[i].edge;
    edge_face.push_back({e, on_ring[i].face});
    out.on_ring.push_back(edge_len[e] > 0.0 && len >= edge_len[e] * (1.0 - 1e-9) - 1e-6);
    i = j;
  }
  to_csr(edge_face, edge_count, out.first_edge_face, out.edge_faces);
}

/// A noded segment lying inside a face, on an edge.
struct InsideSegment {
  std::uint32_t face;
  EdgeId edge;
  double len;
};

/// Edges inside faces: noded segments with the same face a hair to their left and right. Fills
/// out's interior arrays and inside_face (the one face an edge lies in wholly). The point
/// location runs on the threads in blocks of noded lines; the blocks are joined in line order,
/// so the per-edge length sums add up in the same order for any thread count.
void find_interior_edges(const std::vector<LineString>& noded, const SegmentGrid& grid,
                         const std::vector<double>& edge_len, unsigned threads, NetworkFaces& out) {
  const std::size_t edge_count = edge_len.size();
  const FaceLocator locate(out.faces, 200.0);
  constexpr double side_step_m = 1e-3;
  constexpr std::size_t block = 256;  // noded lines per work item
  std::vector<std::vector<InsideSegment>> per_block((noded.size() + block - 1) / block);
  parallel_for(
      per_block.size(), threads, [] { return std::make_unique<std::vector<EdgeId>>(); },
      [&](std::unique_ptr<std::vector<EdgeId>>& found_ptr, std::size_t bi) {
        std::vector<EdgeId>& found = *found_ptr;
        const std::size_t end = std::min(noded.size(), (bi + 1) * block);
        for (std::size_t li = bi * block; li < end; ++li) {
          const LineString& line = noded[li];
          for (std::size_t k = 0; k + 1 < line.size(); ++k) {
            const XY a = line[k], b = line[k + 1];
            const double len = std::hypot(b.x - a.x, b.y - a.y);
            if (len <= 0.0) continue;
            const XY m{(a.x + b.x) / 2.0, (a.y + b.y) / 2.0};
            const XY n{-(b.y - a.y) / len * side_step_m, (b.x - a.x) / len * side_step_m};
            const std::uint32_t left = locate.face_at({m.x + n.x, m.y + n.y});
            if (left == invalid_id || locate.face_at({m.x - n.x, m.y - n.y}) != left) continue;
            grid.distinct_edges_near(m, face_tol_m, found);
            for (EdgeId e : found) per_block[bi].push_back({left, e, len});
          }
        }
      });
  std::vector<double> inside_m(edge_count, 0.0);
  std::vector<std::pair<std::uint32_t, EdgeId>> face_interior;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edge_inside;
  for (const auto& segments : per_block) {
    for (const InsideSegment& s : segments) {
      face_interior.push_back({s.face, s.edge});
      edge_inside.push_back({s.edge, s.face});
      inside_m[s.edge] += s.len;
    }
  }
  to_csr(face_interior, out.faces.size(), out.first_interior, out.interior_edges);
  std::vector<std::uint32_t> first_inside, inside_faces;
  to_csr(edge_inside, edge_count, first_inside, inside_faces);

  out.inside_face.assign(edge_count, invalid_id);
  for (EdgeId e = 0; e < edge_count; ++e) {
    const double len = edge_len[e];
    const double whole = len * (1.0 - 1e-9) - 1e-6;
    if (len > 0.0 && inside_m[e] >= whole && first_inside[e + 1] - first_inside[e] == 1)
      out.inside_face[e] = inside_faces[first_inside[e]];
  }
}

/// One face's hole: its inward buffer less the buffer of the edges inside it.
MultiPolygon face_hole(const GeosContext& ctx, const EdgeSet& edges, const NetworkFaces& out,
                       std::uint32_t f, double buffer_m, int quadrant_segments) {
  GeomPtr face = to_geos(ctx, out.faces[f]);
  GeomPtr hole =
      own(ctx, GEOSBuffer_r(ctx.get(), face.get(), -buffer_m, quadrant_segments), "inward");
  if (GEOSisEmpty_r(ctx.get(), hole.get())) return {};
  const auto inside = out.interior_of(f);
  if (!inside.empty()) {
    // Joined into chains through junctions first: far fewer caps to node (chain_merge.h).
    std::vector<LineString> inside_lines;
    for (EdgeId e : inside) {
      LineString line(edges.points.begin() + edges.first_point[e],
                      edges.points.begin() + edges.first_point[e + 1]);
      line.erase(std::unique(line.begin(), line.end()), line.end());
      if (line.size() >= 2) inside_lines.push_back(std::move(line));
    }
    std::vector<GeomPtr> lines;
    for (const LineString& chain : merge_chains(inside_lines)) lines.push_back(to_geos(ctx, chain));
    GeomPtr multi = make_collection(ctx, GEOS_MULTILINESTRING, std::move(lines), "inside lines");
    GeomPtr covered =
        own(ctx, GEOSBuffer_r(ctx.get(), multi.get(), buffer_m, quadrant_segments), "buffer");
    hole = own(ctx, GEOSDifference_r(ctx.get(), hole.get(), covered.get()), "hole");
  }
  return multipolygon_from_geos(ctx, hole.get());
}

}  // namespace

NetworkFaces build_network_faces(const EdgeSet& edges, double buffer_m, int quadrant_segments,
                                 unsigned threads, std::span<const std::uint8_t> use) {
  NetworkFaces out;
  out.buffer_m = buffer_m;
  out.quadrant_segments = quadrant_segments;
  Polygonized net;
  {
    GeosContext ctx;
    net = polygonize_network(ctx, edges, use);
  }
  out.faces = std::move(net.faces);
  const SegmentGrid grid(edges, use, 100.0);
  threads = std::max(1u, threads);
  std::vector<OnRing> on_ring = find_stretches(grid, threads, out);
  std::vector<double> edge_len(edges.edge_count());
  for (EdgeId e = 0; e < edges.edge_count(); ++e) edge_len[e] = planar_length(edges, e);
  map_edge_faces(edges.edge_count(), std::move(on_ring), edge_len, out);
  find_interior_edges(net.noded, grid, edge_len, threads, out);

  // Holes, face by face, in parallel (each thread its own GEOS context).
  out.holes.resize(out.faces.size());
  parallel_for(
      out.faces.size(), threads, [] { return std::make_unique<GeosContext>(); },
      [&](std::unique_ptr<GeosContext>& ctx, std::size_t f) {
        if (cannot_hold_hole(out.faces[f], buffer_m)) return;
        out.holes[f] =
            face_hole(*ctx, edges, out, static_cast<std::uint32_t>(f), buffer_m, quadrant_segments);
      });
  return out;
}

}  // namespace planner
