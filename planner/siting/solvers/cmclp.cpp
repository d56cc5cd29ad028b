// cmclp, capacitated maximal covering: the weight the open sites can serve within the threshold
// is a maximum flow (source -> demand, its weight; demand -> site within the threshold; site ->
// sink, its capacity) over the pairs of the open sites only, so judging a set costs little more
// than reading its pairs. The flow is Boost.Graph's Boykov-Kolmogorov: each augmenting path
// subtracts its exact bottleneck, so floating-point weights end at exactly 0 on a saturated arc.
#include <algorithm>

// g++ 12 at -O2 reports a maybe-uninitialized boost::optional inside adjacency_list's edge
// iterator (a known false positive of its optional storage); kept to these headers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#pragma GCC diagnostic pop

#include "planner/siting/solvers/capacity.h"

namespace planner::detail {
namespace {

using FlowTraits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<boost::vertex_index_t, long,
                    boost::property<boost::vertex_color_t, boost::default_color_type,
                                    boost::property<boost::vertex_distance_t, long,
                                                    boost::property<boost::vertex_predecessor_t,
                                                                    FlowTraits::edge_descriptor>>>>,
    boost::property<
        boost::edge_capacity_t, double,
        boost::property<boost::edge_residual_capacity_t, double,
                        boost::property<boost::edge_reverse_t, FlowTraits::edge_descriptor>>>>;
using FlowEdge = FlowGraph::edge_descriptor;

/// An arc and its residual twin (capacity 0), as the max-flow algorithms want them.
FlowEdge add_flow_arc(FlowGraph& g, std::size_t from, std::size_t to, double capacity) {
  const FlowEdge e = boost::add_edge(from, to, g).first;
  const FlowEdge r = boost::add_edge(to, from, g).first;
  boost::put(boost::edge_capacity, g, e, capacity);
  boost::put(boost::edge_capacity, g, r, 0.0);
  boost::put(boost::edge_reverse, g, e, r);
  boost::put(boost::edge_reverse, g, r, e);
  return e;
}

}  // namespace

bool CapacityRules::served_by_fixed(const SitingProblem& p, std::uint32_t demand) const {
  return model == SitingModel::cmclp && p.fixed_cost(demand) <= threshold;
}

bool CapacityRules::usable(const SitingProblem& p, std::uint32_t demand, double cost) const {
  if (!(p.weight(demand) > 0.0) || served_by_fixed(p, demand)) return false;
  return model == SitingModel::cmclp ? cost <= threshold : cost < p.floor_cost(demand);
}

CapacityRules capacity_rules(const SitingOptions& options) {
  CapacityRules r;
  r.model = options.model;
  r.threshold = options.cover_cost.value_or(0.0);
  r.split = options.model == SitingModel::cmclp || options.split_demand;
  return r;
}

Assigned assign_max_flow(const SitingProblem& p, const CapacityRules& rules,
                         std::span<const std::uint32_t> open) {
  // Nodes: 0 source, 1 sink, then the open sites, then the demands they reach.
  std::vector<std::uint32_t> sites(open.begin(), open.end());
  std::sort(sites.begin(), sites.end());
  std::vector<int> demand_node(p.demand_count(), -1);
  std::vector<std::uint32_t> demands;
  for (std::uint32_t j : sites) {
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) {
      if (demand_node[dem[a]] >= 0 || !rules.usable(p, dem[a], cost[a])) continue;
      demand_node[dem[a]] = static_cast<int>(2 + sites.size() + demands.size());
      demands.push_back(dem[a]);
    }
  }
  FlowGraph g(2 + sites.size() + demands.size());
  // A demand -> site arc never limits the flow: its capacity is the demand's weight.
  for (std::uint32_t i : demands) add_flow_arc(g, 0, demand_node[i], p.weight(i));
  std::vector<Assignment> arcs;
  std::vector<FlowEdge> arc_edge;
  for (std::size_t s = 0; s < sites.size(); ++s) {
    const std::uint32_t j = sites[s];
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) {
      if (!rules.usable(p, dem[a], cost[a])) continue;
      arc_edge.push_back(add_flow_arc(g, demand_node[dem[a]], 2 + s, p.weight(dem[a])));
      arcs.push_back({dem[a], j, 0.0});
    }
    add_flow_arc(g, 2 + s, 1, p.capacity(j));
  }
  boost::boykov_kolmogorov_max_flow(g, boost::vertex(0, g), boost::vertex(1, g));
  Assigned out;
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    const FlowEdge e = arc_edge[a];
    const double f =
        boost::get(boost::edge_capacity, g, e) - boost::get(boost::edge_residual_capacity, g, e);
    if (f > 1e-9) out.pairs.push_back({arcs[a].demand, arcs[a].candidate, f});
  }
  out.objective = assignment_objective(p, rules, out.pairs);
  return out;
}

}  // namespace planner::detail
