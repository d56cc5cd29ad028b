#include "planner/coverage/access_scores.h"

#include <cmath>

namespace planner {
namespace {

/// Demand, then ratio, then scores, with per-pair weights w(row, pair) for both steps (the
/// 2SFCA family weighs both steps alike).
template <typename DemandWeight, typename SupplyWeight>
MethodScores two_steps(const AccessMatrix& matrix, std::span<const double> pop,
                       std::span<const double> capacity, DemandWeight demand_weight,
                       SupplyWeight supply_weight) {
  MethodScores out;
  out.access.assign(pop.size(), 0.0);
  out.demand.assign(matrix.rows(), 0.0);
  out.ratio.assign(matrix.rows(), std::nullopt);
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    double d = 0.0;
    for (const AccessPair& p : matrix.row(r)) d += demand_weight(r, p) * pop[p.block];
    out.demand[r] = d;
    if (d > 0.0) out.ratio[r] = capacity[r] / d;
  }
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    if (!out.ratio[r]) continue;  // no demand: nothing to share, and no infinity
    for (const AccessPair& p : matrix.row(r)) {
      out.access[p.block] += supply_weight(r, p) * *out.ratio[r];
    }
  }
  return out;
}

}  // namespace

double access_weight(AccessMethod method, double time_s, double t0_s,
                     std::span<const AccessStep> steps) {
  switch (method) {
    case AccessMethod::two_step:
    case AccessMethod::balanced:
      return 1.0;
    case AccessMethod::enhanced:
      for (const AccessStep& s : steps) {
        if (time_s <= s.upper_minutes * 60.0) return s.weight;
      }
      // The last bound is t0 and every pair is within t0: only rounding of t0 in seconds
      // (minutes x 60 against the cover threshold's own seconds) can land here.
      return steps.empty() ? 0.0 : steps.back().weight;
    case AccessMethod::gaussian: {
      const double r = time_s / t0_s;
      const double edge = std::exp(-0.5);
      return (std::exp(-0.5 * r * r) - edge) / (1.0 - edge);
    }
  }
  return 0.0;
}

MethodScores score_access(const AccessMatrix& matrix, AccessMethod method, double t0_s,
                          std::span<const AccessStep> steps, std::span<const double> pop,
                          std::span<const double> capacity) {
  if (method != AccessMethod::balanced) {
    auto w = [&](std::size_t, const AccessPair& p) {
      return access_weight(method, p.time_s, t0_s, steps);
    };
    return two_steps(matrix, pop, capacity, w, w);
  }
  // BFCA: a block's demand is split among the centers it reaches (sum_k W_ik, counted over the
  // matrix), a center's supply among the blocks it reaches (sum_k W_kj, its row's length: the
  // matrix's rows are centers).
  std::vector<double> centers_reached(pop.size(), 0.0);
  for (const AccessPair& p : matrix.pairs) centers_reached[p.block] += 1.0;
  auto row_weight = [&](std::size_t, const AccessPair& p) {
    return 1.0 / centers_reached[p.block];
  };
  auto column_weight = [&](std::size_t r, const AccessPair&) {
    return 1.0 / static_cast<double>(matrix.row(r).size());
  };
  return two_steps(matrix, pop, capacity, row_weight, column_weight);
}

}  // namespace planner
