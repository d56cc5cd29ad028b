// The coverage rule (DESIGN.md §7) end to end on a hand-drawn network with hand-worked minutes:
// mid-edge centers, walks along one edge, snapping limits, status rules, entrances, cov_share,
// tiers and communities.
#include "planner/coverage/evaluation.h"

#include <cmath>

#include <gtest/gtest.h>

#include "tests/planner/drawn_network.h"

namespace {

using planner::CoverStatus;
using testing_support::drawn_network;
using testing_support::square;

//   0 ---100--- 1 ---100--- 2          C: center 10 m north of the middle of 0-1
//        C      |                     A: block 5 m south of x=80 on 0-1
//          A   300                    B: block 5 m south of vertex 4
//               |                     F: block far from any road (unreachable)
//               3 ---50--- 4
//                          B
planner::Network network() {
  return drawn_network({{0, 0}, {100, 0}, {200, 0}, {100, -300}, {150, -300}},
                       {{0, 1}, {1, 2}, {1, 3}, {3, 4}});
}

planner::Inputs inputs() {
  planner::Inputs in;
  in.centers.push_back({"C", "center", "community", {50, 10}});
  in.blocks.push_back({"A", "a", "", 100.0, square({80, -5}, 1.0)});
  in.blocks.push_back({"B", "b", "", 200.0, square({150, -305}, 1.0)});
  in.blocks.push_back({"F", "f", "", 50.0, square({1000, 1000}, 1.0)});
  return in;
}

planner::EvaluationParams params(double cover_minutes) {
  planner::EvaluationParams p;
  p.speed_kmh = 3.6;  // 1 m/s: seconds are metres
  p.minutes = {cover_minutes};
  p.max_snap_m = 300.0;
  p.sample_spacing_m = 1.0;
  p.threads = 1;
  return p;
}

TEST(Evaluation, HandWorkedMinutesWithMidEdgeCenter) {
  auto net = network();
  auto in = inputs();
  auto ev = planner::evaluate(net, in, params(6.0));
  // A: along edge 0-1 from the center: 10 (leg) + |80 - 50| + 5 (leg) = 45 s, no vertex touched.
  EXPECT_NEAR(ev.blocks[0].time_s, 45.0, 1e-9);
  EXPECT_EQ(ev.blocks[0].center, 0u);
  // B: 10 + 50 to vertex 1, + 300 to 3, + 50 to 4, + 5 = 415 s.
  EXPECT_NEAR(ev.blocks[1].time_s, 415.0, 1e-9);
  EXPECT_EQ(ev.blocks[0].status, CoverStatus::covered);
  EXPECT_EQ(ev.blocks[1].status, CoverStatus::uncovered);  // 415 s > 6 min
  EXPECT_EQ(ev.blocks[2].status, CoverStatus::unreachable);
  EXPECT_EQ(ev.blocks[2].time_s, planner::inf_time);
  EXPECT_EQ(ev.blocks[0].reason, planner::NotCoveredReason::none);
  EXPECT_EQ(ev.blocks[1].reason, planner::NotCoveredReason::too_far);
  EXPECT_EQ(ev.blocks[2].reason, planner::NotCoveredReason::not_near_network);
  ASSERT_TRUE(ev.centers[0].snap.has_value());
  EXPECT_NEAR(ev.centers[0].snap->leg_m, 10.0, 1e-9);
  EXPECT_EQ(ev.unsnapped_centers, 0u);
  EXPECT_TRUE(ev.has_population);
  EXPECT_DOUBLE_EQ(ev.totals.covered_pop, 100.0);
  EXPECT_DOUBLE_EQ(ev.totals.uncovered_pop, 250.0);
  EXPECT_EQ(ev.totals.unreachable, 1u);
}

TEST(Evaluation, CoverThresholdIsInclusive) {
  auto net = network();
  auto in = inputs();
  auto ev = planner::evaluate(net, in, params(415.0 / 60.0));
  EXPECT_EQ(ev.blocks[1].status, CoverStatus::covered);
  auto ev2 = planner::evaluate(net, in, params(414.9 / 60.0));
  EXPECT_EQ(ev2.blocks[1].status, CoverStatus::uncovered);
}

TEST(Evaluation, TimesNeverBelowStraightLineWalk) {
  auto net = network();
  auto in = inputs();
  auto ev = planner::evaluate(net, in, params(15.0));
  for (std::size_t b = 0; b < in.blocks.size(); ++b) {
    if (ev.blocks[b].center == planner::invalid_id) continue;
    const planner::XY c = in.centers[ev.blocks[b].center].pos;
    const planner::XY p = ev.sites[b].representative;
    EXPECT_GE(ev.blocks[b].time_s + 1e-9, std::hypot(c.x - p.x, c.y - p.y));
  }
}

TEST(Evaluation, SnappingLimitMakesCentersAndBlocksUnreachable) {
  auto net = network();
  auto in = inputs();
  auto p = params(15.0);
  p.max_snap_m = 4.0;  // the center is 10 m away, block access points 5 m
  auto ev = planner::evaluate(net, in, p);
  EXPECT_EQ(ev.unsnapped_centers, 1u);
  EXPECT_FALSE(ev.centers[0].snap.has_value());
  for (const auto& b : ev.blocks) EXPECT_EQ(b.status, CoverStatus::unreachable);
  p.max_snap_m = 6.0;  // blocks snap, the center does not: blocks are uncovered, not unreachable
  ev = planner::evaluate(net, in, p);
  EXPECT_EQ(ev.blocks[0].status, CoverStatus::uncovered);
  EXPECT_EQ(ev.blocks[0].time_s, planner::inf_time);
}

TEST(Evaluation, EntrancesReplaceTheRepresentativePoint) {
  auto net = network();
  auto in = inputs();
  // Block B gets a gate 2 m north of vertex 2 (200, 0): 10 + 50 to vertex 1, + 100 + 2 = 162 s.
  in.entrances.push_back({"B", {200, 2}});
  auto ev = planner::evaluate(net, in, params(5.0));
  EXPECT_TRUE(ev.sites[1].from_entrances);
  EXPECT_NEAR(ev.blocks[1].time_s, 162.0, 1e-9);
  EXPECT_EQ(ev.blocks[1].status, CoverStatus::covered);
  // An entrance without block id links by location (on the block's edge).
  in.entrances = {{"", {79, -4}}};
  ev = planner::evaluate(net, in, params(5.0));
  EXPECT_TRUE(ev.sites[0].from_entrances);
  EXPECT_NEAR(ev.blocks[0].time_s, 10.0 + 29.0 + 4.0, 1e-9);
}

TEST(Evaluation, CovShareCountsSampleGridWithinThreshold) {
  // One long edge 0-1 (x from 0 to 1000), center at its west end; a block 1 m south of the
  // edge from x=0 to x=400. With a 200 s threshold about half the block's samples are covered.
  auto net = drawn_network({{0, 0}, {1000, 0}}, {{0, 1}});
  planner::Inputs in;
  in.centers.push_back({"C", "", "", {0, 0}});
  planner::Polygon p;
  p.outer = {{0, -1}, {400, -1}, {400, -11}, {0, -11}, {0, -1}};
  in.blocks.push_back({"long", "", "", std::nullopt, {p}});
  auto prm = params(200.0 / 60.0);
  prm.sample_spacing_m = 10.0;
  auto ev = planner::evaluate(net, in, prm);
  // Samples at x = 5, 15, ..., 395 and y = -5: time = x + 5 <= 200 -> x <= 195: 20 of 40.
  ASSERT_EQ(ev.sites[0].samples.size(), 40u);
  EXPECT_NEAR(ev.blocks[0].cov_share, 0.5, 1e-12);
  EXPECT_FALSE(ev.has_population);
}

TEST(Evaluation, TierTotalsUseOnlyThatTiersCenters) {
  auto net = network();
  auto in = inputs();
  in.centers[0].tier = "station";
  in.centers.push_back({"D", "district", "district", {150, -290}});
  auto ev = planner::evaluate(net, in, params(2.0));
  ASSERT_EQ(ev.tiers.size(), 2u);
  EXPECT_EQ(ev.tiers[0].tier, "district");
  EXPECT_EQ(ev.tiers[0].totals.covered, 1u);  // B only (15 s from D)
  EXPECT_EQ(ev.tiers[1].tier, "station");
  EXPECT_EQ(ev.tiers[1].totals.covered, 1u);  // A only
  EXPECT_EQ(ev.totals.covered, 2u);
  EXPECT_EQ(ev.blocks[1].center, 1u);
}

TEST(Evaluation, CommunitiesByFieldAndByLargestOverlap) {
  auto net = network();
  auto in = inputs();
  in.blocks[2].community = "far";
  planner::Polygon west;
  west.outer = {{0, 0}, {120, 0}, {120, -100}, {0, -100}, {0, 0}};
  in.communities.push_back({"west", "西区", {west}});
  auto ev = planner::evaluate(net, in, params(6.0));
  ASSERT_EQ(ev.communities.ids.size(), 2u);
  EXPECT_EQ(ev.communities.block_community[0], 0u);  // A inside west
  EXPECT_EQ(ev.communities.block_community[1], planner::invalid_id);
  EXPECT_EQ(ev.communities.block_community[2], 1u);  // by field
  EXPECT_EQ(ev.communities.ids[1], "far");
  EXPECT_EQ(ev.community_totals[0].covered, 1u);
  EXPECT_EQ(ev.community_totals[1].unreachable, 1u);
}

TEST(Evaluation, ReasonsSeparateIslandsFromTheSearchLimit) {
  // Vertices 0-1-2-3 in a line (1000 m edges) with the center at 0; vertices 4-5 are an island.
  auto net = drawn_network({{0, 0}, {1000, 0}, {2000, 0}, {3000, 0}, {0, 500}, {100, 500}},
                           {{0, 1}, {1, 2}, {2, 3}, {4, 5}});
  planner::Inputs in;
  in.centers.push_back({"C", "", "", {0, 0}});
  in.blocks.push_back({"end", "", "", 10.0, square({3000, -5}, 1.0)});
  in.blocks.push_back({"island", "", "", std::nullopt, square({50, 505}, 1.0)});
  auto p = params(15.0);
  // At 1 m/s with a 20-minute limit vertex 1 (1000 s) is reached, vertices 2 and 3 are not,
  // so the block at the far end (3005 s) has no minutes.
  p.search_limit_minutes = 20.0;
  auto ev = planner::evaluate(net, in, p);
  EXPECT_EQ(ev.blocks[0].reason, planner::NotCoveredReason::beyond_search_limit);
  EXPECT_EQ(ev.blocks[1].reason, planner::NotCoveredReason::no_center_on_network);
  EXPECT_EQ(ev.blocks[1].status, CoverStatus::uncovered);
  // Population known for one block only: it is used, the other is counted as without.
  EXPECT_TRUE(ev.has_population);
  EXPECT_EQ(ev.totals.without_pop, 1u);
  EXPECT_DOUBLE_EQ(ev.totals.pop, 10.0);
  p.search_limit_minutes = 60.0;
  ev = planner::evaluate(net, in, p);
  EXPECT_NEAR(ev.blocks[0].time_s, 3005.0, 1e-9);
  EXPECT_EQ(ev.blocks[0].reason, planner::NotCoveredReason::too_far);
}

TEST(Evaluation, SameResultWhateverTheThreadCount) {
  auto net = network();
  auto in = inputs();
  auto p1 = params(6.0);
  auto p2 = p1;
  p2.threads = 2;
  auto a = planner::evaluate(net, in, p1);
  auto b = planner::evaluate(net, in, p2);
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    EXPECT_EQ(a.blocks[i].time_s, b.blocks[i].time_s);
    EXPECT_EQ(a.blocks[i].cov_share, b.blocks[i].cov_share);
  }
}

}  // namespace
