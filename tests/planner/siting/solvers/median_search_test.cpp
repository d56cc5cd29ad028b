// The p-median search beyond the interchange (median_search.h) against brute force: on small
// planar instances (fixed seeds) where the interchange alone stops at a local optimum, the search
// reaches the optimum found by enumerating every k-set; it stops at once when the answer already
// meets the bound, and it repeats itself.
#include "planner/siting/solvers/median_search.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "planner/siting/solvers/median.h"

namespace {

using planner::SitingProblem;

struct Planar {
  SitingProblem problem;
  std::vector<std::vector<double>> cost;  ///< [demand][candidate], every pair present
  std::vector<double> weight;
};

/// Demands and candidates scattered over a square, whole-number distances, weights 1..9.
Planar planar_instance(std::uint32_t seed, std::uint32_t n, std::uint32_t m) {
  std::mt19937 rng(seed);  // the engine is fully specified; only its raw output is used
  auto below = [&](std::uint32_t k) { return static_cast<double>(rng() % k); };
  std::vector<double> dx(n), dy(n), cx(m), cy(m);
  Planar out;
  out.weight.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    dx[i] = below(1000);
    dy[i] = below(1000);
    out.weight[i] = 1.0 + below(9);
  }
  for (std::uint32_t j = 0; j < m; ++j) {
    cx[j] = below(1000);
    cy[j] = below(1000);
  }
  std::vector<planner::SitingEntry> entries;
  out.cost.assign(n, std::vector<double>(m));
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint32_t j = 0; j < m; ++j) {
      out.cost[i][j] = std::round(std::hypot(dx[i] - cx[j], dy[i] - cy[j]));
      entries.push_back({i, j, out.cost[i][j]});
    }
  }
  out.problem = SitingProblem(out.weight, std::vector<double>(m, 1.0), entries);
  return out;
}

/// Sum of weight x distance to the nearest of `sites`, from the matrix itself.
double cost_of(const Planar& p, const std::vector<std::uint32_t>& sites) {
  double total = 0.0;
  for (std::size_t i = 0; i < p.weight.size(); ++i) {
    double d = std::numeric_limits<double>::infinity();
    for (std::uint32_t s : sites) d = std::min(d, p.cost[i][s]);
    total += p.weight[i] * d;
  }
  return total;
}

/// Best k-set by enumeration: depth first, each level keeping every demand's nearest distance.
double enumerate_optimum(const Planar& p, std::uint32_t k) {
  const std::size_t n = p.weight.size(), m = p.cost[0].size();
  std::vector<std::vector<double>> nearest(k + 1, std::vector<double>(n, 1e300));
  double best = std::numeric_limits<double>::infinity();
  auto visit = [&](auto&& self, std::uint32_t depth, std::uint32_t from) -> void {
    if (depth == k) {
      double total = 0.0;
      for (std::size_t i = 0; i < n; ++i) total += p.weight[i] * nearest[depth][i];
      best = std::min(best, total);
      return;
    }
    for (std::uint32_t j = from; j + (k - depth) <= m; ++j) {
      for (std::size_t i = 0; i < n; ++i) {
        nearest[depth + 1][i] = std::min(nearest[depth][i], p.cost[i][j]);
      }
      self(self, depth + 1, j + 1);
    }
  };
  visit(visit, 0, 0);
  return best;
}

constexpr std::uint32_t demands = 60, candidates = 30, k = 6;

TEST(MedianSearch, ReachesTheEnumeratedOptimumWhereTheInterchangeStops) {
  int interchange_short = 0;
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    const Planar p = planar_instance(seed, demands, candidates);
    const double optimum = enumerate_optimum(p, k);
    std::vector<std::uint32_t> sites = planner::greedy_median(p.problem, k);
    const double local = planner::swap_median(p.problem, sites);
    EXPECT_EQ(local, cost_of(p, sites));
    if (local > optimum) ++interchange_short;
    const double found = planner::vns_median(p.problem, sites, local, 0.0);
    EXPECT_EQ(found, optimum) << "seed " << seed;
    EXPECT_EQ(found, cost_of(p, sites)) << "seed " << seed;
    ASSERT_EQ(sites.size(), k);
    std::vector<std::uint32_t> distinct = sites;
    std::sort(distinct.begin(), distinct.end());
    EXPECT_EQ(std::unique(distinct.begin(), distinct.end()), distinct.end());
  }
  // The instances are hard enough that the search has work to do.
  EXPECT_GE(interchange_short, 2);
}

TEST(MedianSearch, StopsWhenTheBoundIsMet) {
  const Planar p = planar_instance(3, demands, candidates);
  std::vector<std::uint32_t> sites = planner::greedy_median(p.problem, k);
  const double local = planner::swap_median(p.problem, sites);
  const std::vector<std::uint32_t> before = sites;
  // A bound equal to the answer proves it optimal: nothing is tried.
  EXPECT_EQ(planner::vns_median(p.problem, sites, local, local), local);
  EXPECT_EQ(sites, before);
  // No patience: no shake either.
  planner::MedianSearchEffort none;
  none.patience = 0;
  EXPECT_EQ(planner::vns_median(p.problem, sites, local, 0.0, none), local);
  EXPECT_EQ(sites, before);
}

TEST(MedianSearch, Repeats) {
  const Planar p = planar_instance(5, demands, candidates);
  std::vector<std::uint32_t> a = planner::greedy_median(p.problem, k);
  const double local = planner::swap_median(p.problem, a);
  std::vector<std::uint32_t> b = a;
  EXPECT_EQ(planner::vns_median(p.problem, a, local, 0.0),
            planner::vns_median(p.problem, b, local, 0.0));
  EXPECT_EQ(a, b);
}

}  // namespace
