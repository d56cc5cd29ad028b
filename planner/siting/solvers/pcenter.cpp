// pcenter: k new sites minimising the worst cost of any (weighted) demand. The optimum is one of
// the distinct costs, and "is radius r reachable with k sites?" is a set covering question, so
// the search runs over the sorted radii (Minieka's method): greedy covers answer it fast, the
// Lagrangian set-covering bound proves radii impossible (the lower bound), and CBC settles the
// radii in between on request.
#include <algorithm>
#include <cmath>

#include "planner/siting/rank.h"
#include "planner/siting/solvers/greedy.h"
#include "planner/siting/solvers/lagrangian.h"
#include "planner/siting/solvers/median.h"
#include "planner/siting/solvers/solvers.h"

namespace planner::detail {
namespace {

enum class Verdict { feasible, infeasible, unknown };

/// Every cost a weighted demand can end up paying: below-floor pair costs and the floors.
std::vector<double> candidate_radii(const SitingProblem& p, double& lowest_possible) {
  std::vector<double> radii;
  lowest_possible = 0.0;
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    if (p.weight(i) <= 0.0) continue;
    const double floor = p.floor_cost(i);
    radii.push_back(floor);
    const auto costs = p.costs_to(i);
    for (std::size_t a = 0; a < costs.size() && costs[a] < floor; ++a) radii.push_back(costs[a]);
    lowest_possible = std::max(lowest_possible, costs.empty() ? floor : std::min(floor, costs[0]));
  }
  std::sort(radii.begin(), radii.end());
  radii.erase(std::unique(radii.begin(), radii.end()), radii.end());
  return radii;
}

}  // namespace

ModelAnswer solve_pcenter(const SitingProblem& p, const SitingOptions& options,
                          const Deadline& deadline) {
  const std::uint32_t k = options.k;
  ModelAnswer out;
  out.method = "radius search with greedy covers, lagrangian bound";
  double lowest = 0.0;
  const std::vector<double> radii = candidate_radii(p, lowest);
  if (radii.empty()) {
    out.optimal = true;
    return out;
  }
  const std::vector<double> unit(p.candidate_count(), 1.0);

  // Heuristic test of a radius: a greedy cover with at most k sites.
  auto greedy_test = [&](std::size_t idx, std::vector<std::uint32_t>& cover) {
    const CoverSets sets(p, radii[idx], true);
    if (sets.uncoverable_count() > 0) return false;
    cover.clear();
    complete_cover(sets, unit, cover);
    return cover.size() <= k;
  };
  // Proof test: no cover at all, or the Lagrangian bound says more than k sites are needed.
  // With exact, CBC decides what the bound leaves open. A cover of k sites or fewer found on
  // the way is returned in `cover`.
  auto proof_test = [&](std::size_t idx, bool exact, std::vector<std::uint32_t>& cover) {
    const CoverSets sets(p, radii[idx], true);
    if (sets.uncoverable_count() > 0) return Verdict::infeasible;
    cover.clear();
    complete_cover(sets, unit, cover);
    if (cover.size() <= k) return Verdict::feasible;
    SubgradientSteps steps;
    steps.max_iterations = 300;
    const CoverBound lag = scp_lower_bound(sets, unit, cover, steps);
    cover = lag.best;
    if (cover.size() <= k) return Verdict::feasible;
    if (std::ceil(lag.bound - 1e-6) > k) return Verdict::infeasible;
    if (!exact || deadline.remaining_s() <= 0.0) return Verdict::unknown;
    const ExactCover ex = exact_set_cover(sets, unit, lag.best, lag.multipliers, lag.bound,
                                          k + 1e-6, deadline.remaining_s());
    cover = ex.columns;
    if (ex.value <= k + 1e-9) return Verdict::feasible;
    if (std::ceil(ex.bound - 1e-6) > k) return Verdict::infeasible;
    return Verdict::unknown;
  };

  std::size_t lo = static_cast<std::size_t>(std::lower_bound(radii.begin(), radii.end(), lowest) -
                                            radii.begin());
  // Smallest radius the greedy reaches (the largest radius needs no site at all).
  std::size_t a = lo, b = radii.size() - 1;
  std::vector<std::uint32_t> cover, best;
  while (a < b) {
    const std::size_t mid = a + (b - a) / 2;
    if (greedy_test(mid, cover)) {
      b = mid;
      best = cover;
    } else {
      a = mid + 1;
    }
  }
  std::size_t feasible = b;
  if (best.empty() && feasible < radii.size() - 1) greedy_test(feasible, best);

  // Lower bound (and, with exact, the answer): search the radii below the feasible one.
  std::size_t proven_lo = lo;
  a = lo;
  b = feasible;
  while (a < b) {
    const std::size_t mid = a + (b - a) / 2;
    const Verdict v = proof_test(mid, options.exact, cover);
    if (v == Verdict::infeasible) {
      a = mid + 1;
      proven_lo = a;
    } else if (v == Verdict::feasible) {
      b = mid;
      feasible = mid;
      best = cover;
    } else {
      // Heuristic run, or CBC out of time: what lies between stays the gap.
      b = mid;
    }
  }
  if (options.exact) out.method = "radius search, cbc set covering at each radius";

  // Spare sites are not wasted: they go where they cut the total cost most.
  extend_median(p, best, k);
  out.sites = best;
  out.objective = siting_objective(p, SitingModel::pcenter, std::nullopt, best);
  out.bound = std::min(radii[proven_lo], out.objective);
  out.optimal = out.bound >= out.objective - bound_tolerance(out.objective);
  return out;
}

}  // namespace planner::detail
