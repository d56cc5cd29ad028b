#include "planner/siting/candidates.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "planner/geos/geos_convert.h"
#include "planner/search/access_time.h"

namespace planner {
namespace {

// "v<vertex id>", appended rather than "v" + std::string&&, which GCC 12 misreports as
// -Wrestrict (bug 105651).
std::string vertex_candidate_id(std::int64_t vertex) {
  std::string id = "v";
  id += std::to_string(vertex);
  return id;
}

/// Point-in-polygon against many polygons, prepared once, with a bounding-box pre-test.
class AllowedLand {
 public:
  explicit AllowedLand(const std::vector<MultiPolygon>& shapes) {
    for (const MultiPolygon& shape : shapes) {
      GeomPtr g = to_geos(m_ctx, shape);
      if (GEOSisValid_r(m_ctx.get(), g.get()) != 1) {
        g = own(m_ctx, GEOSMakeValid_r(m_ctx.get(), g.get()), "make valid");
      }
      Box box;
      for (const Polygon& p : shape) {
        for (const XY& q : p.outer) box.add(q);
      }
      m_prepared.push_back(prepare(m_ctx, g.get()));
      m_shapes.push_back(std::move(g));
      m_boxes.push_back(box);
    }
  }
  bool contains(XY p) const {
    GeomPtr point;
    for (std::size_t a = 0; a < m_shapes.size(); ++a) {
      if (!m_boxes[a].contains(p)) continue;
      if (!point) point = to_geos(m_ctx, p);
      if (GEOSPreparedIntersects_r(m_ctx.get(), m_prepared[a].get(), point.get()) == 1) return true;
    }
    return false;
  }

 private:
  GeosContext m_ctx;
  std::vector<GeomPtr> m_shapes;
  std::vector<PreparedPtr> m_prepared;
  std::vector<Box> m_boxes;
};

/// Keeps points no closer than spacing to an earlier kept point (a hash grid of cell = spacing).
class Thinning {
 public:
  explicit Thinning(double spacing) : m_spacing(spacing) {}
  bool keep(XY p) {
    if (m_spacing <= 0.0) return true;
    const long cx = static_cast<long>(std::floor(p.x / m_spacing));
    const long cy = static_cast<long>(std::floor(p.y / m_spacing));
    for (long dx = -1; dx <= 1; ++dx) {
      for (long dy = -1; dy <= 1; ++dy) {
        const auto it = m_cells.find(key(cx + dx, cy + dy));
        if (it == m_cells.end()) continue;
        for (const XY& q : it->second) {
          if (std::hypot(p.x - q.x, p.y - q.y) < m_spacing) return false;
        }
      }
    }
    m_cells[key(cx, cy)].push_back(p);
    return true;
  }

 private:
  static std::int64_t key(long x, long y) {
    return (static_cast<std::int64_t>(x) << 32) ^ static_cast<std::int64_t>(y & 0xffffffffL);
  }
  double m_spacing;
  std::unordered_map<std::int64_t, std::vector<XY>> m_cells;
};

}  // namespace

std::vector<SiteCandidate> keep_allowed(std::vector<SiteCandidate> candidates,
                                        const std::vector<MultiPolygon>& allowed) {
  if (allowed.empty()) return candidates;
  const AllowedLand land(allowed);
  std::erase_if(candidates, [&](const SiteCandidate& c) { return !land.contains(c.pos); });
  return candidates;
}

std::vector<SiteCandidate> vertex_candidates(const Network& network,
                                             const std::vector<MultiPolygon>& allowed,
                                             double spacing_m) {
  std::unique_ptr<AllowedLand> land;
  if (!allowed.empty()) land = std::make_unique<AllowedLand>(allowed);
  Thinning thinning(spacing_m);
  std::vector<SiteCandidate> out;
  for (NodeId v = 0; v < network.edges.vertex_count(); ++v) {
    const XY p = network.edges.vertex_xy[v];
    if (land && !land->contains(p)) continue;
    if (!thinning.keep(p)) continue;
    out.push_back({vertex_candidate_id(network.edges.vertex_external_id[v]), p, 1.0, false});
  }
  return out;
}

std::vector<SiteCandidate> generate_candidates(const Network& network, const WalkTimes& walk,
                                               const std::vector<BlockSite>& sites,
                                               const std::vector<BlockCoverage>& base,
                                               std::span<const double> weights,
                                               const std::vector<MultiPolygon>& allowed,
                                               const CandidateGeneration& options) {
  // One search from every access point of every uncovered block: the vertices it settles
  // within the threshold are where a station would cover one of them (walks are symmetric).
  std::vector<SnappedSource> sources;
  for (std::uint32_t b = 0; b < sites.size(); ++b) {
    if (base[b].status != CoverStatus::uncovered || weights[b] <= 0.0) continue;
    for (const SnappedPoint& a : sites[b].access) {
      if (a.snap) sources.push_back({*a.snap, b});
    }
  }
  if (sources.empty()) return {};
  BoundedSearch search(*network.graph);
  add_sources(search.reset(), network.edges, sources, walk);
  search.run(walk.arc_s(), options.cover_s);
  std::vector<NodeId> order(search.settled().begin(), search.settled().end());
  std::sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    if (search.time_s(a) != search.time_s(b)) return search.time_s(a) < search.time_s(b);
    return a < b;
  });

  std::unique_ptr<AllowedLand> land;
  if (!allowed.empty()) land = std::make_unique<AllowedLand>(allowed);
  Thinning thinning(options.spacing_m);
  std::vector<SiteCandidate> out;
  for (NodeId v : order) {
    const XY p = network.edges.vertex_xy[v];
    if (land && !land->contains(p)) continue;
    if (!thinning.keep(p)) continue;
    out.push_back({vertex_candidate_id(network.edges.vertex_external_id[v]), p, 1.0, false});
  }
  return out;
}

}  // namespace planner
