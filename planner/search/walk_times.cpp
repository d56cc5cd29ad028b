#include "planner/search/walk_times.h"

namespace planner {

WalkTimes::WalkTimes(const StreetGraph& graph, const EdgeSet& edges, double speed_mps)
    : m_speed_mps(speed_mps),
      m_arc_s(arc_times_s(graph, edges, speed_mps)),
      m_factor(edges.edge_speed_factor) {}

}  // namespace planner
