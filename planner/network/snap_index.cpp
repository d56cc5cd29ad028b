#include "planner/network/snap_index.h"

#include <cstdint>

namespace planner {
namespace {

/// Cells about as wide as a city block's street spacing: a point's own cell and its eight
/// neighbours usually hold its nearest street, and few segments each. Chosen, not tuned: other
/// sizes were not measured (the answers do not depend on it, only the time).
constexpr double snap_cell_m = 50.0;

std::vector<std::uint8_t> flags_where(std::span<const std::uint8_t> on_island, std::size_t edges,
                                      bool island) {
  std::vector<std::uint8_t> use(edges, island ? 0 : 1);
  for (std::size_t e = 0; e < on_island.size() && e < edges; ++e)
    use[e] = (on_island[e] != 0) == island ? 1 : 0;
  return use;
}

}  // namespace

SnapIndex::SnapIndex(const EdgeSet& edges, std::span<const std::uint8_t> on_island)
    : m_edges(&edges),
      m_main(edges, flags_where(on_island, edges.edge_count(), false), snap_cell_m),
      m_island(edges, flags_where(on_island, edges.edge_count(), true), snap_cell_m) {}

std::optional<EdgePosition> SnapIndex::snap(XY point, double max_leg_m) const {
  if (auto found = m_main.nearest(point, max_leg_m)) return position(point, *found);
  if (auto found = m_island.nearest(point, max_leg_m)) return position(point, *found);
  return std::nullopt;
}

EdgePosition SnapIndex::position(XY point, const SegmentGrid::Nearest& found) const {
  const std::uint32_t p = found.point;
  const XY a = m_edges->points[p];
  const XY b = m_edges->points[p + 1];
  const double f = closest_fraction(point, a, b);
  EdgePosition pos;
  pos.edge = found.edge;
  pos.on_edge = closest_point(point, a, b);
  pos.leg_m = found.distance;  // segment_distance: the same point, the same hypot
  pos.offset_m = m_edges->cum_m[p] + f * (m_edges->cum_m[p + 1] - m_edges->cum_m[p]);
  return pos;
}

}  // namespace planner
