// mclp: k new sites covering the most weight within the threshold (the fixed facilities' cover
// counts too, as a constant). Lazy greedy, then swaps; the Lagrangian bound both proves and
// proposes (its relaxed k-sets are swapped too); CBC on request.
#include <cmath>

#include "planner/siting/solvers/greedy.h"
#include "planner/siting/solvers/lagrangian.h"
#include "planner/siting/solvers/solvers.h"

namespace planner::detail {

ModelAnswer solve_mclp(const SitingProblem& problem, const SitingOptions& options,
                       const Deadline& deadline) {
  const CoverSets sets(problem, *options.cover_cost);
  std::vector<std::uint32_t> sites = greedy_max_cover(sets, options.k);
  double covered = swap_max_cover(sets, sites);
  const CoverBound lag = mclp_upper_bound(sets, options.k, sites);
  if (lag.best_value > covered) {
    std::vector<std::uint32_t> other = lag.best;
    const double c = swap_max_cover(sets, other);
    if (c > covered) {
      covered = c;
      sites = other;
    }
  }
  double bound = std::max(lag.bound, covered);
  if (problem.integral_weights()) bound = std::max(covered, std::floor(bound + 1e-6));

  ModelAnswer out;
  out.method = "greedy + swaps, lagrangian bound";
  if (options.exact && bound > covered + bound_tolerance(covered)) {
    const ExactCover exact = exact_max_cover(sets, options.k, sites, bound, deadline.remaining_s());
    sites = exact.columns;
    covered = exact.value;
    bound = exact.bound;
    if (problem.integral_weights()) bound = std::max(covered, std::floor(bound + 1e-6));
    out.method = "cbc (maximal covering), greedy start";
  }
  out.sites = sites;
  out.objective = sets.fixed_weight() + covered;
  out.bound = sets.fixed_weight() + bound;
  out.optimal = bound <= covered + bound_tolerance(covered);
  return out;
}

}  // namespace planner::detail
