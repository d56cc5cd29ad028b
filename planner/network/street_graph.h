// The walking graph: a Boost.Graph compressed_sparse_row_graph over an EdgeSet.
//
// Directed, each undirected edge piece is two arcs. Arc attributes live in flat arrays indexed by
// the CSR's own arc index, so hot loops read first_out/head/arc_edge without touching Boost's
// property machinery. Built once; read-only and shared by every search thread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "planner/ids.h"
#include "planner/network/edge_set.h"

namespace planner {

/// The arc's edge and direction: arc traverses edge `edge` from tail to head when `forward`.
struct ArcRef {
  EdgeId edge = invalid_id;
  bool forward = true;
};

class StreetGraph {
 public:
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ArcRef,
                                                 boost::no_property, NodeId, ArcId>;

  explicit StreetGraph(const EdgeSet& edges);

  std::size_t node_count() const { return m_node_count; }
  std::size_t arc_count() const { return m_head.size(); }

  /// Arcs out of v are first_out()[v] .. first_out()[v+1].
  std::span<const ArcId> first_out() const { return m_first_out; }
  std::span<const NodeId> head() const { return m_head; }
  std::span<const ArcRef> arc_ref() const { return m_arc_ref; }

  /// Connected component of each vertex (numbered in DFS order from vertex 0) and their sizes.
  std::span<const std::uint32_t> component() const { return m_component; }
  std::span<const std::uint32_t> component_size() const { return m_component_size; }
  /// Index of the component with the most vertices (the smallest index on a tie).
  std::uint32_t largest_component() const { return m_largest; }

  /// The Boost graph itself, for reference algorithms in tests.
  const Csr& csr() const { return m_csr; }

 private:
  std::size_t m_node_count = 0;
  Csr m_csr;
  std::vector<ArcId> m_first_out;
  std::vector<NodeId> m_head;
  std::vector<ArcRef> m_arc_ref;
  std::vector<std::uint32_t> m_component;
  std::vector<std::uint32_t> m_component_size;
  std::uint32_t m_largest = invalid_id;  ///< invalid_id without vertices
};

/// Walking seconds per arc: edge length / speed, (length / speed factor) / speed on an edge
/// with a speed factor (EdgeSet::edge_speed_factor). `speed_mps` > 0.
std::vector<double> arc_times_s(const StreetGraph& graph, const EdgeSet& edges, double speed_mps);

}  // namespace planner
