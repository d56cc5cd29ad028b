#include "planner/siting/solvers/lagrangian.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "planner/siting/solvers/greedy.h"

namespace planner {
namespace {

double cover_cost(std::span<const double> cost, const std::vector<std::uint32_t>& cols) {
  double c = 0.0;
  for (std::uint32_t j : cols) c += cost[j];
  return c;
}

/// The k largest scores (ties: smaller index), as a set of columns.
std::vector<std::uint32_t> top_k(std::span<const double> score, std::uint32_t k) {
  std::vector<std::uint32_t> order(score.size());
  std::iota(order.begin(), order.end(), 0u);
  const std::size_t kk = std::min<std::size_t>(k, order.size());
  auto better = [&](std::uint32_t a, std::uint32_t b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return a < b;
  };
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kk), order.end(),
                   better);
  order.resize(kk);
  std::sort(order.begin(), order.end(), better);
  return order;
}

}  // namespace

std::vector<double> scp_reduced_costs(const CoverSets& sets, std::span<const double> column_cost,
                                      std::span<const double> u) {
  std::vector<double> rc(sets.column_count());
  for (std::uint32_t j = 0; j < sets.column_count(); ++j) {
    double s = column_cost[j];
    for (std::uint32_t r : sets.rows_of(j)) s -= u[r];
    rc[j] = s;
  }
  return rc;
}

CoverBound scp_lower_bound(const CoverSets& sets, std::span<const double> cost,
                           const std::vector<std::uint32_t>& incumbent,
                           const SubgradientSteps& steps) {
  const std::size_t rows = sets.row_count();
  CoverBound out;
  out.best = incumbent;
  out.best_value =
      incumbent.empty() ? std::numeric_limits<double>::infinity() : cover_cost(cost, incumbent);
  if (rows == 0) {
    out.best.clear();
    out.best_value = 0.0;
    return out;
  }
  // Start: each row's cheapest cost per row covered (Beasley 1990).
  std::vector<double> u(rows);
  for (std::uint32_t r = 0; r < rows; ++r) {
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t j : sets.columns_of(r)) {
      best = std::min(best, cost[j] / static_cast<double>(sets.rows_of(j).size()));
    }
    u[r] = best;
  }
  out.bound = -std::numeric_limits<double>::infinity();
  std::vector<double> g(rows);
  std::vector<std::uint32_t> chosen;
  double theta = steps.theta;
  int stall = 0;
  const bool large = sets.column_count() * 1.0 * rows > 5e7;
  for (int it = 0; it < steps.max_iterations && theta >= steps.min_theta; ++it) {
    out.iterations = it + 1;
    const std::vector<double> rc = scp_reduced_costs(sets, cost, u);
    double value = std::accumulate(u.begin(), u.end(), 0.0);
    chosen.clear();
    std::fill(g.begin(), g.end(), 1.0);
    for (std::uint32_t j = 0; j < rc.size(); ++j) {
      if (rc[j] >= 0.0) continue;
      value += rc[j];
      chosen.push_back(j);
      for (std::uint32_t r : sets.rows_of(j)) g[r] -= 1.0;
    }
    keep_best_bound(value, u, steps, out.bound, out.multipliers, theta, stall);
    // Lagrangian heuristic: the relaxed columns, completed and cleaned.
    if (!large || it % 10 == 0) {
      complete_cover(sets, cost, chosen);
      const double c = cover_cost(cost, chosen);
      if (c < out.best_value) {
        out.best_value = c;
        out.best = chosen;
      }
    }
    if (out.bound >= out.best_value - 1e-9 * std::max(1.0, out.best_value)) break;
    // Rows at zero that are over-covered cannot go lower: leave them out of the step.
    double norm = 0.0;
    for (std::uint32_t r = 0; r < rows; ++r) {
      if (u[r] <= 0.0 && g[r] < 0.0) g[r] = 0.0;
      norm += g[r] * g[r];
    }
    if (norm == 0.0) break;  // the relaxed solution is a feasible cover: optimal
    const double target = 1.05 * out.best_value - value;
    const double t = theta * std::max(target, 1e-9 * std::max(1.0, out.best_value)) / norm;
    for (std::uint32_t r = 0; r < rows; ++r) u[r] = std::max(0.0, u[r] + t * g[r]);
  }
  return out;
}

CoverBound mclp_upper_bound(const CoverSets& sets, std::uint32_t k,
                            const std::vector<std::uint32_t>& incumbent,
                            const SubgradientSteps& steps) {
  const std::size_t rows = sets.row_count();
  CoverBound out;
  out.best = incumbent;
  out.best_value = sets.covered_by(incumbent);
  out.bound = sets.open_weight();
  if (rows == 0 || k == 0) {
    out.bound = 0.0;
    return out;
  }
  // lambda_r in [0, w_r]; at w every column scores its own weight, the "k best gains" bound.
  std::vector<double> lambda(rows);
  for (std::uint32_t r = 0; r < rows; ++r) lambda[r] = sets.row_weight(r);
  std::vector<double> score(sets.column_count());
  std::vector<double> g(rows);
  double theta = steps.theta;
  int stall = 0;
  for (int it = 0; it < steps.max_iterations && theta >= steps.min_theta; ++it) {
    out.iterations = it + 1;
    for (std::uint32_t j = 0; j < score.size(); ++j) {
      double s = 0.0;
      for (std::uint32_t r : sets.rows_of(j)) s += lambda[r];
      score[j] = s;
    }
    const std::vector<std::uint32_t> picked = top_k(score, k);
    double value = 0.0;
    for (std::uint32_t r = 0; r < rows; ++r) {
      const double y = sets.row_weight(r) - lambda[r];
      value += y > 0.0 ? y : 0.0;
      g[r] = y > 0.0 ? -1.0 : 0.0;
    }
    for (std::uint32_t j : picked) {
      value += score[j];
      for (std::uint32_t r : sets.rows_of(j)) g[r] += 1.0;
    }
    if (value < out.bound) {
      out.bound = value;
      out.multipliers = lambda;
      stall = 0;
    } else if (++stall >= steps.patience) {
      theta /= 2.0;
      stall = 0;
    }
    const double covered = sets.covered_by(picked);
    if (covered > out.best_value) {
      out.best_value = covered;
      out.best = picked;
    }
    if (out.bound <= out.best_value + 1e-9 * std::max(1.0, out.best_value)) break;
    double norm = 0.0;
    for (std::uint32_t r = 0; r < rows; ++r) {
      if ((lambda[r] <= 0.0 && g[r] > 0.0) || (lambda[r] >= sets.row_weight(r) && g[r] < 0.0)) {
        g[r] = 0.0;
      }
      norm += g[r] * g[r];
    }
    if (norm == 0.0) break;
    const double t = theta * std::max(value - 0.95 * out.best_value, 1e-9) / norm;
    for (std::uint32_t r = 0; r < rows; ++r) {
      lambda[r] = std::clamp(lambda[r] - t * g[r], 0.0, sets.row_weight(r));
    }
  }
  return out;
}

}  // namespace planner
