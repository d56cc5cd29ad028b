// Lagrangian bounds for the covering models, by subgradient optimisation (Held-Wolfe-Crowder
// steps, as Beasley uses for set covering): every multiplier vector gives a valid bound, so the
// heuristic answers always come with a proof of how far from optimal they can be. The relaxed
// problems are solved by inspection, and their solutions seed primal answers as well.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/siting/solvers/cover.h"

namespace planner {

/// Step size control shared by the subgradient loops: theta halves after `patience`
/// iterations without a better bound; the loop ends when it falls below min_theta.
struct SubgradientSteps {
  double theta = 2.0;
  int patience = 20;
  double min_theta = 1e-4;
  int max_iterations = 2000;
};

/// One subgradient iteration's bookkeeping: keeps value and multipliers u when they beat the
/// best bound so far, else counts a stall and halves theta after `patience` of them.
inline void keep_best_bound(double value, const std::vector<double>& u,
                            const SubgradientSteps& steps, double& bound,
                            std::vector<double>& multipliers, double& theta, int& stall) {
  if (value > bound) {
    bound = value;
    multipliers = u;
    stall = 0;
  } else if (++stall >= steps.patience) {
    theta /= 2.0;
    stall = 0;
  }
}

struct CoverBound {
  double bound = 0.0;               ///< the best (largest lower / smallest upper) bound
  std::vector<double> multipliers;  ///< at the best bound, one per row
  std::vector<std::uint32_t> best;  ///< best primal answer met on the way
  double best_value = 0.0;
  int iterations = 0;
};

/// Set covering: lower bound on the cost of covering every row. `incumbent` is a cover (may be
/// empty) whose cost starts the step rule; better covers found by the Lagrangian heuristic
/// (relaxed solution completed greedily, redundant columns dropped) are returned in `best`.
CoverBound scp_lower_bound(const CoverSets& sets, std::span<const double> column_cost,
                           const std::vector<std::uint32_t>& incumbent,
                           const SubgradientSteps& steps = {});

/// Reduced costs c_j - sum of the multipliers of column j's rows (for fixing columns).
std::vector<double> scp_reduced_costs(const CoverSets& sets, std::span<const double> column_cost,
                                      std::span<const double> multipliers);

/// Maximal covering with at most k columns: upper bound on the covered weight of the open rows.
/// `incumbent` (k columns or fewer) starts the step rule; the best k-sets met on the way are
/// returned in `best`.
CoverBound mclp_upper_bound(const CoverSets& sets, std::uint32_t k,
                            const std::vector<std::uint32_t>& incumbent,
                            const SubgradientSteps& steps = {});

}  // namespace planner
