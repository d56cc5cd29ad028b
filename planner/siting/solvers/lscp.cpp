// lscp: the cheapest set of new sites that covers every demand a candidate can cover (demand no
// candidate reaches within the threshold is reported, not forced). Greedy cover, improved by the
// Lagrangian heuristic whose multipliers also give the lower bound; CBC on request.
#include <cmath>

#include "planner/siting/solvers/greedy.h"
#include "planner/siting/solvers/lagrangian.h"
#include "planner/siting/solvers/solvers.h"

namespace planner::detail {

ModelAnswer solve_lscp(const SitingProblem& problem, const SitingOptions& options,
                       const Deadline& deadline) {
  const CoverSets sets(problem, *options.cover_cost);
  std::vector<double> cost(problem.candidate_count());
  for (std::uint32_t j = 0; j < cost.size(); ++j) cost[j] = problem.site_cost(j);

  std::vector<std::uint32_t> greedy;
  complete_cover(sets, cost, greedy);
  const CoverBound lag = scp_lower_bound(sets, cost, greedy);
  ModelAnswer out;
  out.sites = lag.best;
  out.objective = lag.best_value;
  out.bound = lag.bound;
  // Whole-number costs: no cover costs less than the bound rounded up.
  if (problem.integral_site_costs()) out.bound = std::ceil(out.bound - 1e-6);
  out.bound = std::min(out.bound, out.objective);
  out.optimal = out.bound >= out.objective - bound_tolerance(out.objective);
  out.method = "greedy + lagrangian heuristic, lagrangian bound";
  if (!options.exact || out.optimal) return out;

  const double target = improvement_target(out.objective, problem.integral_site_costs());
  const ExactCover exact = exact_set_cover(sets, cost, out.sites, lag.multipliers, lag.bound,
                                           target, deadline.remaining_s());
  out.sites = exact.columns;
  out.objective = exact.value;
  out.bound = std::max(out.bound, exact.bound);
  if (problem.integral_site_costs()) out.bound = std::ceil(out.bound - 1e-6);
  out.bound = std::min(out.bound, out.objective);
  out.optimal = exact.optimal || out.bound >= out.objective - bound_tolerance(out.objective);
  out.method = "cbc (set covering), lagrangian start";
  return out;
}

}  // namespace planner::detail
