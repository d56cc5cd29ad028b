#include "planner/network/street_graph.h"
#include "planner/errors.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <boost/graph/connected_components.hpp>

namespace planner {
namespace {

StreetGraph::Csr build_csr(const EdgeSet& edges) {
  std::vector<std::pair<NodeId, NodeId>> arcs;
  std::vector<ArcRef> refs;
  arcs.reserve(2 * edges.edge_count());
  refs.reserve(2 * edges.edge_count());
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    arcs.emplace_back(edges.edge_tail[e], edges.edge_head[e]);
    refs.push_back({e, true});
    arcs.emplace_back(edges.edge_head[e], edges.edge_tail[e]);
    refs.push_back({e, false});
  }
  return StreetGraph::Csr(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(),
                          refs.begin(), static_cast<NodeId>(edges.vertex_count()));
}

}  // namespace

StreetGraph::StreetGraph(const EdgeSet& edges)
    : m_node_count(edges.vertex_count()), m_csr(build_csr(edges)) {
  if (edges.vertex_count() >= invalid_id || 2 * edges.edge_count() >= invalid_id) {
    throw std::length_error("network too large for 32-bit vertex and arc ids");
  }
  // Copy the CSR rows into our own flat arrays: the search loop then depends only on spans.
  const auto& fwd = m_csr.m_forward;
  m_first_out.assign(fwd.m_rowstart.begin(), fwd.m_rowstart.end());
  m_head.assign(fwd.m_column.begin(), fwd.m_column.end());
  m_arc_ref.assign(fwd.m_edge_properties.begin(), fwd.m_edge_properties.end());

  // Every edge is two arcs, so depth-first reachability from a root is its connected component.
  m_component.assign(m_node_count, 0);
  if (m_node_count > 0) {
    auto count = boost::connected_components(
        m_csr, boost::make_iterator_property_map(m_component.begin(),
                                                 boost::get(boost::vertex_index, m_csr)));
    m_component_size.assign(count, 0);
    for (std::uint32_t c : m_component) ++m_component_size[c];
    // Once here: callers ask per snapped point, and a city has thousands of components.
    m_largest = static_cast<std::uint32_t>(
        std::max_element(m_component_size.begin(), m_component_size.end()) -
        m_component_size.begin());
  }
}

std::vector<double> arc_times_s(const StreetGraph& graph, const EdgeSet& edges, double speed_mps) {
  if (!(speed_mps > 0.0)) throw InternalError("walking speed must be positive");
  std::vector<double> times(graph.arc_count());
  auto refs = graph.arc_ref();
  for (std::size_t a = 0; a < times.size(); ++a) {
    const EdgeId e = refs[a].edge;
    const double length = edges.edge_speed_factor.empty()
                              ? edges.edge_length_m[e]
                              : edges.edge_length_m[e] / edges.edge_speed_factor[e];
    times[a] = length / speed_mps;
  }
  return times;
}

}  // namespace planner
