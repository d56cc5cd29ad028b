#include "planner/search/bounded_search.h"

namespace planner {
namespace {
// d_ary_heap_indirect marks "not in the heap" with the largest size_type.
constexpr std::size_t not_in_heap = static_cast<std::size_t>(-1);
}  // namespace

BoundedSearch::BoundedSearch(const StreetGraph& graph)
    : m_graph(&graph),
      m_time(graph.node_count(), inf_time),
      m_label(graph.node_count(), invalid_id),
      m_heap_position(graph.node_count(), not_in_heap),
      m_heap(TimeMap(m_time.begin()), PositionMap(m_heap_position.begin())) {
  m_touched.reserve(1024);
  m_settled.reserve(1024);
}

BoundedSearch& BoundedSearch::reset() {
  // d_ary_heap_indirect has no clear(); it is empty after run(), so this only pops sources
  // added without a run.
  while (!m_heap.empty()) m_heap.pop();
  for (NodeId v : m_touched) {
    m_time[v] = inf_time;
    m_label[v] = invalid_id;
    m_heap_position[v] = not_in_heap;
  }
  m_touched.clear();
  m_settled.clear();
  return *this;
}

void BoundedSearch::relax(NodeId w, double t, std::uint32_t label) {
  double& current = m_time[w];
  if (current == inf_time) {
    current = t;
    m_label[w] = label;
    m_touched.push_back(w);
    m_heap.push(w);
  } else if (t < current) {
    current = t;
    m_label[w] = label;
    m_heap.update(w);
  } else if (t == current && label < m_label[w] && m_heap.contains(w)) {
    m_label[w] = label;
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
    const NodeId v = m_heap.top();
    const double t = m_time[v];
    if (t > limit_s) break;  // only sources can be queued beyond the limit
    m_heap.pop();
    m_settled.push_back(v);
    const std::uint32_t label = m_label[v];
    for (ArcId a = first_out[v]; a < first_out[v + 1]; ++a) {
      const double nt = t + arc_time_s[a];
      if (nt <= limit_s) relax(head[a], nt, label);
    }
  }
  // Sources that started beyond the limit count as not reached.
  while (!m_heap.empty()) {
    const NodeId v = m_heap.top();
    m_heap.pop();
    m_time[v] = inf_time;
    m_label[v] = invalid_id;
  }
  return *this;
}

}  // namespace planner
