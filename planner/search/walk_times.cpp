#include "planner/search/walk_times.h"

namespace planner {

WalkTimes::WalkTimes(const StreetGraph& graph, const EdgeSet& edges, double speed_mps)
    : m_speed_mps(speed_mps),
      m_arc_s(arc_times_s(graph, edges, speed_mps)),
      m_factor(edges.edge_speed_factor) {}

WalkTimes WalkTimes::true_metres(const Network& network) {
  const auto refs = network.graph->arc_ref();
  std::vector<double> arc_m(refs.size());
  for (std::size_t a = 0; a < arc_m.size(); ++a)
    arc_m[a] = network.edges.edge_length_m[refs[a].edge];
  return WalkTimes(1.0, std::move(arc_m), {});
}

}  // namespace planner
