// Blocks measured against a standard (planner/coverage/compliance.h) on hand-drawn networks with
// hand-worked minutes and metres: the tier threshold flips `met`, higher-serves, radius against
// walk across a river, network metres that no speed changes, monotone thresholds, and the walk
// tiers' consistency with evaluate() run with only the serving centers.
#include "planner/coverage/compliance.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"
#include "tests/planner/coverage/tier_consistency.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::TierDefinition;
using testing_support::drawn_network;
using testing_support::square;

planner::StandardTier tier(std::string name, std::vector<std::string> centers, TierDefinition d,
                           double threshold, bool higher_serves = true) {
  planner::StandardTier t;
  t.name = std::move(name);
  t.center_tiers = std::move(centers);
  t.definition = d;
  t.threshold = threshold;
  t.higher_serves = higher_serves;
  return t;
}

planner::EvaluationParams params(const planner::Standard& standard) {
  planner::EvaluationParams p;
  p.speed_kmh = 3.6;  // 1 m/s: seconds are metres
  p.max_snap_m = 300.0;
  p.sample_spacing_m = 1.0;
  p.threads = 1;
  p.standard = standard;
  return p;
}

planner::Block block(std::string id, planner::XY at, std::optional<double> pop = std::nullopt) {
  return {std::move(id), "", "", pop, square(at, 1.0)};
}

//   C ------------------------------------------ (2000, 0)     C: 村社区级 center at (0, 0)
//              a9.9   a10  a10.1                               blocks 5 m south of the road
TEST(Compliance, TenMinuteTierFlipsBetween9_9And10_1Minutes) {
  const auto net = drawn_network({{0, 0}, {2000, 0}}, {{0, 1}});
  planner::Inputs in;
  in.centers.push_back({"C", "", "村社区级", {0, 0}});
  in.blocks.push_back(block("a9.9", {589, -5}));   // 589 + 5 = 594 s = 9.9 min
  in.blocks.push_back(block("a10.1", {601, -5}));  // 601 + 5 = 606 s = 10.1 min
  in.blocks.push_back(block("a10", {595, -5}));    // 600 s: the threshold is inclusive
  in.blocks.push_back(block("off", {500, 900}));   // 900 m from the road: unreachable
  planner::Standard s;
  s.tiers.push_back(tier("社区级", {"村社区级", "站点"}, TierDefinition::walk_min, 10.0));
  const planner::Evaluation ev = planner::evaluate(net, in, params(s));
  ASSERT_TRUE(ev.standard.has_value());
  const auto& v = ev.standard->values[0];
  EXPECT_NEAR(v[0].value, 9.9, 1e-12);
  EXPECT_NEAR(v[1].value, 10.1, 1e-12);
  EXPECT_NEAR(v[2].value, 10.0, 1e-12);
  EXPECT_TRUE(v[0].met);
  EXPECT_FALSE(v[1].met);
  EXPECT_TRUE(v[2].met);
  for (int b = 0; b < 3; ++b) EXPECT_EQ(v[b].center, 0u);
  // No access point within the 300 m snap: no minutes, no center, never met.
  EXPECT_EQ(ev.blocks[3].status, planner::CoverStatus::unreachable);
  EXPECT_EQ(v[3].value, planner::inf_time);
  EXPECT_EQ(v[3].center, planner::invalid_id);
  EXPECT_FALSE(v[3].met);
  EXPECT_EQ(ev.standard->tiers_met, (std::vector<std::uint32_t>{1, 0, 1, 0}));
  EXPECT_EQ(ev.standard->comply, (std::vector<std::uint8_t>{1, 0, 1, 0}));
}

//   T ----------------------- V ----------------------- (3000, 0)
//     b (100, -5)                                      T: 区镇级 at 0, V: 村社区级 at 1500
TEST(Compliance, HigherServesLetsATownCenterServeTheCommunityTier) {
  const auto net = drawn_network({{0, 0}, {3000, 0}}, {{0, 1}});
  planner::Inputs in;
  in.centers.push_back({"T", "", "区镇级", {0, 0}});
  in.centers.push_back({"V", "", "村社区级", {1500, 0}});
  in.blocks.push_back(block("b", {100, -5}, 10.0));
  planner::Standard s;
  s.tiers.push_back(tier("社区级", {"村社区级"}, TierDefinition::walk_min, 10.0, true));
  s.tiers.push_back(tier("区镇级", {"区镇级"}, TierDefinition::walk_min, 15.0));

  planner::Evaluation ev = planner::evaluate(net, in, params(s));
  EXPECT_NEAR(ev.standard->values[0][0].value, 105.0 / 60.0, 1e-12);  // T serves it
  EXPECT_EQ(ev.standard->values[0][0].center, 0u);
  EXPECT_TRUE(ev.standard->values[0][0].met);
  EXPECT_EQ(ev.standard->comply[0], 1);

  s.tiers[0].higher_serves = false;  // only V: 1400 + 5 s
  ev = planner::evaluate(net, in, params(s));
  EXPECT_NEAR(ev.standard->values[0][0].value, 1405.0 / 60.0, 1e-12);
  EXPECT_EQ(ev.standard->values[0][0].center, 1u);
  EXPECT_FALSE(ev.standard->values[0][0].met);
  EXPECT_EQ(ev.standard->tiers_met[0], 1u);  // the town tier is still met by T
  EXPECT_EQ(ev.standard->comply[0], 0);
  EXPECT_NEAR(ev.standard->values[1][0].value, 105.0 / 60.0, 1e-12);
  EXPECT_TRUE(ev.standard->values[1][0].met);
}

//   5 (0,200) ----- 4 (1000,200) ------------------------ 3 (3000,200)    north bank
//        N (500, 205)                                     |  bridge
//   0 (0,0) --C--- 1 (1000,0) --------------------------- 2 (3000,0)      south bank
//        S (500, -15)                 C: 站点 center at (500, 0)
TEST(Compliance, RadiusCountsTheFarBankTheWalkDoesNot) {
  const auto net = drawn_network({{0, 0}, {1000, 0}, {3000, 0}, {3000, 200}, {1000, 200}, {0, 200}},
                                 {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
  planner::Inputs in;
  in.centers.push_back({"C", "", "站点", {500, 0}});
  in.blocks.push_back({"N", "", "", 100.0, square({500, 205}, 5.0)});
  in.blocks.push_back({"S", "", "", 100.0, square({500, -15}, 5.0)});
  planner::Standard s;
  s.tiers.push_back(tier("walk", {"站点"}, TierDefinition::walk_min, 10.0));
  s.tiers.push_back(tier("radius", {"站点"}, TierDefinition::radius_m, 300.0));
  s.tiers.push_back(tier("network", {"站点"}, TierDefinition::network_m, 500.0));
  auto p = params(s);
  p.search_limit_minutes = 120.0;  // far enough to see the way round by the bridge
  const planner::Evaluation ev = planner::evaluate(net, in, p);
  const auto& v = ev.standard->values;
  // N: 500 to vertex 1, 2000 to 2, 200 over the bridge, 2000 back, 500 along 4-5, 5 m leg.
  EXPECT_NEAR(v[0][0].value, 5205.0 / 60.0, 1e-9);
  EXPECT_FALSE(v[0][0].met);
  EXPECT_NEAR(v[2][0].value, 5205.0, 1e-9);
  EXPECT_FALSE(v[2][0].met);
  // Its farthest corner (505, 210) is 210.06 m from C: the whole block is within 300 m.
  EXPECT_EQ(v[1][0].value, 1.0);
  EXPECT_TRUE(v[1][0].met);
  EXPECT_EQ(v[1][0].center, 0u);
  // S, on C's bank: 15 m.
  EXPECT_NEAR(v[0][1].value, 0.25, 1e-12);
  EXPECT_NEAR(v[2][1].value, 15.0, 1e-12);
  EXPECT_EQ(v[1][1].value, 1.0);
  EXPECT_EQ(ev.standard->tiers_met, (std::vector<std::uint32_t>{1, 3}));
}

//   C ---------1000--------- 1 ---------1000--------- 2       edge 1 may be slowed
//                                   b (1500, -5)
TEST(Compliance, NetworkMetresIgnoreSpeedAndSpeedFactorsWalkMinutesDoNot) {
  auto net = drawn_network({{0, 0}, {1000, 0}, {2000, 0}}, {{0, 1}, {1, 2}});
  planner::Inputs in;
  in.centers.push_back({"C", "", "x", {0, 0}});
  in.blocks.push_back(block("b", {1500, -5}));
  planner::Standard s;
  s.tiers.push_back(tier("walk", {"x"}, TierDefinition::walk_min, 30.0));
  s.tiers.push_back(tier("metres", {"x"}, TierDefinition::network_m, 2000.0));

  auto p = params(s);
  planner::Evaluation ev = planner::evaluate(net, in, p);
  EXPECT_NEAR(ev.standard->values[0][0].value, 1505.0 / 60.0, 1e-12);
  EXPECT_EQ(ev.standard->values[1][0].value, 1505.0);

  p.speed_kmh = 4.5;  // 1.25 m/s
  ev = planner::evaluate(net, in, p);
  EXPECT_NEAR(ev.standard->values[0][0].value, 1505.0 / 1.25 / 60.0, 1e-12);
  EXPECT_EQ(ev.standard->values[1][0].value, 1505.0);

  net.edges.edge_speed_factor = {1.0, 0.5};  // edge 1 walks like 2000 m
  p.speed_kmh = 3.6;
  ev = planner::evaluate(net, in, p);
  EXPECT_NEAR(ev.standard->values[0][0].value, (1000.0 + 1000.0 + 5.0) / 60.0, 1e-12);
  EXPECT_EQ(ev.standard->values[1][0].value, 1505.0);
  EXPECT_TRUE(ev.standard->values[1][0].met);
}

// A 5 x 5 street grid (200 m blocks), centers of several tiers, blocks spread over it.
planner::Network street_grid() {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  for (int y = 0; y < 5; ++y) {
    for (int x = 0; x < 5; ++x) {
      v.push_back({x * 200.0, y * 200.0});
      if (x > 0) e.emplace_back(y * 5 + x - 1, y * 5 + x);
      if (y > 0) e.emplace_back((y - 1) * 5 + x, y * 5 + x);
    }
  }
  return drawn_network(v, e);
}

planner::Inputs grid_inputs() {
  planner::Inputs in;
  const char* tiers[] = {"村社区级", "站点", "区镇级", "市级", "其他"};
  const planner::XY at[] = {{30, 0},    {400, 170}, {800, 610}, {0, 800},
                            {600, 400}, {210, 200}, {790, 20},  {400, 800}};
  for (int c = 0; c < 8; ++c) {
    in.centers.push_back({"C" + std::to_string(c), "", tiers[c % 5], at[c]});
  }
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % 1000;
  };
  for (int b = 0; b < 40; ++b) {
    const planner::XY p{static_cast<double>(next() * 0.8), static_cast<double>(next() * 0.8)};
    in.blocks.push_back({"B" + std::to_string(b), "", "", 10.0 + b, square(p, 15.0)});
  }
  in.entrances.push_back({"B3", {0, 0}});  // gates take part as in evaluate()
  return in;
}

planner::Standard three_tiers(double local, double town, double city) {
  planner::Standard s;
  s.tiers.push_back(tier("社区级", {"村社区级", "站点"}, TierDefinition::walk_min, local));
  s.tiers.push_back(tier("区镇级", {"区镇级"}, TierDefinition::walk_min, town));
  s.tiers.push_back(tier("市级", {"市级"}, TierDefinition::walk_min, city, false));
  return s;
}

TEST(Compliance, WalkTiersEqualEvaluateWithOnlyTheServingCenters) {
  const auto net = street_grid();
  const planner::Inputs in = grid_inputs();
  auto p = params(three_tiers(3.0, 6.0, 9.0));
  p.speed_kmh = 4.5;
  EXPECT_EQ(testing_support::expect_walk_tiers_match_evaluate(net, in, p), 3u * 40u);
  p.standard->tiers[0].higher_serves = false;
  EXPECT_EQ(testing_support::expect_walk_tiers_match_evaluate(net, in, p), 3u * 40u);
  p.minutes = {1.0};
  p.search_limit_minutes = 2.0;  // the largest walk tier (9 min) raises it, in both runs
  EXPECT_EQ(p.effective_search_limit_minutes(), 9.0);
  EXPECT_EQ(testing_support::expect_walk_tiers_match_evaluate(net, in, p), 3u * 40u);
}

std::size_t met_count(const planner::Evaluation& ev, std::size_t t) {
  std::size_t n = 0;
  for (const auto& v : ev.standard->values[t]) n += v.met ? 1 : 0;
  return n;
}

TEST(Compliance, RaisingAThresholdNeverLowersTheMetCount) {
  const auto net = street_grid();
  const planner::Inputs in = grid_inputs();
  std::size_t walk = 0, metres = 0, radius = 0;
  for (int step = 1; step <= 12; ++step) {
    planner::Standard s;
    s.tiers.push_back(tier("walk", {"站点", "村社区级"}, TierDefinition::walk_min, step * 1.0));
    s.tiers.push_back(tier("metres", {"区镇级"}, TierDefinition::network_m, step * 100.0));
    s.tiers.push_back(tier("radius", {"市级"}, TierDefinition::radius_m, step * 60.0));
    auto p = params(s);
    p.speed_kmh = 4.5;
    const planner::Evaluation ev = planner::evaluate(net, in, p);
    EXPECT_GE(met_count(ev, 0), walk) << "step " << step;
    EXPECT_GE(met_count(ev, 1), metres) << "step " << step;
    EXPECT_GE(met_count(ev, 2), radius) << "step " << step;
    walk = met_count(ev, 0);
    metres = met_count(ev, 1);
    radius = met_count(ev, 2);
  }
  // At the largest thresholds something is met in every tier, so the sequence was not flat 0.
  EXPECT_GT(walk, 0u);
  EXPECT_GT(metres, 0u);
  EXPECT_GT(radius, 0u);
}

TEST(Compliance, WithoutAStandardNothingIsMeasured) {
  const auto net = street_grid();
  auto p = params(three_tiers(3, 6, 9));
  p.standard.reset();
  const planner::Evaluation ev = planner::evaluate(net, grid_inputs(), p);
  EXPECT_FALSE(ev.standard.has_value());
  EXPECT_TRUE(ev.grids.ids.empty());
  EXPECT_TRUE(ev.subdistricts.ids.empty());
  EXPECT_TRUE(ev.grid_outcomes.empty());
}

TEST(Compliance, WarningsAreTheStandardsMismatches) {
  const auto net = street_grid();
  auto s = three_tiers(3, 6, 9);
  s.source = "t.toml";
  const planner::Evaluation ev = planner::evaluate(net, grid_inputs(), params(s));
  // C4 (其他) is in no tier; every listed value is carried by some center.
  EXPECT_EQ(ev.standard->warnings,
            (std::vector<std::string>{
                "center 'C4' has tier '其他' which no tier of standard 't.toml' lists"}));
}

}  // namespace
