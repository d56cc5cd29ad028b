// Snapping treats small islands as a last resort (planner/network/islands.h): a point snaps to
// the nearest edge off the small islands while one is within reach, even when an island's edge
// is nearer; only with no other edge in reach does it snap to the island. Worked by hand on a
// street with an unjoined footway 20 m beside it, and through a whole evaluation: the block that
// the footway used to cut off from the street is covered, at the minutes walked by hand.
#include "planner/network/islands.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"
#include "planner/network/snap_index.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::XY;

// The street along y = 0 and an unjoined footway 20 m beside it, (500, 20)-(550, 20).
planner::Network street_and_footway() {
  return testing_support::street_with_loose_footway(20);
}

TEST(Islands, TheFootwayIsASmallIslandAndTheStreetIsNot) {
  const auto net = street_and_footway();
  EXPECT_EQ(planner::island_below(*net.graph, {}), 10u);  // max(10, ceil(1% of 12))
  const auto on_island = planner::small_island_edges(net, {});
  ASSERT_EQ(on_island.size(), 12u);
  for (int e = 0; e < 11; ++e) EXPECT_EQ(on_island[e], 0) << e;
  EXPECT_EQ(on_island[11], 1);
  // A rule under which no piece is small: nothing is flagged.
  const auto none = planner::small_island_edges(net, {0.0, 0});
  EXPECT_EQ(std::count(none.begin(), none.end(), 1), 0);
}

TEST(Islands, APointSnapsToTheStreetInReachNotToTheNearerFootway) {
  const auto net = street_and_footway();
  const XY p{520, 25};  // 5 m from the footway, 25 m from the street
  const planner::SnapIndex plain(net.edges);
  const auto to_nearest = plain.snap(p, 300);
  ASSERT_TRUE(to_nearest);
  EXPECT_EQ(to_nearest->edge, 11u);
  EXPECT_DOUBLE_EQ(to_nearest->leg_m, 5.0);

  const auto on_island = planner::small_island_edges(net, {});
  const planner::SnapIndex aware(net.edges, on_island);
  const auto to_street = aware.snap(p, 300);
  ASSERT_TRUE(to_street);
  EXPECT_EQ(to_street->edge, 5u);  // (500, 0)-(600, 0)
  EXPECT_DOUBLE_EQ(to_street->leg_m, 25.0);
  EXPECT_DOUBLE_EQ(to_street->on_edge.x, 520.0);
  EXPECT_DOUBLE_EQ(to_street->on_edge.y, 0.0);
  EXPECT_DOUBLE_EQ(to_street->offset_m, 20.0);
  // No street within 10 m: the island is the last resort; nothing within 4 m: no snap.
  const auto last_resort = aware.snap(p, 10);
  ASSERT_TRUE(last_resort);
  EXPECT_EQ(last_resort->edge, 11u);
  EXPECT_FALSE(aware.snap(p, 4));
  // A point beside the street alone is untouched by the rule.
  const auto plain_street = aware.snap({250, -30}, 300);
  ASSERT_TRUE(plain_street);
  EXPECT_EQ(plain_street->edge, 2u);
  EXPECT_DOUBLE_EQ(plain_street->leg_m, 30.0);
}

TEST(Islands, TheBlockBesideTheFootwayIsCoveredFromTheStreet) {
  const auto net = street_and_footway();
  planner::Inputs inputs;
  inputs.centers.push_back({"c1", "street end", "", {0, 0}});
  // A 10 m square block around (520, 25): its inside point is 5 m from the footway.
  inputs.blocks.push_back({"b1", "", "", 100.0, testing_support::square({520, 25}, 5)});
  planner::EvaluationParams params;
  params.speed_kmh = 3.6;  // 1 m/s: minutes = metres / 60
  params.minutes = {15};
  params.threads = 1;

  const auto ev = planner::evaluate(net, inputs, params);
  ASSERT_EQ(ev.blocks.size(), 1u);
  EXPECT_EQ(ev.blocks[0].status, planner::CoverStatus::covered);
  // 25 m access leg + 520 m along the street to the center at its end.
  EXPECT_NEAR(ev.blocks[0].time_s, 545.0, 1e-6);

  // The old rule (every piece a candidate for the nearest edge) strands it on the footway.
  params.islands = {0.0, 0};
  const auto old_rule = planner::evaluate(net, inputs, params);
  EXPECT_NE(old_rule.blocks[0].status, planner::CoverStatus::covered);
  EXPECT_EQ(old_rule.blocks[0].reason, planner::NotCoveredReason::no_center_on_network);
}

}  // namespace
