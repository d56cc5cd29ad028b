// Snapping points to the nearest position on the walking network: the network's segments in a
// grid of cells (segment_grid.h), built once and then read by any number of threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/network/edge_set.h"
#include "planner/network/segment_grid.h"

namespace planner {

/// A point attached to the network: where on which edge, and how far it walks to get there.
struct EdgePosition {
  EdgeId edge = invalid_id;
  double offset_m = 0.0;  ///< model length from the edge's tail vertex to the snap point
  double leg_m = 0.0;     ///< straight distance from the point to the snap point (access leg)
  XY on_edge;             ///< the snap point
};

/// Read-only once built: snap() may run on many threads at once.
class SnapIndex {
 public:
  /// `edges` must outlive the index. `on_island` (empty, or one flag per edge: 1 for an edge on
  /// a small island, planner/network/islands.h) makes those edges a fallback: a point snaps to
  /// them only when no other edge is within reach.
  explicit SnapIndex(const EdgeSet& edges, std::span<const std::uint8_t> on_island = {});

  /// The nearest edge position within max_leg_m (off the small islands while one is in reach),
  /// or nullopt when no edge is that close. Of segments at the same distance (a point nearest
  /// to a junction is as near to every edge meeting there), the one listed first in the
  /// network wins.
  std::optional<EdgePosition> snap(XY point, double max_leg_m) const;

 private:
  EdgePosition position(XY point, const SegmentGrid::Nearest& found) const;

  const EdgeSet* m_edges;
  SegmentGrid m_main;    ///< segments of edges off the small islands
  SegmentGrid m_island;  ///< segments of edges on them
};

}  // namespace planner
