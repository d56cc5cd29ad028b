#include "planner/siting/solvers/median_bound.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "planner/siting/solvers/median.h"

namespace planner {
namespace {

/// rho_j at multipliers u: only pairs cheaper than the floor can be negative.
void candidate_values(const SitingProblem& p, std::span<const double> u, std::vector<double>& rho) {
  rho.assign(p.candidate_count(), 0.0);
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    double s = 0.0;
    for (std::size_t a = 0; a < dem.size(); ++a) {
      const double v = p.weight(dem[a]) * cost[a] - u[dem[a]];
      if (v < 0.0) s += v;
    }
    rho[j] = s;
  }
}

/// Candidates ordered by rho ascending (ties: smaller index).
std::vector<std::uint32_t> by_value(const std::vector<double>& rho) {
  std::vector<std::uint32_t> order(rho.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (rho[a] != rho[b]) return rho[a] < rho[b];
    return a < b;
  });
  return order;
}

}  // namespace

MedianBound median_lower_bound(const SitingProblem& p, std::uint32_t k,
                               const std::vector<std::uint32_t>& incumbent,
                               const SubgradientSteps& steps) {
  const std::size_t n = p.demand_count();
  const std::uint32_t kk =
      static_cast<std::uint32_t>(std::min<std::size_t>(k, p.candidate_count()));
  MedianBound out;
  out.best = incumbent;
  out.best_value = median_cost(p, incumbent);
  out.bound = -std::numeric_limits<double>::infinity();
  // Start from what each demand pays in the incumbent: never above its floor.
  std::vector<double> u(n), cap(n);
  {
    std::vector<char> open(p.candidate_count(), 0);
    for (std::uint32_t s : incumbent) open[s] = 1;
    for (std::uint32_t i = 0; i < n; ++i) {
      cap[i] = p.weight(i) * p.floor_cost(i);
      double d = p.floor_cost(i);
      const auto cands = p.candidates_of(i);
      const auto costs = p.costs_to(i);
      for (std::size_t a = 0; a < cands.size() && costs[a] < d; ++a) {
        if (open[cands[a]]) d = costs[a];
      }
      u[i] = p.weight(i) * d;
    }
  }
  std::vector<double> rho, g(n);
  double theta = steps.theta;
  int stall = 0;
  for (int it = 0; it < steps.max_iterations && theta >= steps.min_theta; ++it) {
    out.iterations = it + 1;
    candidate_values(p, u, rho);
    const std::vector<std::uint32_t> order = by_value(rho);
    double value = std::accumulate(u.begin(), u.end(), 0.0);
    for (std::uint32_t a = 0; a < kk; ++a) value += rho[order[a]];
    keep_best_bound(value, u, steps, out.bound, out.multipliers, theta, stall);
    std::vector<std::uint32_t> picked(order.begin(), order.begin() + kk);
    const double c = median_cost(p, picked);
    if (c < out.best_value) {
      out.best_value = c;
      out.best = std::move(picked);
    }
    if (out.bound >= out.best_value - 1e-9 * std::max(1.0, out.best_value)) break;
    // g_i = 1 - (served by its floor) - (open candidates with w c < u).
    for (std::uint32_t i = 0; i < n; ++i) g[i] = u[i] >= cap[i] ? 0.0 : 1.0;
    for (std::uint32_t a = 0; a < kk; ++a) {
      const std::uint32_t j = order[a];
      const auto dem = p.demands_of(j);
      const auto cost = p.costs_of(j);
      for (std::size_t b = 0; b < dem.size(); ++b) {
        if (p.weight(dem[b]) * cost[b] < u[dem[b]]) g[dem[b]] -= 1.0;
      }
    }
    double norm = 0.0;
    for (std::uint32_t i = 0; i < n; ++i) {
      if ((u[i] <= 0.0 && g[i] < 0.0) || (u[i] >= cap[i] && g[i] > 0.0)) g[i] = 0.0;
      norm += g[i] * g[i];
    }
    if (norm == 0.0) break;  // the relaxed solution is feasible: optimal
    const double t = theta * std::max(out.best_value - value, 1e-9 * out.best_value) / norm;
    for (std::uint32_t i = 0; i < n; ++i) u[i] = std::clamp(u[i] + t * g[i], 0.0, cap[i]);
  }
  return out;
}

std::vector<int> median_fixing(const SitingProblem& p, std::uint32_t k, std::span<const double> u,
                               double target) {
  std::vector<int> fix(p.candidate_count(), 0);
  const std::size_t m = p.candidate_count();
  if (k == 0 || k >= m || u.empty()) return fix;
  std::vector<double> rho;
  candidate_values(p, u, rho);
  const std::vector<std::uint32_t> order = by_value(rho);
  double bound = std::accumulate(u.begin(), u.end(), 0.0);
  for (std::uint32_t a = 0; a < k; ++a) bound += rho[order[a]];
  const double last_in = rho[order[k - 1]];
  const double first_out = rho[order[k]];
  for (std::uint32_t a = 0; a < m; ++a) {
    const std::uint32_t j = order[a];
    if (a < k) {
      if (bound - rho[j] + first_out > target) fix[j] = 1;  // every solution without j is dearer
    } else {
      if (bound - last_in + rho[j] > target) fix[j] = -1;  // every solution with j is dearer
    }
  }
  return fix;
}

std::vector<double> median_caps(const SitingProblem& p, std::uint32_t k, std::span<const double> u,
                                double target) {
  const std::size_t m = p.candidate_count();
  std::vector<double> cap(p.demand_count(), inf_time);
  if (k == 0 || k >= m || u.empty()) return cap;
  std::vector<double> rho;
  candidate_values(p, u, rho);
  const std::vector<std::uint32_t> order = by_value(rho);
  std::vector<std::uint32_t> position(m);
  for (std::uint32_t a = 0; a < m; ++a) position[order[a]] = a;
  const double sum_u = std::accumulate(u.begin(), u.end(), 0.0);
  double base = 0.0;
  for (std::uint32_t a = 0; a < k; ++a) base += rho[order[a]];
  std::vector<char> closed(m, 0);
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    const auto cands = p.candidates_of(i);
    const auto costs = p.costs_to(i);
    double selected = base;
    std::uint32_t next = k;  // first position after the selection (closed ones skipped)
    std::size_t t = 0;
    for (; t < cands.size() && costs[t] < p.floor_cost(i); ++t) {
      const std::uint32_t j = cands[t];
      closed[j] = 1;
      if (position[j] < next) {
        // j leaves the k best: the next open candidate takes its place.
        while (next < m && closed[order[next]]) ++next;
        if (next == m) break;
        selected += rho[order[next]] - rho[j];
        ++next;
      }
      if (sum_u + selected > target) {
        cap[i] = costs[t];
        break;
      }
    }
    for (std::size_t a = 0; a <= t && a < cands.size(); ++a) closed[cands[a]] = 0;
  }
  return cap;
}

}  // namespace planner
