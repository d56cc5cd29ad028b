// Every model against brute force on small random problems (fixed seed): the exact path finds
// the optimum, the heuristic path's bound never cuts it off, answers are repeatable, and the
// reported objective is what the sites really achieve. Costs, fixed facilities, missing pairs
// and weightless demand are all mixed in.
#include "planner/siting/solve.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "planner/siting/rank.h"

namespace {

using planner::SitingModel;
using planner::SitingOptions;
using planner::SitingProblem;

constexpr double inf = std::numeric_limits<double>::infinity();

SitingProblem random_problem(std::uint32_t seed, std::uint32_t n, std::uint32_t m) {
  std::mt19937 rng(seed);  // the engine is fully specified; only its raw output is used
  auto below = [&](std::uint32_t k) { return static_cast<std::uint32_t>(rng() % k); };
  std::vector<double> weight(n), fixed(n, inf), site_cost(m);
  std::vector<planner::SitingEntry> entries;
  for (std::uint32_t i = 0; i < n; ++i) {
    weight[i] = below(5) == 0 ? 0.0 : 1.0 + below(9);
    if (below(4) == 0) fixed[i] = 5.0 + below(20);
    for (std::uint32_t j = 0; j < m; ++j) {
      if (below(10) < 6) entries.push_back({i, j, 1.0 + below(30)});
    }
  }
  for (double& c : site_cost) c = 1.0 + below(4);
  return SitingProblem(weight, site_cost, entries, fixed);
}

/// Cost of demand i with the sites open (floor when none is nearer).
double nearest(const SitingProblem& p, std::uint32_t i, const std::vector<std::uint32_t>& s) {
  double d = p.floor_cost(i);
  const auto c = p.candidates_of(i);
  const auto cost = p.costs_to(i);
  for (std::size_t a = 0; a < c.size(); ++a) {
    if (std::find(s.begin(), s.end(), c[a]) != s.end()) d = std::min(d, cost[a]);
  }
  return d;
}

bool within(const SitingProblem& p, std::uint32_t i, const std::vector<std::uint32_t>& s,
            double t) {
  if (p.fixed_cost(i) <= t) return true;
  const auto c = p.candidates_of(i);
  const auto cost = p.costs_to(i);
  for (std::size_t a = 0; a < c.size(); ++a) {
    if (cost[a] <= t && std::find(s.begin(), s.end(), c[a]) != s.end()) return true;
  }
  return false;
}

/// Independent objective: what each model counts, written out plainly.
double objective(const SitingProblem& p, SitingModel model, double t,
                 const std::vector<std::uint32_t>& s) {
  double v = 0.0;
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    switch (model) {
      case SitingModel::mclp:
        v += within(p, i, s, t) ? p.weight(i) : 0.0;
        break;
      case SitingModel::pmedian:
        v += p.weight(i) * nearest(p, i, s);
        break;
      case SitingModel::pcenter:
        if (p.weight(i) > 0) v = std::max(v, nearest(p, i, s));
        break;
      case SitingModel::lscp:
      case SitingModel::cmclp:  // judged by their assignment: capacity_test.cpp
      case SitingModel::cpmedian:
        break;
    }
  }
  if (model == SitingModel::lscp) {
    for (std::uint32_t j : s) v += p.site_cost(j);
  }
  return v;
}

/// Every subset of the candidates (up to 2^m), visited with its members.
void for_each_subset(std::uint32_t m,
                     const std::function<void(const std::vector<std::uint32_t>&)>& f) {
  std::vector<std::uint32_t> s;
  for (std::uint32_t mask = 0; mask < (1u << m); ++mask) {
    s.clear();
    for (std::uint32_t j = 0; j < m; ++j) {
      if (mask & (1u << j)) s.push_back(j);
    }
    f(s);
  }
}

double brute_force(const SitingProblem& p, SitingModel model, std::uint32_t k, double t) {
  const bool maximise = model == SitingModel::mclp;
  double best = maximise ? -inf : inf;
  for_each_subset(static_cast<std::uint32_t>(p.candidate_count()), [&](const auto& s) {
    if (model == SitingModel::lscp) {
      // Must cover every demand some candidate (or the fixed facility) can cover.
      std::vector<std::uint32_t> all(p.candidate_count());
      for (std::uint32_t j = 0; j < all.size(); ++j) all[j] = j;
      for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
        if (p.weight(i) > 0 && within(p, i, all, t) && !within(p, i, s, t)) return;
      }
    } else if (s.size() > k) {
      return;
    }
    const double v = objective(p, model, t, s);
    best = maximise ? std::max(best, v) : std::min(best, v);
  });
  return best;
}

struct Case {
  SitingModel model;
  std::uint32_t k;
  double threshold;
};

class SitingAgainstBruteForce : public ::testing::TestWithParam<Case> {};

TEST_P(SitingAgainstBruteForce, ExactFindsOptimumHeuristicBoundHolds) {
  const Case c = GetParam();
  const double t = c.threshold;
  int cbc_runs = 0;  // instances the heuristic could not prove: CBC had to settle them
  for (std::uint32_t seed = 1; seed <= 25; ++seed) {
    const SitingProblem p = random_problem(seed, 60, 13);
    const double opt = brute_force(p, c.model, c.k, t);
    SitingOptions o;
    o.model = c.model;
    o.k = c.k;
    o.cover_cost = t;
    const bool maximise = c.model == SitingModel::mclp;

    const planner::SitingSolution heur = planner::solve_siting(p, o);
    std::vector<std::uint32_t> sites;
    for (const auto& r : heur.sites) sites.push_back(r.candidate);
    EXPECT_NEAR(heur.objective, objective(p, c.model, t, sites), 1e-9) << "seed " << seed;
    if (c.model != SitingModel::lscp) {
      EXPECT_LE(sites.size(), c.k);
    }
    if (maximise) {
      EXPECT_LE(heur.objective, opt + 1e-9) << "seed " << seed;
      EXPECT_GE(heur.bound, opt - 1e-9) << "seed " << seed;
    } else {
      EXPECT_GE(heur.objective, opt - 1e-9) << "seed " << seed;
      EXPECT_LE(heur.bound, opt + 1e-9) << "seed " << seed;
    }
    if (heur.optimal) {
      EXPECT_NEAR(heur.objective, opt, 1e-9) << "seed " << seed;
    }

    o.exact = true;
    const planner::SitingSolution ex = planner::solve_siting(p, o);
    EXPECT_NEAR(ex.objective, opt, 1e-9) << "seed " << seed;
    EXPECT_TRUE(ex.optimal) << "seed " << seed;
    EXPECT_EQ(ex.gap, 0.0);
    cbc_runs += ex.method.find("cbc") != std::string::npos ? 1 : 0;
  }
  EXPECT_GT(cbc_runs, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Models, SitingAgainstBruteForce,
    ::testing::Values(Case{SitingModel::lscp, 0, 15.0}, Case{SitingModel::mclp, 2, 10.0},
                      Case{SitingModel::mclp, 4, 10.0}, Case{SitingModel::pmedian, 2, 10.0},
                      Case{SitingModel::pmedian, 4, 10.0}, Case{SitingModel::pcenter, 2, 10.0},
                      Case{SitingModel::pcenter, 3, 10.0}),
    [](const auto& info) {
      return std::string(planner::to_string(info.param.model)) + "_k" +
             std::to_string(info.param.k);
    });

TEST(SitingSolve, SameInputSameAnswer) {
  const SitingProblem p = random_problem(77, 40, 20);
  for (SitingModel m :
       {SitingModel::lscp, SitingModel::mclp, SitingModel::pmedian, SitingModel::pcenter}) {
    SitingOptions o;
    o.model = m;
    o.k = 5;
    o.cover_cost = 12.0;
    o.curve_k = 5;
    const auto a = planner::solve_siting(p, o);
    const auto b = planner::solve_siting(p, o);
    ASSERT_EQ(a.sites.size(), b.sites.size());
    for (std::size_t r = 0; r < a.sites.size(); ++r) {
      EXPECT_EQ(a.sites[r].candidate, b.sites[r].candidate);
      EXPECT_EQ(a.sites[r].gain, b.sites[r].gain);
    }
    EXPECT_EQ(a.objective, b.objective);
    EXPECT_EQ(a.bound, b.bound);
  }
}

TEST(SitingSolve, RankingPutsTheBiggestGainFirstAndCurveIsMonotone) {
  const SitingProblem p = random_problem(5, 60, 25);
  SitingOptions o;
  o.model = SitingModel::mclp;
  o.k = 6;
  o.cover_cost = 12.0;
  o.curve_k = 8;
  const auto s = planner::solve_siting(p, o);
  for (std::size_t r = 1; r < s.sites.size(); ++r) {
    EXPECT_GE(s.sites[r - 1].gain, s.sites[r].gain);
    EXPECT_NEAR(s.sites[r].cum_gain, s.sites[r - 1].cum_gain + s.sites[r].gain, 1e-9);
    EXPECT_GE(s.sites[r].covered, s.sites[r - 1].covered);
  }
  EXPECT_NEAR(s.sites.back().covered, s.covered_weight, 1e-9);
  EXPECT_NEAR(s.covered_weight, s.objective, 1e-9);
  ASSERT_EQ(s.curve.size(), 8u);
  for (std::size_t k = 0; k < s.curve.size(); ++k) {
    EXPECT_LE(s.curve[k].greedy_weight, s.curve[k].best_weight + 1e-9);
    EXPECT_LE(s.curve[k].best_weight, s.curve[k].bound_weight + 1e-9);
    if (k > 0) {
      EXPECT_GE(s.curve[k].greedy_weight, s.curve[k - 1].greedy_weight);
    }
  }
}

TEST(SitingSolve, DegenerateProblemsGiveEmptyOrTrivialAnswers) {
  // No candidates; everything covered already; more sites asked than candidates exist.
  const SitingProblem none({3, 4}, {}, {});
  const SitingProblem covered({3, 4}, {1, 1}, {{0, 0, 1}, {1, 1, 1}}, {0.0, 0.0});
  const SitingProblem few({3, 4}, {1, 1}, {{0, 0, 1}, {1, 1, 1}, {0, 1, 3}});
  for (SitingModel m :
       {SitingModel::lscp, SitingModel::mclp, SitingModel::pmedian, SitingModel::pcenter}) {
    for (bool exact : {false, true}) {
      SitingOptions o;
      o.model = m;
      o.k = 5;
      o.cover_cost = 2.0;
      o.exact = exact;
      const auto a = planner::solve_siting(none, o);
      EXPECT_TRUE(a.sites.empty());
      EXPECT_TRUE(a.optimal);
      EXPECT_EQ(a.uncoverable_count, 2u);
      EXPECT_EQ(a.unreachable_count, 2u);
      const auto b = planner::solve_siting(covered, o);
      EXPECT_EQ(b.covered_count, 2u);
      EXPECT_TRUE(b.optimal);
      if (m != SitingModel::pcenter) {
        EXPECT_TRUE(b.sites.empty());  // nothing to gain
      }
      const auto c = planner::solve_siting(few, o);
      EXPECT_LE(c.sites.size(), 2u);
      EXPECT_EQ(c.covered_count, 2u);
      EXPECT_TRUE(c.optimal);
    }
  }
}

TEST(SitingSolve, OptionsThatDoNotFitAreRefused) {
  const SitingProblem p = random_problem(3, 5, 4);
  SitingOptions o;
  o.model = SitingModel::mclp;
  EXPECT_THROW(planner::solve_siting(p, o), std::invalid_argument);  // no threshold
  o.cover_cost = 5.0;
  o.k = 0;
  EXPECT_THROW(planner::solve_siting(p, o), std::invalid_argument);
  EXPECT_EQ(planner::parse_siting_model("pmedian"), SitingModel::pmedian);
  EXPECT_FALSE(planner::parse_siting_model("p-median").has_value());
}

}  // namespace
