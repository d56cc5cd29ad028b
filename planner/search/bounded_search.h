// A bounded multi-source Dijkstra over the street graph, reusable across queries.
//
// The graph is shared and read-only; a BoundedSearch owns the per-query state (times, labels,
// heap positions) sized once to the node count and reset through the list of vertices the last
// query touched, so a query costs what it reaches, not the size of the city. One per thread.
//
// Laid out for the cache, because searches run on every core at once and then compete for the
// shared cache and memory: a vertex's time, label and heap slot sit in one 16-byte record (one
// cache line touched per relaxed arc, not three arrays), and the heap holds each entry's time
// beside its vertex, so sifting compares neighbours in the heap array instead of looking every
// vertex's time up at random. The heap is a 4-ary heap doing exactly what Boost's
// d_ary_heap_indirect did (same comparisons, same moves), so vertices settle in the same order,
// ties included, and everything built from that order is unchanged.
//
//   search.reset().add_source(v, 12.5, center).add_source(w, 3.0, center).run(times, 900.0);
//
// The limit is a stopping rule: nothing beyond it is ever queued.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/ids.h"
#include "planner/network/street_graph.h"

namespace planner {

class BoundedSearch {
 public:
  explicit BoundedSearch(const StreetGraph& graph);
  // Large per-thread scratch: never copied by accident.
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
  double time_s(NodeId v) const { return m_vertex[v].time_s; }
  /// The label of the nearest source, or invalid_id when not reached.
  std::uint32_t label(NodeId v) const { return m_vertex[v].label; }
  /// Reached vertices, in the order they were settled (non-decreasing time).
  std::span<const NodeId> settled() const { return m_settled; }

 private:
  static constexpr std::uint32_t not_queued = invalid_id;

  struct Vertex {
    double time_s = inf_time;
    std::uint32_t label = invalid_id;
    std::uint32_t slot = not_queued;  ///< index in m_heap, or not_queued
  };
  struct Entry {
    double time_s;  ///< always equal to m_vertex[v].time_s
    NodeId v;
  };

  void relax(NodeId w, double t, std::uint32_t label);
  void push(NodeId v);
  void sift_up(std::uint32_t slot);
  void pop();

  const StreetGraph* m_graph;
  std::vector<Vertex> m_vertex;
  std::vector<Entry> m_heap;
  std::vector<NodeId> m_touched;  ///< every vertex whose state differs from the initial one
  std::vector<NodeId> m_settled;
};

}  // namespace planner
