// The solvers behind solve_siting(), one per model (internal to planner/siting_*.cpp).
//
// Each returns its chosen sites with the objective and a proven bound: the heuristic path
// always runs a Lagrangian bound; the exact path hands the model to CBC, after the heuristic
// gave it a start and the bound fixed what it could.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "planner/siting/model.h"
#include "planner/siting/problem.h"
#include "planner/siting/solvers/cover.h"

namespace planner::detail {

/// The time left of the user's limit.
class Deadline {
 public:
  explicit Deadline(double seconds)
      : m_end(std::chrono::steady_clock::now() +
              std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                  std::chrono::duration<double>(std::min(seconds, 1e9)))) {}
  double remaining_s() const {
    return std::chrono::duration<double>(m_end - std::chrono::steady_clock::now()).count();
  }

 private:
  std::chrono::steady_clock::time_point m_end;
};

struct ModelAnswer {
  std::vector<std::uint32_t> sites;
  double objective = 0.0;
  double bound = 0.0;
  bool optimal = false;
  std::string method;
};

ModelAnswer solve_lscp(const SitingProblem& problem, const SitingOptions& options,
                       const Deadline& deadline);
ModelAnswer solve_mclp(const SitingProblem& problem, const SitingOptions& options,
                       const Deadline& deadline);
ModelAnswer solve_pmedian(const SitingProblem& problem, const SitingOptions& options,
                          const Deadline& deadline);
ModelAnswer solve_pcenter(const SitingProblem& problem, const SitingOptions& options,
                          const Deadline& deadline);

/// Exact set covering of all rows with CBC (rows with identical columns merged, columns whose
/// reduced cost at `multipliers` proves them useless for any cover costing `target` or less are
/// left out). `incumbent` is a cover used as the MIP start; on return the best cover found.
/// Returns the proven lower bound, valid for covers costing `target` or less (a cover outside
/// costs more than target).
struct ExactCover {
  std::vector<std::uint32_t> columns;
  double value = 0.0;
  double bound = 0.0;
  bool optimal = false;
};
ExactCover exact_set_cover(const CoverSets& sets, std::span<const double> column_cost,
                           const std::vector<std::uint32_t>& incumbent,
                           std::span<const double> multipliers, double lagrangian_bound,
                           double target, double time_limit_s);

/// Exact maximal covering with at most k columns (identical rows merged); the bound is the
/// smaller of CBC's and the Lagrangian one.
ExactCover exact_max_cover(const CoverSets& sets, std::uint32_t k,
                           const std::vector<std::uint32_t>& incumbent, double lagrangian_bound,
                           double time_limit_s);

/// Bounds are compared with this slack: a proven bound within it of the objective is optimal.
double bound_tolerance(double value);

/// Smallest value a solution better than `incumbent` can have when every value is a whole
/// number (incumbent - 1), else the incumbent itself plus a hair (ties are not better).
double improvement_target(double incumbent, bool integral);

}  // namespace planner::detail
