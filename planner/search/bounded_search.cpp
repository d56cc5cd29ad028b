#include "planner/search/bounded_search.h"

#include <algorithm>

namespace planner {

BoundedSearch::BoundedSearch(const StreetGraph& graph)
    : m_graph(&graph), m_vertex(graph.node_count()) {
  m_heap.reserve(1024);
  m_touched.reserve(1024);
  m_settled.reserve(1024);
}

BoundedSearch& BoundedSearch::reset() {
  for (NodeId v : m_touched) m_vertex[v] = Vertex{};
  m_heap.clear();
  m_touched.clear();
  m_settled.clear();
  return *this;
}

// The heap below mirrors boost::d_ary_heap_indirect<NodeId, 4, ..., std::less<double>> move for
// move (sift up: count the levels the entry rises past strictly larger parents, then shift them
// down; pop: the last entry to the root, then swap it with its smallest child, the first of equal
// children, while that child is strictly smaller), so equal times leave the heap in the same
// order as before and the settled order, hence every output, is unchanged.

void BoundedSearch::sift_up(std::uint32_t slot) {
  const Entry moving = m_heap[slot];
  while (slot > 0) {
    const std::uint32_t parent = (slot - 1) / 4;
    if (!(moving.time_s < m_heap[parent].time_s)) break;
    m_heap[slot] = m_heap[parent];
    m_vertex[m_heap[slot].v].slot = slot;
    slot = parent;
  }
  m_heap[slot] = moving;
  m_vertex[moving.v].slot = slot;
}

void BoundedSearch::push(NodeId v) {
  m_heap.push_back({m_vertex[v].time_s, v});
  sift_up(static_cast<std::uint32_t>(m_heap.size() - 1));
}

void BoundedSearch::pop() {
  m_vertex[m_heap.front().v].slot = not_queued;
  const Entry moving = m_heap.back();
  m_heap.pop_back();
  const std::size_t size = m_heap.size();
  if (size == 0) return;
  std::size_t slot = 0;
  for (;;) {
    const std::size_t first = 4 * slot + 1;
    if (first >= size) break;
    const std::size_t last = std::min(first + 4, size);
    std::size_t best = first;
    for (std::size_t c = first + 1; c < last; ++c) {
      if (m_heap[c].time_s < m_heap[best].time_s) best = c;
    }
    if (!(m_heap[best].time_s < moving.time_s)) break;
    m_heap[slot] = m_heap[best];
    m_vertex[m_heap[slot].v].slot = static_cast<std::uint32_t>(slot);
    slot = best;
  }
  m_heap[slot] = moving;
  m_vertex[moving.v].slot = static_cast<std::uint32_t>(slot);
}

void BoundedSearch::relax(NodeId w, double t, std::uint32_t label) {
  Vertex& s = m_vertex[w];
  if (s.time_s == inf_time) {
    s.time_s = t;
    s.label = label;
    m_touched.push_back(w);
    push(w);
  } else if (t < s.time_s) {
    s.time_s = t;
    s.label = label;
    m_heap[s.slot].time_s = t;  // a smaller time than a settled one is impossible: it is queued
    sift_up(s.slot);
  } else if (t == s.time_s && label < s.label && s.slot != not_queued) {
    s.label = label;
  }
}

BoundedSearch& BoundedSearch::add_source(NodeId v, double time_s, std::uint32_t label) {
  relax(v, time_s, label);
  return *this;
}

BoundedSearch& BoundedSearch::run(std::span<const double> arc_time_s, double limit_s) {
  const auto first_out = m_graph->first_out();
  const auto head = m_graph->head();
  m_settled.clear();
  while (!m_heap.empty()) {
    const NodeId v = m_heap.front().v;
    const double t = m_heap.front().time_s;
    if (t > limit_s) break;  // only sources can be queued beyond the limit
    pop();
    m_settled.push_back(v);
    const std::uint32_t label = m_vertex[v].label;
    for (ArcId a = first_out[v]; a < first_out[v + 1]; ++a) {
      const double nt = t + arc_time_s[a];
      if (nt <= limit_s) relax(head[a], nt, label);
    }
  }
  // Sources that started beyond the limit count as not reached.
  for (const Entry& e : m_heap) {
    m_vertex[e.v].time_s = inf_time;
    m_vertex[e.v].label = invalid_id;
    m_vertex[e.v].slot = not_queued;
  }
  m_heap.clear();
  return *this;
}

}  // namespace planner
