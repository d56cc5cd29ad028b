#include "planner/network/snap_index.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "planner/geos/geos_convert.h"

namespace planner {
namespace {

// Tree items are segment indices stored in the pointer itself (index + 1, so none is null);
// the query item is this tag, so the callback can tell the two apart whatever their order.
const char query_tag = 0;

void* encode(std::uint32_t segment) {
  return reinterpret_cast<void*>(static_cast<std::uintptr_t>(segment) + 1);
}
std::uint32_t decode(const void* item) {
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item) - 1);
}

struct Query {
  XY point;
  const std::vector<XY>* points;
  const std::vector<std::uint32_t>* segment_start;
};

double segment_distance(XY p, XY a, XY b) {
  const double f = closest_fraction(p, a, b);
  return std::hypot(p.x - (a.x + f * (b.x - a.x)), p.y - (a.y + f * (b.y - a.y)));
}

int distance_callback(const void* item1, const void* item2, double* distance, void* userdata) {
  const auto* q = static_cast<const Query*>(userdata);
  const void* tree_item = (item1 == &query_tag) ? item2 : item1;
  const std::uint32_t p = (*q->segment_start)[decode(tree_item)];
  *distance = segment_distance(q->point, (*q->points)[p], (*q->points)[p + 1]);
  return 1;
}

}  // namespace

double closest_fraction(XY p, XY a, XY b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  if (len2 == 0.0) return 0.0;
  return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
}

SnapIndex::SnapIndex(const EdgeSet& edges, std::span<const std::uint8_t> on_island)
    : m_edges(&edges), m_tree(make_tree(m_ctx)), m_island_tree(make_tree(m_ctx)) {
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    for (std::uint32_t p = edges.first_point[e]; p + 1 < edges.first_point[e + 1]; ++p) {
      m_segment_start.push_back(p);
      m_segment_edge.push_back(e);
    }
  }
  for (std::uint32_t s = 0; s < m_segment_start.size(); ++s) {
    const XY a = edges.points[m_segment_start[s]];
    const XY b = edges.points[m_segment_start[s] + 1];
    const EdgeId e = m_segment_edge[s];
    const bool island = !on_island.empty() && on_island[e] != 0;
    (island ? m_has_island : m_has_main) = true;
    // The tree copies the envelope on insert, so the box geometry can go right away.
    GeomPtr box =
        own(m_ctx,
            GEOSGeom_createRectangle_r(m_ctx.get(), std::min(a.x, b.x), std::min(a.y, b.y),
                                       std::max(a.x, b.x), std::max(a.y, b.y)),
            "segment envelope");
    GEOSSTRtree_insert_r(m_ctx.get(), (island ? m_island_tree : m_tree).get(), box.get(),
                         encode(s));
  }
}

std::optional<EdgePosition> SnapIndex::snap(XY point, double max_leg_m) const {
  if (m_has_main) {
    if (auto pos = nearest(m_tree.get(), point, max_leg_m)) return pos;
  }
  if (m_has_island) return nearest(m_island_tree.get(), point, max_leg_m);
  return std::nullopt;
}

std::optional<EdgePosition> SnapIndex::nearest(GEOSSTRtree* tree, XY point,
                                               double max_leg_m) const {
  Query query{point, &m_edges->points, &m_segment_start};
  GeomPtr envelope = to_geos(m_ctx, point);
  const void* found = GEOSSTRtree_nearest_generic_r(m_ctx.get(), tree, &query_tag, envelope.get(),
                                                    &distance_callback, &query);
  if (!found) {
    throw std::runtime_error(std::string("GEOS nearest segment failed: ") + m_ctx.last_error());
  }
  const std::uint32_t s = decode(found);
  const std::uint32_t p = m_segment_start[s];
  const XY a = m_edges->points[p];
  const XY b = m_edges->points[p + 1];
  const double f = closest_fraction(point, a, b);
  EdgePosition pos;
  pos.edge = m_segment_edge[s];
  pos.on_edge = {a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)};
  pos.leg_m = std::hypot(point.x - pos.on_edge.x, point.y - pos.on_edge.y);
  if (pos.leg_m > max_leg_m) return std::nullopt;
  pos.offset_m = m_edges->cum_m[p] + f * (m_edges->cum_m[p + 1] - m_edges->cum_m[p]);
  return pos;
}

}  // namespace planner
