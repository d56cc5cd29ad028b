// A bounded multi-source Dijkstra over the street graph, reusable across queries.
//
// The graph is shared and read-only; a BoundedSearch owns the per-query state (times, labels,
// heap positions) sized once to the node count and reset through the list of vertices the last
// query touched, so a query costs what it reaches, not the size of the city. One per thread.
//
//   search.reset().add_source(v, 12.5, center).add_source(w, 3.0, center).run(times, 900.0);
//
// The limit is a stopping rule: nothing beyond it is ever queued.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <boost/graph/detail/d_ary_heap.hpp>
#include <boost/property_map/property_map.hpp>

#include "planner/ids.h"
#include "planner/network/street_graph.h"

namespace planner {

class BoundedSearch {
 public:
  explicit BoundedSearch(const StreetGraph& graph);
  // The heap's property maps point into this object's arrays: a copy would write into the
  // original's, and a moved-from search would share them.
  BoundedSearch(const BoundedSearch&) = delete;
  BoundedSearch& operator=(const BoundedSearch&) = delete;
  BoundedSearch(BoundedSearch&&) = delete;
  BoundedSearch& operator=(BoundedSearch&&) = delete;

  /// Forgets the last query; costs O(vertices it touched).
  BoundedSearch& reset();

  /// Starts vertex v at time_s (seconds already walked) with a label (e.g. the center index).
  /// The smaller time wins; on equal times the smaller label, so results do not depend on the
  /// order sources are added.
  BoundedSearch& add_source(NodeId v, double time_s, std::uint32_t label);

  /// Settles every vertex reachable within limit_s (inclusive). arc_time_s is indexed by arc.
  BoundedSearch& run(std::span<const double> arc_time_s, double limit_s);

  /// Seconds to the nearest source, or inf_time when not reached within the limit.
  double time_s(NodeId v) const { return m_time[v]; }
  /// The label of the nearest source, or invalid_id when not reached.
  std::uint32_t label(NodeId v) const { return m_label[v]; }
  /// Reached vertices, in the order they were settled (non-decreasing time).
  std::span<const NodeId> settled() const { return m_settled; }

 private:
  using TimeMap =
      boost::iterator_property_map<std::vector<double>::iterator, boost::identity_property_map>;
  using PositionMap = boost::iterator_property_map<std::vector<std::size_t>::iterator,
                                                   boost::identity_property_map>;
  using Heap = boost::d_ary_heap_indirect<NodeId, 4, PositionMap, TimeMap, std::less<double>>;

  void relax(NodeId w, double t, std::uint32_t label);

  const StreetGraph* m_graph;
  std::vector<double> m_time;
  std::vector<std::uint32_t> m_label;
  std::vector<std::size_t> m_heap_position;
  std::vector<NodeId> m_touched;  ///< every vertex whose state differs from the initial one
  std::vector<NodeId> m_settled;
  Heap m_heap;
};

}  // namespace planner
