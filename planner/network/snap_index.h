// Snapping points to the nearest position on the walking network, with a GEOS STRtree over the
// network's segments (built once, queried many times).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/geos/geos_handle.h"
#include "planner/network/edge_set.h"

namespace planner {

/// A point attached to the network: where on which edge, and how far it walks to get there.
struct EdgePosition {
  EdgeId edge = invalid_id;
  double offset_m = 0.0;  ///< model length from the edge's tail vertex to the snap point
  double leg_m = 0.0;     ///< straight distance from the point to the snap point (access leg)
  XY on_edge;             ///< the snap point
};

/// Not thread-safe (GEOS context and lazily built tree): use one per thread.
class SnapIndex {
 public:
  /// `edges` must outlive the index. `on_island` (empty, or one flag per edge: 1 for an edge on
  /// a small island, planner/network/islands.h) makes those edges a fallback: a point snaps to
  /// them only when no other edge is within reach.
  explicit SnapIndex(const EdgeSet& edges, std::span<const std::uint8_t> on_island = {});

  /// The nearest edge position within max_leg_m (off the small islands while one is in reach),
  /// or nullopt when no edge is that close. Ties go to the segment GEOS meets first, which is the
  /// same from run to run.
  std::optional<EdgePosition> snap(XY point, double max_leg_m) const;

 private:
  std::optional<EdgePosition> nearest(GEOSSTRtree* tree, XY point, double max_leg_m) const;

  const EdgeSet* m_edges;
  GeosContext m_ctx;
  TreePtr m_tree;         ///< segments of edges off the small islands
  TreePtr m_island_tree;  ///< segments of edges on them
  bool m_has_main = false, m_has_island = false;
  std::vector<std::uint32_t> m_segment_start;  ///< point index where segment s starts
  std::vector<EdgeId> m_segment_edge;
};

/// Closest point to p on segment a-b, as the fraction along it (0..1).
double closest_fraction(XY p, XY a, XY b);

}  // namespace planner
