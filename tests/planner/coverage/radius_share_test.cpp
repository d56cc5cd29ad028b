// Radius tiers (planner/coverage/radius_share.h): the share of a block's area within the circles
// of the serving centers against the exact area of a circle cut by a square (a hand formula),
// to 0.0005, also for a block small against the radius where a fixed 64 segments a quadrant
// would miss by about 0.003; the union of circles counted once; the contributing center.
#include "planner/coverage/radius_share.h"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "tests/planner/drawn_network.h"

namespace {

using testing_support::square;

planner::StandardTier radius_tier(double r, double min_share = 0.5) {
  planner::StandardTier t;
  t.name = "radius";
  t.center_tiers = {"x"};
  t.definition = planner::TierDefinition::radius_m;
  t.threshold = r;
  t.min_share = min_share;
  return t;
}

/// Exact share of the square [-a, a] x [y0, y0 + 2a] inside the circle of radius R about the
/// origin, when the circle's top arc crosses it (y0 < sqrt(R^2 - a^2), R < y0 + 2a): the area
/// under y = sqrt(R^2 - x^2) above y0, i.e. a sqrt(R^2 - a^2) + R^2 asin(a / R) - 2 a y0.
double exact_share(double R, double a, double y0) {
  return (a * std::sqrt(R * R - a * a) + R * R * std::asin(a / R) - 2.0 * a * y0) / (4.0 * a * a);
}

TEST(RadiusShare, HalfABlockInsideABigCircleMatchesTheExactArea) {
  std::vector<planner::Center> centers = {{"c", "", "x", {0, 0}}};
  std::vector<planner::Block> blocks = {{"big", "", "", 1.0, square({0, 1000}, 50.0)},
                                        {"small", "", "", 1.0, square({0, 1000}, 5.0)}};
  const auto v = planner::radius_shares(blocks, centers, {1}, radius_tier(1000.0), 1);
  const double big = exact_share(1000.0, 50.0, 950.0);
  const double small = exact_share(1000.0, 5.0, 995.0);
  EXPECT_NEAR(big, 0.49583, 1e-5);  // the hand figure: just under half (the arc bulges down)
  EXPECT_NEAR(v[0].value, big, 0.0005);
  EXPECT_NEAR(v[1].value, small, 0.0005);
  EXPECT_FALSE(v[0].met);  // 0.4958 < 0.5
  EXPECT_EQ(v[0].center, 0u);
  // With min-share at the value's own level or below it is met (the comparison is inclusive).
  const auto w = planner::radius_shares(blocks, centers, {1}, radius_tier(1000.0, v[0].value), 1);
  EXPECT_TRUE(w[0].met);
}

TEST(RadiusShare, SegmentsGrowUntilTheMissedAreaIsWithinTheTolerance) {
  // For each case the inscribed polygon's sagitta times the box perimeter (per circle) stays
  // within the tolerance of the block's area.
  struct Case {
    double r, area, perimeter;
    std::size_t circles;
  };
  for (const Case& c : {Case{1000, 100, 40, 1}, Case{1000, 10000, 400, 3}, Case{300, 4, 8, 2},
                        Case{50, 40000, 800, 1}}) {
    const int q = planner::circle_quadrant_segments(c.r, c.area, c.perimeter, c.circles, 0.0005);
    EXPECT_GE(q, 64);
    const double sagitta = c.r * (1.0 - std::cos(std::numbers::pi / (4.0 * q)));
    EXPECT_LE(sagitta * c.perimeter * c.circles / c.area, 0.0005 * (1 + 1e-9)) << c.r;
  }
  // A 10 m block under a 1 km circle needs far more than 64 segments a quadrant: with 64 the
  // sagitta alone is 7.5 cm, over a 10 m arc 0.75 m2 of 100.
  EXPECT_GT(planner::circle_quadrant_segments(1000, 100, 40, 1, 0.0005), 400);
  EXPECT_EQ(planner::circle_quadrant_segments(50, 40000, 800, 1, 0.0005), 64);
}

TEST(RadiusShare, OverlappingCirclesCountOnceAndTiesGoToTheLowerIndex) {
  std::vector<planner::Center> centers = {{"a", "", "x", {0, 0}},
                                          {"b", "", "x", {0, 0}},
                                          {"far", "", "x", {5000, 5000}},
                                          {"other", "", "y", {0, 1000}}};
  std::vector<planner::Block> blocks = {{"big", "", "", 1.0, square({0, 1000}, 50.0)}};
  const auto v = planner::radius_shares(blocks, centers, {1, 1, 1, 0}, radius_tier(1000.0), 1);
  EXPECT_NEAR(v[0].value, exact_share(1000.0, 50.0, 950.0), 0.0005);  // not twice
  EXPECT_EQ(v[0].center, 0u);
  // The center of "other" does not serve: it would cover the whole block.
  const auto only_b = planner::radius_shares(blocks, centers, {0, 1, 0, 0}, radius_tier(1000.0), 1);
  EXPECT_EQ(only_b[0].center, 1u);
  // (Not to the bit: two circles reaching the block draw each with more segments.)
  EXPECT_NEAR(only_b[0].value, exact_share(1000.0, 50.0, 950.0), 0.0005);
}

TEST(RadiusShare, TheCenterCoveringMostIsNamedAndAWholeBlockIsOne) {
  // Block [0, 200] x [0, 200]. Center 1 at its middle holds it all within 150 m (corners at
  // 141.4 m); center 0 at (-50, 100) reaches only a strip along its west side.
  std::vector<planner::Center> centers = {{"west", "", "x", {-50, 100}},
                                          {"mid", "", "x", {100, 100}}};
  std::vector<planner::Block> blocks = {{"b", "", "", 1.0, square({100, 100}, 100.0)}};
  auto v = planner::radius_shares(blocks, centers, {1, 1}, radius_tier(150.0, 1.0), 1);
  EXPECT_EQ(v[0].value, 1.0);
  EXPECT_TRUE(v[0].met);  // min-share 1 is met by a whole block
  EXPECT_EQ(v[0].center, 1u);
  // Center 0 alone, r = 100: the circle's segment beyond the chord x = 0, 50 m from its center,
  // R^2 acos(d / R) - d sqrt(R^2 - d^2) = 6142.0 m2, lies inside the block (y 13.4 .. 186.6).
  const double segment = 1e4 * std::acos(0.5) - 50.0 * std::sqrt(1e4 - 2500.0);
  v = planner::radius_shares(blocks, centers, {1, 0}, radius_tier(100.0), 1);
  EXPECT_NEAR(v[0].value, segment / 4e4, 0.0005);
  EXPECT_NEAR(v[0].value, 0.15355, 0.0005);
  EXPECT_EQ(v[0].center, 0u);
  EXPECT_FALSE(v[0].met);
  v = planner::radius_shares(blocks, centers, {1, 0}, radius_tier(100.0, 0.15), 1);
  EXPECT_TRUE(v[0].met);
}

TEST(RadiusShare, NoCenterWithinReachOrNoAreaGivesZero) {
  std::vector<planner::Center> centers = {{"c", "", "x", {0, 0}}};
  std::vector<planner::Block> blocks = {{"far", "", "", 1.0, square({3000, 0}, 10.0)},
                                        {"empty", "", "", 1.0, {}}};
  const auto v = planner::radius_shares(blocks, centers, {1}, radius_tier(500.0), 2);
  for (const auto& value : v) {
    EXPECT_EQ(value.value, 0.0);
    EXPECT_FALSE(value.met);
    EXPECT_EQ(value.center, planner::invalid_id);
  }
}

TEST(RadiusShare, ManyBlocksTheSameOnOneThreadOrSeveral) {
  std::vector<planner::Center> centers;
  for (int c = 0; c < 30; ++c) centers.push_back({"c", "", "x", {c * 137.0, (c * 71) % 500 * 1.0}});
  std::vector<planner::Block> blocks;
  for (int b = 0; b < 200; ++b)
    blocks.push_back({"b", "", "", 1.0, square({b * 23.0, (b * 37) % 600 * 1.0}, 20.0)});
  const std::vector<std::uint8_t> serving(centers.size(), 1);
  const auto one = planner::radius_shares(blocks, centers, serving, radius_tier(150.0), 1);
  const auto four = planner::radius_shares(blocks, centers, serving, radius_tier(150.0), 4);
  std::size_t partial = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    EXPECT_EQ(one[b].value, four[b].value);
    EXPECT_EQ(one[b].center, four[b].center);
    partial += one[b].value > 0.0 && one[b].value < 1.0 ? 1 : 0;
  }
  EXPECT_GT(partial, 10u);  // the case exercises cut circles, not only whole or empty blocks
}

}  // namespace
