// Capacitated siting (cmclp, cpmedian) against enumeration on small random problems (fixed
// seed): every site set of at most k new sites, and for each every integer assignment under the
// capacities (whole-number weights and capacities, so the split optimum is whole too: a flow).
// The exact path finds the optimum; the heuristic's answer is a feasible assignment worth what
// it reports, and its bound never cuts the optimum off. Plus a hand-worked case of a capacity
// shortfall and an existing center that is always open.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/siting/solve.h"

namespace {

using planner::SitingModel;
using planner::SitingOptions;
using planner::SitingProblem;

constexpr double inf = std::numeric_limits<double>::infinity();

/// n demands (weights 0..3), m candidates (the first `existing` always open), costs 1..20 on
/// about 60% of the pairs, capacities 1..cap_max.
SitingProblem capacity_problem(std::uint32_t seed, std::uint32_t n, std::uint32_t m,
                               std::uint32_t existing, std::uint32_t cap_max,
                               double unreached = 25.0) {
  std::mt19937 rng(seed);
  auto below = [&](std::uint32_t k) { return static_cast<std::uint32_t>(rng() % k); };
  std::vector<double> weight(n), cap(m);
  std::vector<char> open(m, 0);
  std::vector<planner::SitingEntry> entries;
  for (std::uint32_t i = 0; i < n; ++i) {
    weight[i] = below(6) == 0 ? 0.0 : 1.0 + below(3);
    for (std::uint32_t j = 0; j < m; ++j) {
      if (below(10) < 6) entries.push_back({i, j, 1.0 + below(20)});
    }
  }
  for (std::uint32_t j = 0; j < m; ++j) {
    cap[j] = 1.0 + below(cap_max);
    open[j] = j < existing ? 1 : 0;
  }
  SitingProblem p(weight, std::vector<double>(m, 1.0), entries, {}, unreached);
  p.set_capacities(cap, open);
  return p;
}

double pair_cost(const SitingProblem& p, std::uint32_t i, std::uint32_t j) {
  const auto c = p.candidates_of(i);
  const auto cost = p.costs_to(i);
  for (std::size_t a = 0; a < c.size(); ++a) {
    if (c[a] == j) return cost[a];
  }
  return inf;
}

bool pair_serves(const SitingProblem& p, SitingModel model, double t, std::uint32_t i,
                 std::uint32_t j) {
  const double c = pair_cost(p, i, j);
  return model == SitingModel::cmclp ? c <= t : c < p.floor_cost(i);
}

/// The best integer assignment of the demands to `open` (amounts per demand and site), by
/// depth-first enumeration: served weight (cmclp, larger is better) or cost plus the floor cost
/// of what is left (cpmedian).
double best_assignment(const SitingProblem& p, SitingModel model, double t, bool split,
                       const std::vector<std::uint32_t>& open) {
  const bool maximise = model == SitingModel::cmclp;
  std::vector<double> room(p.candidate_count(), 0.0);
  for (std::uint32_t j : open) room[j] = p.capacity(j);
  double best = maximise ? -inf : inf;
  std::function<void(std::uint32_t, std::size_t, double, double)> go =
      [&](std::uint32_t i, std::size_t s, double left, double value) {
        if (i == p.demand_count()) {
          best = maximise ? std::max(best, value) : std::min(best, value);
          return;
        }
        const double w = p.weight(i);
        if (s == open.size()) {  // this demand is done: charge what is left, next demand
          const double v = maximise ? value : value + left * p.floor_cost(i);
          const double next_w = i + 1 < p.demand_count() ? p.weight(i + 1) : 0.0;
          go(i + 1, 0, next_w, v);
          return;
        }
        const std::uint32_t j = open[s];
        go(i, s + 1, left, value);  // nothing from this site
        if (w <= 0.0 || !pair_serves(p, model, t, i, j)) return;
        const double c = pair_cost(p, i, j);
        if (!split) {
          if (left == w && room[j] >= w) {
            room[j] -= w;
            go(i, open.size(), 0.0, value + (maximise ? w : w * c));
            room[j] += w;
          }
          return;
        }
        for (double a = 1.0; a <= std::min(left, room[j]); a += 1.0) {
          room[j] -= a;
          go(i, s + 1, left - a, value + (maximise ? a : a * c));
          room[j] += a;
        }
      };
  go(0, 0, p.demand_count() > 0 ? p.weight(0) : 0.0, 0.0);
  return best;
}

double brute_force(const SitingProblem& p, SitingModel model, double t, bool split,
                   std::uint32_t k) {
  const bool maximise = model == SitingModel::cmclp;
  std::vector<std::uint32_t> fixed, free;
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    (p.always_open(j) ? fixed : free).push_back(j);
  }
  double best = maximise ? -inf : inf;
  for (std::uint32_t mask = 0; mask < (1u << free.size()); ++mask) {
    std::vector<std::uint32_t> open = fixed;
    for (std::uint32_t b = 0; b < free.size(); ++b) {
      if (mask & (1u << b)) open.push_back(free[b]);
    }
    if (open.size() - fixed.size() > k) continue;
    const double v = best_assignment(p, model, t, split, open);
    best = maximise ? std::max(best, v) : std::min(best, v);
  }
  return best;
}

/// The reported assignment is feasible and worth the reported objective; returns that worth.
double check_assignment(const SitingProblem& p, const SitingOptions& o,
                        const planner::SitingSolution& s) {
  std::vector<char> open(p.candidate_count(), 0);
  std::uint32_t new_sites = 0;
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) open[j] = p.always_open(j) ? 1 : 0;
  for (const auto& r : s.sites) {
    EXPECT_FALSE(p.always_open(r.candidate));
    open[r.candidate] = 1;
    ++new_sites;
  }
  EXPECT_LE(new_sites, o.k);
  std::vector<double> load(p.candidate_count(), 0.0), got(p.demand_count(), 0.0);
  std::vector<std::uint32_t> sites_of(p.demand_count(), 0);
  double value = 0.0;
  for (const auto& a : s.assignment) {
    EXPECT_TRUE(open[a.candidate]) << "assigned to a closed site";
    EXPECT_TRUE(pair_serves(p, o.model, o.cover_cost.value_or(0.0), a.demand, a.candidate));
    EXPECT_GT(a.amount, 0.0);
    load[a.candidate] += a.amount;
    got[a.demand] += a.amount;
    ++sites_of[a.demand];
    value +=
        o.model == SitingModel::cmclp ? a.amount : a.amount * pair_cost(p, a.demand, a.candidate);
  }
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    EXPECT_LE(load[j], p.capacity(j) + 1e-6) << "site " << j;
  }
  double unassigned = 0.0;
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    EXPECT_LE(got[i], p.weight(i) + 1e-6);
    if (o.model == SitingModel::cpmedian && !o.split_demand) {
      EXPECT_LE(sites_of[i], 1u);
      if (sites_of[i] == 1) {
        EXPECT_NEAR(got[i], p.weight(i), 1e-6);
      }
    }
    if (o.model == SitingModel::cpmedian) value += (p.weight(i) - got[i]) * p.floor_cost(i);
    unassigned += p.weight(i) - got[i];
  }
  for (const auto& r : s.sites) EXPECT_NEAR(r.assigned, load[r.candidate], 1e-6);
  for (const auto& r : s.open_existing) EXPECT_NEAR(r.assigned, load[r.candidate], 1e-6);
  EXPECT_NEAR(s.objective, value, 1e-6 * std::max(1.0, value));
  EXPECT_LE(s.unassigned_weight, unassigned + 1e-6);
  return value;
}

struct CapCase {
  SitingModel model;
  bool split;
  std::uint32_t k;
  std::uint32_t cap_max;  ///< small: total capacity below demand
};

class CapacitatedAgainstEnumeration : public ::testing::TestWithParam<CapCase> {};

TEST_P(CapacitatedAgainstEnumeration, ExactFindsOptimumHeuristicIsFeasibleAndBounded) {
  const CapCase c = GetParam();
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    const SitingProblem p = capacity_problem(seed, 6, 5, seed % 2, c.cap_max);
    SitingOptions o;
    o.model = c.model;
    o.k = c.k;
    o.split_demand = c.model == SitingModel::cpmedian && c.split;
    o.cover_cost = 12.0;
    o.time_limit_s = 20.0;
    const double truth =
        brute_force(p, c.model, 12.0, c.model == SitingModel::cmclp || c.split, c.k);
    const double tol = 1e-6 * std::max(1.0, std::abs(truth));
    const bool maximise = c.model == SitingModel::cmclp;

    o.exact = false;
    const auto h = planner::solve_siting(p, o);
    check_assignment(p, o, h);
    if (maximise) {
      EXPECT_LE(h.objective, truth + tol) << "seed " << seed;
      EXPECT_GE(h.bound, truth - tol) << "seed " << seed;
    } else {
      EXPECT_GE(h.objective, truth - tol) << "seed " << seed;
      EXPECT_LE(h.bound, truth + tol) << "seed " << seed;
    }
    if (h.optimal) {
      EXPECT_NEAR(h.objective, truth, tol) << "seed " << seed;
    }

    o.exact = true;
    const auto e = planner::solve_siting(p, o);
    check_assignment(p, o, e);
    EXPECT_NEAR(e.objective, truth, tol) << "seed " << seed;
    EXPECT_TRUE(e.optimal) << "seed " << seed;
    EXPECT_EQ(e.gap, 0.0);
  }
}

INSTANTIATE_TEST_SUITE_P(Models, CapacitatedAgainstEnumeration,
                         ::testing::Values(CapCase{SitingModel::cmclp, true, 1, 6},
                                           CapCase{SitingModel::cmclp, true, 2, 3},
                                           CapCase{SitingModel::cpmedian, false, 2, 6},
                                           CapCase{SitingModel::cpmedian, false, 2, 2},
                                           CapCase{SitingModel::cpmedian, true, 2, 6},
                                           CapCase{SitingModel::cpmedian, true, 1, 2}));

// Two demands of 10 near a site of capacity 10 (A) and an existing center of capacity 4 (E):
//
//   demand 0 (w 10): E at 1, A at 2, B at 8        candidates: E always open (cap 4),
//   demand 1 (w 10): A at 1, B at 3                A (cap 10), B (cap 5); unreached cost 20
//
// cmclp, k = 1, threshold 5: A serves 10 and E 4, so 14 of 20; 6 are unassigned.
// cpmedian single, k = 1: with A, demand 1 -> A (10 x 1) and demand 0 fits nowhere (E has 4):
// 10 + 10 x 20 = 210; with B, demand 0 -> nothing fits (B 5, E 4), demand 1 -> nothing: 400.
// Split: with A, demand 1 -> A 10 (cost 10), demand 0 -> E 4 (4), 6 unassigned (120): 134;
// or demand 0 -> E 4 + A 6 (4 + 12), demand 1 -> A 4 (4) + 6 left (120): 140. So 134.
// With k = 2 split (19 of capacity for 20 of demand): E gives demand 0 4 (4), B demand 1 5
// (15); A's 10 go 5 to each (10 + 5) and demand 0 keeps 1 unit unserved (20): 54. Leaving a
// unit of demand 1 instead costs 55 (A serves 1 a unit cheaper than 0).
TEST(CapacitatedSiting, HandWorkedShortfallAndExistingCenter) {
  SitingProblem p({10.0, 10.0}, {1.0, 1.0, 1.0},
                  {{0, 0, 1.0}, {0, 1, 2.0}, {0, 2, 8.0}, {1, 1, 1.0}, {1, 2, 3.0}}, {}, 20.0);
  p.set_capacities({4.0, 10.0, 5.0}, {1, 0, 0});
  for (bool exact : {false, true}) {
    SitingOptions o;
    o.model = SitingModel::cmclp;
    o.k = 1;
    o.cover_cost = 5.0;
    o.exact = exact;
    auto s = planner::solve_siting(p, o);
    ASSERT_EQ(s.sites.size(), 1u);
    EXPECT_EQ(s.sites[0].candidate, 1u);
    EXPECT_NEAR(s.objective, 14.0, 1e-9);
    EXPECT_NEAR(s.served_weight, 14.0, 1e-9);
    EXPECT_NEAR(s.unassigned_weight, 6.0, 1e-9);
    EXPECT_NEAR(s.total_capacity, 14.0, 1e-9);
    EXPECT_NEAR(s.sites[0].assigned, 10.0, 1e-9);
    ASSERT_EQ(s.open_existing.size(), 1u);
    EXPECT_NEAR(s.open_existing[0].assigned, 4.0, 1e-9);
    EXPECT_TRUE(s.optimal);
    EXPECT_NEAR(s.fixed_weight, 10.0, 1e-9);    // demand 0 is within 5 of E
    EXPECT_NEAR(s.covered_weight, 20.0, 1e-9);  // both within 5 of an open site

    o.model = SitingModel::cpmedian;
    o.cover_cost.reset();
    s = planner::solve_siting(p, o);
    EXPECT_NEAR(s.objective, 210.0, 1e-9);
    EXPECT_NEAR(s.unassigned_weight, 10.0, 1e-9);
    EXPECT_EQ(s.unassigned_count, 1u);

    o.split_demand = true;
    s = planner::solve_siting(p, o);
    EXPECT_NEAR(s.objective, 134.0, 1e-9);
    EXPECT_NEAR(s.unassigned_weight, 6.0, 1e-9);
    o.k = 2;
    s = planner::solve_siting(p, o);
    EXPECT_NEAR(s.objective, brute_force(p, SitingModel::cpmedian, 0.0, true, 2), 1e-9);
    EXPECT_NEAR(s.objective, 54.0, 1e-9);
  }
}

TEST(CapacitatedSiting, RefusedWithoutCapacitiesOrWithSplitForOtherModels) {
  SitingProblem p({1.0}, {1.0}, {{0, 0, 1.0}});
  SitingOptions o;
  o.model = SitingModel::cpmedian;
  EXPECT_THROW(planner::solve_siting(p, o), planner::InvalidValue);
  o.model = SitingModel::pmedian;
  o.split_demand = true;
  EXPECT_THROW(planner::solve_siting(p, o), planner::InvalidValue);
  o.model = SitingModel::cmclp;
  o.split_demand = false;
  p.set_capacities({1.0});
  EXPECT_THROW(planner::solve_siting(p, o), planner::InvalidValue);  // no threshold
  o.cover_cost = 2.0;
  EXPECT_NEAR(planner::solve_siting(p, o).objective, 1.0, 1e-12);

  // No candidate at all (everything filtered out): an empty answer, not an error.
  SitingProblem none({5.0}, {}, {});
  none.set_capacities({});
  for (SitingModel m : {SitingModel::cmclp, SitingModel::cpmedian}) {
    for (bool exact : {false, true}) {
      o.model = m;
      o.exact = exact;
      const auto s = planner::solve_siting(none, o);
      EXPECT_TRUE(s.sites.empty());
      EXPECT_NEAR(s.objective, 0.0, 0.0);  // unreachable: not served, left out of the cost
      EXPECT_EQ(s.unreachable_count, 1u);
      EXPECT_TRUE(s.optimal);
    }
  }
}

}  // namespace
