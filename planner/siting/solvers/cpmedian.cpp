// cpmedian, capacitated p-median: the search judges a set of open sites by a greedy assignment
// (the cheapest usable pair first, ties by demand then candidate; a whole demand to a site with
// room for all of it, or as much as fits when split), which is fast and repeatable. Weight left
// over is charged the floor cost (the unreached cost): a shortfall of capacity costs what an
// unreached demand costs in pmedian.
#include <algorithm>

#include "planner/siting/solvers/capacity.h"

namespace planner::detail {
namespace {

/// The pair's cost (the demand's candidates are sorted by cost; a short scan).
double cpmedian_pair_cost(const SitingProblem& p, std::uint32_t demand, std::uint32_t candidate) {
  const auto cands = p.candidates_of(demand);
  const auto costs = p.costs_to(demand);
  for (std::size_t a = 0; a < cands.size(); ++a) {
    if (cands[a] == candidate) return costs[a];
  }
  return p.floor_cost(demand);
}

}  // namespace

std::vector<std::uint32_t> open_sites(const SitingProblem& p,
                                      std::span<const std::uint32_t> sites) {
  std::vector<std::uint32_t> open;
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    if (p.always_open(j)) open.push_back(j);
  }
  for (std::uint32_t j : sites) {
    if (!p.always_open(j)) open.push_back(j);
  }
  return open;
}

double assignment_objective(const SitingProblem& p, const CapacityRules& rules,
                            std::span<const Assignment> pairs) {
  double v = 0.0;
  if (rules.model == SitingModel::cmclp) {
    for (const Assignment& a : pairs) v += a.amount;
    for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
      if (rules.served_by_fixed(p, i)) v += p.weight(i);
    }
    return v;
  }
  std::vector<double> left(p.demand_count());
  for (std::uint32_t i = 0; i < left.size(); ++i) left[i] = p.weight(i);
  for (const Assignment& a : pairs) {
    v += a.amount * cpmedian_pair_cost(p, a.demand, a.candidate);
    left[a.demand] -= a.amount;
  }
  for (std::uint32_t i = 0; i < left.size(); ++i) {
    if (left[i] > 1e-9 * std::max(1.0, p.weight(i))) v += left[i] * p.floor_cost(i);
  }
  return v;
}

Assigned assign_greedy(const SitingProblem& p, const CapacityRules& rules,
                       std::span<const std::uint32_t> open) {
  struct Pair {
    double cost;
    std::uint32_t demand, candidate;
  };
  std::vector<Pair> pairs;
  for (std::uint32_t j : open) {
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) {
      if (rules.usable(p, dem[a], cost[a])) pairs.push_back({cost[a], dem[a], j});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.cost != b.cost) return a.cost < b.cost;
    if (a.demand != b.demand) return a.demand < b.demand;
    return a.candidate < b.candidate;
  });
  std::vector<double> left(p.demand_count()), room(p.candidate_count(), 0.0);
  for (std::uint32_t i = 0; i < left.size(); ++i) left[i] = p.weight(i);
  for (std::uint32_t j : open) room[j] = p.capacity(j);
  Assigned out;
  for (const Pair& q : pairs) {
    double amount = 0.0;
    if (rules.split) {
      amount = std::min(left[q.demand], room[q.candidate]);
    } else if (left[q.demand] == p.weight(q.demand) && room[q.candidate] >= left[q.demand]) {
      amount = left[q.demand];
    }
    if (!(amount > 0.0)) continue;
    left[q.demand] -= amount;
    room[q.candidate] -= amount;
    out.pairs.push_back({q.demand, q.candidate, amount});
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [](const Assignment& a, const Assignment& b) {
    return a.candidate != b.candidate ? a.candidate < b.candidate : a.demand < b.demand;
  });
  out.objective = assignment_objective(p, rules, out.pairs);
  return out;
}

Assigned assign_demand(const SitingProblem& p, const CapacityRules& rules,
                       std::span<const std::uint32_t> open) {
  return rules.model == SitingModel::cmclp ? assign_max_flow(p, rules, open)
                                           : assign_greedy(p, rules, open);
}

}  // namespace planner::detail
