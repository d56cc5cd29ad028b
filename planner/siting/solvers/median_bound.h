// Lagrangian lower bound for the p-median (assignment constraints relaxed, Beasley 1993 /
// Cornuejols- Fisher-Nemhauser): with multipliers u, each candidate is worth rho_j = sum over its
// demands of min(0, w_i c_ij - u_i) and the bound is sum(u) + the k most negative rho. Its best
// value equals the strong LP bound, tight on most instances; the same numbers tell which candidates
// can be fixed open or closed before CBC sees the model (reduced-cost fixing).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/siting/problem.h"
#include "planner/siting/solvers/lagrangian.h"

namespace planner {

struct MedianBound {
  double bound = 0.0;
  std::vector<double> multipliers;  ///< at the best bound, one per demand
  std::vector<std::uint32_t> best;  ///< best k-set met on the way (the relaxed solutions)
  double best_value = 0.0;
  int iterations = 0;
};

/// Lower bound for k sites, `incumbent` (any k-set) starting the multipliers and the step rule.
MedianBound median_lower_bound(const SitingProblem& problem, std::uint32_t k,
                               const std::vector<std::uint32_t>& incumbent,
                               const SubgradientSteps& steps = {});

/// Candidates that are in (so: closed) or out of (so: open) no solution costing `target` or
/// less, by the bound at the given multipliers. Per candidate: -1 closed, +1 open, 0 free.
std::vector<int> median_fixing(const SitingProblem& problem, std::uint32_t k,
                               std::span<const double> multipliers, double target);

/// For each demand, a cost it pays at most in every solution costing `target` or less: the
/// bound with the demand's t nearest candidates all closed exceeds the target for some t, so
/// one of them is open, and the t-th one's cost caps the demand (inf_time when no t does).
/// This cuts the radius formulation's levels down to the few that can matter.
std::vector<double> median_caps(const SitingProblem& problem, std::uint32_t k,
                                std::span<const double> multipliers, double target);

}  // namespace planner
