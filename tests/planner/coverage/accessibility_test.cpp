// Accessibility scores (planner/coverage/accessibility.h) on a hand-drawn street with known
// minutes: every method's values computed here, from the table of walks below, by the formulas
// of the issue (#13) and docs/accessibility.md, and compared with the engine's output.
#include "planner/coverage/accessibility.h"

#include <cmath>
#include <functional>
#include <optional>

#include <gtest/gtest.h>

#include "planner/coverage/access_matrix.h"
#include "planner/coverage/access_scores.h"
#include "planner/coverage/evaluation.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::AccessMethod;
using testing_support::drawn_network;
using testing_support::square;

// One straight street along y = 0, vertices every 400 m; walking at 1 m/s, so seconds are
// metres. Centers stand on the street; blocks are 2 m squares 5 m south of it (a 5 m leg).
//
//   x:  0     195   395   400  700  800  905   1200  1500  1600  1695  2000  2395 2400
//       C0----------------+----C1---+----------+-----C2----+-----------+-----------+
//             B0    B1                   B2                      B3                B4
//
// Walks (s), t0 = 10 min = 600 s; "-" is beyond t0:
//          C0 (cap 10)   C1 (cap 20)   C2 (cap 5)
//   B0 100p   200           510           -          200: exactly E2SFCA's first bound
//   B1 200p   400           310           -          400: exactly the second bound
//   B2 300p   -             210           600        600: exactly t0 (kept; Gaussian W = 0)
//   B3  50p   -             -             200
//   B4  80p   -             -             -          reaches nothing: score 0
constexpr double t0_s = 600.0;
const double none = planner::inf_time;
const double walk_s[5][3] = {
    {200, 510, none}, {400, 310, none}, {none, 210, 600}, {none, none, 200}, {none, none, none}};
const double pop[5] = {100, 200, 300, 50, 80};
const double capacity[3] = {10, 20, 5};

planner::Network network() {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  for (int i = 0; i <= 6; ++i) v.push_back({400.0 * i, 0});
  for (int i = 0; i < 6; ++i) e.push_back({i, i + 1});
  return drawn_network(v, e);
}

planner::Inputs inputs() {
  planner::Inputs in;
  const double center_x[3] = {0, 700, 1500};
  for (int c = 0; c < 3; ++c) {
    planner::Center center{"C" + std::to_string(c), "", "", {center_x[c], 0}};
    center.capacity = capacity[c];
    in.centers.push_back(center);
  }
  // B1's id sorts before B0's, so their tie in 2SFCA and BFCA ranks B1 first.
  const char* ids[5] = {"b0", "a1", "b2", "b3", "b4"};
  const double block_x[5] = {195, 395, 905, 1695, 2395};
  for (int b = 0; b < 5; ++b)
    in.blocks.push_back({ids[b], "", "", pop[b], square({block_x[b], -5}, 1)});
  return in;
}

planner::EvaluationParams params(std::vector<AccessMethod> methods) {
  planner::EvaluationParams p;
  p.speed_kmh = 3.6;  // 1 m/s
  p.minutes = {10.0};
  p.threads = 1;
  p.access = planner::AccessParams{std::move(methods), 0.0, {}};  // t0: the cover threshold
  return p;
}

/// The formulas straight from the table: D_j, R_j (nullopt when D_j = 0) and A_i, with the
/// demand-side weight wd(i, j) and supply-side weight ws(i, j) (0 beyond t0).
struct Expected {
  double demand[3]{}, access[5]{};
  std::optional<double> ratio[3];
};

Expected by_formula(const std::function<double(int, int)>& wd,
                    const std::function<double(int, int)>& ws) {
  Expected x;
  for (int j = 0; j < 3; ++j) {
    for (int i = 0; i < 5; ++i) x.demand[j] += wd(i, j) * pop[i];
    if (x.demand[j] > 0) x.ratio[j] = capacity[j] / x.demand[j];
  }
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 3; ++j) x.access[i] += x.ratio[j] ? ws(i, j) * *x.ratio[j] : 0.0;
  }
  return x;
}

bool within(int i, int j) {
  return walk_s[i][j] <= t0_s;
}

double e2sfca_weight(double t) {  // 5:1, 10:0.68, 15:0.22 scaled to t0 = 10: 200 s, 400 s, 600 s
  if (t <= 200) return 1.0;
  if (t <= 400) return 0.68;
  if (t <= 600) return 0.22;
  return 0.0;
}

double gaussian_weight(double t) {
  if (t > t0_s) return 0.0;
  return (std::exp(-0.5 * (t / t0_s) * (t / t0_s)) - std::exp(-0.5)) / (1 - std::exp(-0.5));
}

Expected expected(AccessMethod m) {
  switch (m) {
    case AccessMethod::two_step: {
      auto w = [](int i, int j) { return within(i, j) ? 1.0 : 0.0; };
      return by_formula(w, w);
    }
    case AccessMethod::enhanced: {
      auto w = [](int i, int j) { return e2sfca_weight(walk_s[i][j]); };
      return by_formula(w, w);
    }
    case AccessMethod::gaussian: {
      auto w = [](int i, int j) { return gaussian_weight(walk_s[i][j]); };
      return by_formula(w, w);
    }
    case AccessMethod::balanced: {
      auto centers_of = [](int i) {
        int n = 0;
        for (int j = 0; j < 3; ++j) n += within(i, j) ? 1 : 0;
        return n;
      };
      auto blocks_of = [](int j) {
        int n = 0;
        for (int i = 0; i < 5; ++i) n += within(i, j) ? 1 : 0;
        return n;
      };
      auto row = [&](int i, int j) { return within(i, j) ? 1.0 / centers_of(i) : 0.0; };
      auto column = [&](int i, int j) { return within(i, j) ? 1.0 / blocks_of(j) : 0.0; };
      return by_formula(row, column);
    }
  }
  return {};
}

const std::vector<AccessMethod> all_methods{AccessMethod::two_step, AccessMethod::enhanced,
                                            AccessMethod::gaussian, AccessMethod::balanced};

TEST(Accessibility, MatrixHoldsTheHandWorkedWalksWithinT0) {
  const auto net = network();
  const auto in = inputs();
  const auto ev = planner::evaluate(net, in, params({AccessMethod::two_step}));
  const planner::WalkTimes walk(net, 1.0);
  const auto m = planner::access_matrix(net, walk, ev.sites, ev.sources, t0_s, 1, {});
  ASSERT_EQ(m.rows(), 3u);
  int pairs = 0;
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ(m.center[r], r);
    std::optional<std::uint32_t> previous;
    for (const planner::AccessPair& p : m.row(r)) {
      EXPECT_NEAR(p.time_s, walk_s[p.block][r], 1e-9) << "block " << p.block << " center " << r;
      if (previous) {
        EXPECT_LT(*previous, p.block);  // ascending block order
      }
      previous = p.block;
      ++pairs;
    }
  }
  int expected_pairs = 0;
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 3; ++j) expected_pairs += within(i, j) ? 1 : 0;
  }
  EXPECT_EQ(pairs, expected_pairs);  // 7: every pair within t0, and no other
}

TEST(Accessibility, EveryMethodEqualsTheFormulasOnTheHandWorkedNetwork) {
  const auto net = network();
  const auto in = inputs();
  for (AccessMethod method : all_methods) {
    SCOPED_TRACE(std::string(planner::to_string(method)));
    const auto ev = planner::evaluate(net, in, params({method}));
    ASSERT_TRUE(ev.access.has_value());
    const planner::AccessResult& r = *ev.access;
    EXPECT_EQ(r.t0_minutes, 10.0);
    const Expected x = expected(method);
    ASSERT_EQ(r.score.size(), 1u);
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(r.score[0][i].has_value()) << "block " << i;
      EXPECT_NEAR(*r.score[0][i], 1000.0 * x.access[i], 1e-9) << "block " << i;
    }
    for (int j = 0; j < 3; ++j) {
      ASSERT_TRUE(r.demand[j].has_value());
      EXPECT_NEAR(*r.demand[j], x.demand[j], 1e-9) << "center " << j;
      ASSERT_EQ(r.ratio[j].has_value(), x.ratio[j].has_value()) << "center " << j;
      if (x.ratio[j]) {
        EXPECT_NEAR(*r.ratio[j], 1000.0 * *x.ratio[j], 1e-9) << "center " << j;
      }
    }
    EXPECT_EQ(*r.score[0][4], 0.0);  // B4 reaches no center: 0, not null
  }
}

TEST(Accessibility, HandWorkedNumbersOfTheDocs) {
  // docs/accessibility.md's worked example, by hand: 2SFCA D = 300, 600, 350;
  // R = 10/300, 20/600, 5/350; A(B2) = 1000 x (20/600 + 5/350) = 47.619...
  const auto ev = planner::evaluate(network(), inputs(), params(all_methods));
  const planner::AccessResult& r = *ev.access;
  EXPECT_NEAR(*r.demand[1], 600.0, 1e-9);
  EXPECT_NEAR(*r.score[0][2], 1000.0 * (20.0 / 600 + 5.0 / 350), 1e-9);
  // E2SFCA: D(C1) = 0.22 x 100 + 0.68 x 200 + 0.68 x 300 = 362; B3 = 1000 x 5 / 116.
  EXPECT_NEAR(*r.score[1][3], 1000.0 * 5.0 / (0.22 * 300 + 50), 1e-9);
  // BFCA: B3 takes half of C2's ratio 5 / (300/2 + 50).
  EXPECT_NEAR(*r.score[3][3], 1000.0 * 0.5 * 5.0 / 200.0, 1e-9);
  // Several methods give one score row each, in the order asked.
  ASSERT_EQ(r.score.size(), 4u);
  for (std::size_t m = 0; m < 4; ++m) {
    const Expected x = expected(all_methods[m]);
    for (int i = 0; i < 5; ++i) EXPECT_NEAR(*r.score[m][i], 1000.0 * x.access[i], 1e-9);
  }
}

TEST(Accessibility, BfcaSplitsDemandAndSupplyOnce) {
  const auto ev = planner::evaluate(network(), inputs(), params({AccessMethod::balanced}));
  const planner::AccessResult& r = *ev.access;
  double demand = 0, ratio = 0, access = 0;
  for (int j = 0; j < 3; ++j) demand += *r.demand[j];
  for (int j = 0; j < 3; ++j) ratio += *r.ratio[j];
  for (int i = 0; i < 5; ++i) access += *r.score[0][i];
  EXPECT_NEAR(demand, 100 + 200 + 300 + 50, 1e-9);  // everyone but B4, who reaches nothing
  EXPECT_NEAR(access, ratio, 1e-9);
}

TEST(Accessibility, TwoStepFamilySharesOutExactlyTheReachedCapacity) {
  // sum_i A_i P_i = sum_j S_j over centers some populated block reaches (with W > 0): all three.
  const auto ev = planner::evaluate(network(), inputs(), params(all_methods));
  for (std::size_t m = 0; m < 3; ++m) {
    double shared = 0;
    for (int i = 0; i < 5; ++i) shared += *ev.access->score[m][i] / 1000.0 * pop[i];
    EXPECT_NEAR(shared, 10 + 20 + 5, 1e-9) << planner::to_string(all_methods[m]);
  }
}

TEST(Accessibility, RankLoadAndListsFollowTheFirstMethod) {
  const auto ev = planner::evaluate(network(), inputs(), params(all_methods));
  const planner::AccessResult& r = *ev.access;
  // 2SFCA: B0 = B1 = 66.67 (tie: id "a1" before "b0"), B2 = 47.62, B3 = 14.29, B4 = 0.
  ASSERT_EQ(*r.score[0][0], *r.score[0][1]);
  EXPECT_EQ(r.rank[1], 1u);
  EXPECT_EQ(r.rank[0], 2u);
  EXPECT_EQ(r.rank[2], 3u);
  EXPECT_EQ(r.rank[3], 4u);
  EXPECT_EQ(r.rank[4], 5u);
  // Loads: D/S = 30, 30, 70 against sum D / sum S = 1250 / 35.
  const double average = 1250.0 / 35.0;
  EXPECT_NEAR(*r.load[0], 30 / average, 1e-9);
  EXPECT_NEAR(*r.load[1], 30 / average, 1e-9);
  EXPECT_NEAR(*r.load[2], 70 / average, 1e-9);
  EXPECT_EQ(r.most_loaded, (std::vector<std::uint32_t>{2, 0, 1}));  // C0 = C1: by id
  EXPECT_EQ(r.worst_served, (std::vector<std::uint32_t>{4, 3, 2, 1, 0}));
  EXPECT_EQ(r.centers_without_capacity, 0u);
  EXPECT_EQ(r.pairs, 7u);
}

TEST(Accessibility, CenterWithoutDemandHasNoRatioNotInfinity) {
  auto in = inputs();
  in.blocks[4].pop.reset();  // B4 has no population value: it demands nothing
  planner::Center idle{"C3", "", "", {2400, 0}};
  idle.capacity = 7.0;
  in.centers.push_back(idle);                        // 10 s from B4 only
  planner::Center unknown{"C4", "", "", {1500, 0}};  // beside C2, no capacity value
  in.centers.push_back(unknown);
  const auto ev = planner::evaluate(network(), in, params(all_methods));
  const planner::AccessResult& r = *ev.access;
  ASSERT_TRUE(r.demand[3].has_value());
  EXPECT_EQ(*r.demand[3], 0.0);
  EXPECT_FALSE(r.ratio[3].has_value());
  EXPECT_FALSE(r.load[3].has_value());
  for (const auto& scores : r.score) {
    ASSERT_TRUE(scores[4].has_value());
    EXPECT_EQ(*scores[4], 0.0);  // reaches only C3, which has no ratio
    for (const auto& s : scores) EXPECT_TRUE(std::isfinite(*s));
  }
  // C4 counts as capacity 0: a ratio of 0, no load, and it halves nobody's capacity.
  EXPECT_EQ(r.centers_without_capacity, 1u);
  EXPECT_EQ(*r.ratio[4], 0.0);
  EXPECT_FALSE(r.load[4].has_value());
  EXPECT_EQ(std::count(r.most_loaded.begin(), r.most_loaded.end(), 4u), 0);
  // B4 has no population: never among the worst served.
  EXPECT_EQ(std::count(r.worst_served.begin(), r.worst_served.end(), 4u), 0);
}

TEST(Accessibility, BlockWithoutAccessPointHasNoScore) {
  auto in = inputs();
  in.blocks.push_back({"far", "", "", 40.0, square({1000, 5000}, 1)});
  const auto ev = planner::evaluate(network(), in, params(all_methods));
  for (const auto& scores : ev.access->score) EXPECT_FALSE(scores[5].has_value());
  EXPECT_FALSE(ev.access->rank[5].has_value());
}

TEST(Accessibility, UnsnappedCentersTakeNoPart) {
  auto in = inputs();
  planner::Center off{"off", "", "", {700, 5000}};
  off.capacity = 1000.0;
  in.centers.insert(in.centers.begin() + 1, off);
  const auto ev = planner::evaluate(network(), in, params({AccessMethod::two_step}));
  const Expected x = expected(AccessMethod::two_step);
  EXPECT_FALSE(ev.access->demand[1].has_value());
  EXPECT_FALSE(ev.access->load[1].has_value());
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(*ev.access->score[0][i], 1000.0 * x.access[i], 1e-9);
}

TEST(Accessibility, E2sfcaTimeOnABoundTakesThatBoundsWeight) {
  const auto steps = planner::default_steps(15.0);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].upper_minutes, 5.0);
  EXPECT_EQ(steps[1].upper_minutes, 10.0);
  EXPECT_EQ(steps[2].upper_minutes, 15.0);
  EXPECT_EQ(planner::access_weight(AccessMethod::enhanced, 300.0, 900.0, steps), 1.0);
  EXPECT_EQ(
      planner::access_weight(AccessMethod::enhanced, std::nextafter(300.0, 400.0), 900.0, steps),
      0.68);
  EXPECT_EQ(planner::access_weight(AccessMethod::enhanced, 600.0, 900.0, steps), 0.68);
  EXPECT_EQ(planner::access_weight(AccessMethod::enhanced, 900.0, 900.0, steps), 0.22);
  // On the network: B0 walks exactly 200 s (weight 1). One metre farther it weighs 0.68.
  auto in = inputs();
  in.blocks[0].shape = square({196, -5}, 1);  // 201 s
  const auto ev = planner::evaluate(network(), in, params({AccessMethod::enhanced}));
  const double d0 = 0.68 * 100 + 0.68 * 200, d1 = 0.22 * 100 + 0.68 * 200 + 0.68 * 300;
  EXPECT_NEAR(*ev.access->demand[0], d0, 1e-9);
  EXPECT_NEAR(*ev.access->score[0][0], 1000.0 * (0.68 * 10 / d0 + 0.22 * 20 / d1), 1e-9);
}

TEST(Accessibility, ExplicitT0AndSteps) {
  // t0 = 6 min = 360 s with steps 200 s : 1, 360 s : 0.5. Pairs kept: B0-C0 200, B1-C1 310,
  // B2-C1 210, B3-C2 200.
  auto p = params({AccessMethod::enhanced});
  p.access->t0_minutes = 6.0;
  p.access->steps = {{200.0 / 60.0, 1.0}, {6.0, 0.5}};
  const auto ev = planner::evaluate(network(), inputs(), p);
  const planner::AccessResult& r = *ev.access;
  EXPECT_EQ(r.pairs, 4u);
  EXPECT_NEAR(*r.demand[1], 0.5 * 200 + 0.5 * 300, 1e-9);  // 310 s and 210 s: both past 200
  EXPECT_NEAR(*r.score[0][1], 1000.0 * 0.5 * 20 / 250.0, 1e-9);
  EXPECT_NEAR(*r.score[0][0], 1000.0 * 10 / 100.0, 1e-9);
}

TEST(Accessibility, ThreadCountDoesNotChangeTheResult) {
  auto in = inputs();
  // More centers than threads, so both threads take work.
  for (int c = 0; c < 12; ++c) {
    planner::Center extra{"X" + std::to_string(c), "", "", {200.0 * c, 0}};
    extra.capacity = 1.0 + c;
    in.centers.push_back(extra);
  }
  auto p = params(all_methods);
  const auto one = planner::evaluate(network(), in, p);
  p.threads = 2;
  const auto two = planner::evaluate(network(), in, p);
  EXPECT_EQ(one.access->score, two.access->score);
  EXPECT_EQ(one.access->rank, two.access->rank);
  EXPECT_EQ(one.access->demand, two.access->demand);
  EXPECT_EQ(one.access->ratio, two.access->ratio);
  EXPECT_EQ(one.access->load, two.access->load);
  EXPECT_EQ(one.access->most_loaded, two.access->most_loaded);
  EXPECT_EQ(one.access->worst_served, two.access->worst_served);
}

TEST(Accessibility, WithoutAccessTheEvaluationIsUnchanged) {
  auto p = params({AccessMethod::two_step});
  const auto with = planner::evaluate(network(), inputs(), p);
  p.access.reset();
  const auto without = planner::evaluate(network(), inputs(), p);
  EXPECT_FALSE(without.access.has_value());
  for (std::size_t b = 0; b < 5; ++b) {
    EXPECT_EQ(with.blocks[b].time_s, without.blocks[b].time_s);
    EXPECT_EQ(with.blocks[b].status, without.blocks[b].status);
  }
}

TEST(Accessibility, NegativeCapacityIsRefusedNamingTheCenter) {
  auto in = inputs();
  in.centers[1].capacity = -3.0;
  try {
    planner::evaluate(network(), in, params({AccessMethod::two_step}));
    FAIL() << "no error";
  } catch (const planner::InvalidValue& e) {
    EXPECT_NE(std::string(e.what()).find("center C1"), std::string::npos) << e.what();
  }
}

}  // namespace
