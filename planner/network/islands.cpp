#include "planner/network/islands.h"

#include <algorithm>
#include <cmath>

namespace planner {

std::uint32_t island_below(const StreetGraph& graph, const IslandRule& rule) {
  const auto sizes = graph.component_size();
  if (sizes.empty()) return 0;
  const double share_bound = std::ceil(rule.share * sizes[graph.largest_component()]);
  return std::max(rule.min_vertices, static_cast<std::uint32_t>(share_bound));
}

std::vector<std::uint8_t> small_island_edges(const Network& network, const IslandRule& rule) {
  const StreetGraph& graph = *network.graph;
  const EdgeSet& edges = network.edges;
  std::vector<std::uint8_t> on_island(edges.edge_count(), 0);
  if (graph.component_size().empty()) return on_island;
  const std::uint32_t below = island_below(graph, rule);
  const std::uint32_t largest = graph.largest_component();
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    const std::uint32_t c = graph.component()[edges.edge_tail[e]];
    on_island[e] = c != largest && graph.component_size()[c] < below;
  }
  return on_island;
}

}  // namespace planner
