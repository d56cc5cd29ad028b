// Walking time from the nearest source to a point snapped mid-edge.
//
// A point on edge e is reached through either end of e, or straight along e from a center that
// is snapped to the same edge (a walk that never touches a vertex). The second case is why the
// per-edge center list exists: a vertex-only view would send a resident next to a center round
// the block.
#include <cstdint>
#include <span>
#include <vector>

#include "planner/network/edge_set.h"
#include "planner/network/snap_index.h"
#include "planner/search/bounded_search.h"
#include "planner/search/walk_times.h"

#pragma once

namespace planner {

/// A source snapped to the network (a center): where it sits and its label.
struct SnappedSource {
  EdgePosition pos;
  std::uint32_t label = invalid_id;
};

/// Sources grouped by the edge they sit on, for the along-the-edge case.
class SourcesByEdge {
 public:
  SourcesByEdge() = default;
  SourcesByEdge(std::span<const SnappedSource> sources, std::size_t edge_count);
  /// Sources sitting on edge e.
  std::span<const SnappedSource> on_edge(EdgeId e) const;

 private:
  std::vector<std::uint32_t> m_first;  ///< edge_count+1 offsets; empty when there are no sources
  std::vector<SnappedSource> m_sources;
};

/// Seconds and label of the nearest source.
struct TimedLabel {
  double time_s = inf_time;
  std::uint32_t label = invalid_id;
};

/// Adds every source to the search at both ends of its edge (access leg included).
void add_sources(BoundedSearch& search, const EdgeSet& edges,
                 std::span<const SnappedSource> sources, const WalkTimes& walk);

/// Time from the nearest source to `pos`, its own access leg included. `search` has run with
/// the sources added by add_sources(); ties go to the smaller label. With only_label set, the
/// search ran from that one source and other sources in same_edge are ignored.
TimedLabel time_at(const BoundedSearch& search, const EdgeSet& edges,
                   const SourcesByEdge& same_edge, const EdgePosition& pos, const WalkTimes& walk,
                   std::uint32_t only_label = invalid_id);

}  // namespace planner
