// cmclp, capacitated maximal covering: the weight the open sites can serve within the threshold
// is a maximum flow (source -> demand, its weight; demand -> site within the threshold; site ->
// sink, its capacity), found by Dinic's augmenting paths on the pairs of the open sites only,
// so judging a set costs little more than reading its pairs.
#include <algorithm>
#include <limits>
#include <queue>

#include "planner/siting/solvers/capacity.h"

namespace planner::detail {
namespace {

/// A small flow network with double capacities (residual arcs paired: arc ^ 1).
class CmclpFlow {
 public:
  explicit CmclpFlow(std::size_t nodes) : m_first(nodes, -1), m_level(nodes), m_next_arc(nodes) {}

  int add_arc(int from, int to, double cap) {
    m_to.push_back(to);
    m_cap.push_back(cap);
    m_link.push_back(m_first[from]);
    m_first[from] = static_cast<int>(m_to.size() - 1);
    m_to.push_back(from);
    m_cap.push_back(0.0);
    m_link.push_back(m_first[to]);
    m_first[to] = static_cast<int>(m_to.size() - 1);
    return static_cast<int>(m_to.size() - 2);
  }
  double flow_on(int arc) const { return m_cap[arc ^ 1]; }

  double max_flow(int s, int t) {
    double total = 0.0;
    while (levels(s, t)) {
      for (std::size_t v = 0; v < m_first.size(); ++v) m_next_arc[v] = m_first[v];
      for (;;) {
        const double f = push(s, t, std::numeric_limits<double>::infinity());
        if (f <= 0.0) break;
        total += f;
      }
    }
    return total;
  }

 private:
  static constexpr double eps = 1e-9;

  bool levels(int s, int t) {
    std::fill(m_level.begin(), m_level.end(), -1);
    std::queue<int> q;
    m_level[s] = 0;
    q.push(s);
    while (!q.empty()) {
      const int v = q.front();
      q.pop();
      for (int a = m_first[v]; a >= 0; a = m_link[a]) {
        if (m_cap[a] > eps && m_level[m_to[a]] < 0) {
          m_level[m_to[a]] = m_level[v] + 1;
          q.push(m_to[a]);
        }
      }
    }
    return m_level[t] >= 0;
  }

  double push(int v, int t, double limit) {
    if (v == t) return limit;
    for (int& a = m_next_arc[v]; a >= 0; a = m_link[a]) {
      const int w = m_to[a];
      if (m_cap[a] <= eps || m_level[w] != m_level[v] + 1) continue;
      const double f = push(w, t, std::min(limit, m_cap[a]));
      if (f > 0.0) {
        m_cap[a] -= f;
        m_cap[a ^ 1] += f;
        return f;
      }
    }
    return 0.0;
  }

  std::vector<int> m_first, m_level, m_next_arc;
  std::vector<int> m_to, m_link;
  std::vector<double> m_cap;
};

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
  CmclpFlow flow(2 + sites.size() + demands.size());
  for (std::uint32_t i : demands) flow.add_arc(0, demand_node[i], p.weight(i));
  std::vector<Assignment> arcs;
  std::vector<int> arc_id;
  for (std::size_t s = 0; s < sites.size(); ++s) {
    const std::uint32_t j = sites[s];
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) {
      if (!rules.usable(p, dem[a], cost[a])) continue;
      arc_id.push_back(flow.add_arc(demand_node[dem[a]], static_cast<int>(2 + s),
                                    std::numeric_limits<double>::infinity()));
      arcs.push_back({dem[a], j, 0.0});
    }
    flow.add_arc(static_cast<int>(2 + s), 1, p.capacity(j));
  }
  flow.max_flow(0, 1);
  Assigned out;
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    const double f = flow.flow_on(arc_id[a]);
    if (f > 1e-9) out.pairs.push_back({arcs[a].demand, arcs[a].candidate, f});
  }
  out.objective = assignment_objective(p, rules, out.pairs);
  return out;
}

}  // namespace planner::detail
