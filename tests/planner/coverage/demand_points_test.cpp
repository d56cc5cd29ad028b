// Demand points summed per block (planner/coverage/demand_points.h): points inside, on a shared
// edge and corner (the block listed first), in a hole, outside within and beyond the snap
// distance (inclusive bound, ties to the block listed first), weights summed by hand; and a
// grid of blocks with points on integer coordinates checked against a brute-force rule written
// here from the definition.
#include "planner/coverage/demand_points.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/ids.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::DemandAssignment;
using testing_support::square;

//   y
//  400 +--------+          D: a 100 m square with a 40 m hole (p8 in the hole)
//      |  +--+  |
//      |  |p8|  |
//      |  +--+  |
//  300 +--------+
//                 p5 (150, 201)  101 m above B: unassigned
//                 p6 (150, 200)  100 m above B: nearest, the bound is inclusive
//                 p4 (150, 160)   60 m above B: nearest
//  100 p7-------+--------+              +--------+
//      |   A    |   B    |  p3 (250,50) |   C    |   p3 is 50 m from B and from C
//      |  p0    p1  p2   |              |        |
//    0 +--------+--------+              +--------+
//      0       100      200            300      400
std::vector<planner::Block> drawn_blocks() {
  planner::MultiPolygon d = square({50, 350}, 50);
  d[0].holes.push_back(square({50, 350}, 20)[0].outer);
  return {{"A", "", "", 10.0, square({50, 50}, 50)},
          {"B", "", "", 20.0, square({150, 50}, 50)},
          {"C", "", "", 30.0, square({350, 50}, 50)},
          {"D", "", "", 40.0, d}};
}

planner::DemandPoints drawn_points() {
  return {{{30, 40},    // p0 inside A
           {100, 50},   // p1 on the edge A|B
           {150, 20},   // p2 inside B
           {250, 50},   // p3 between B and C, 50 m from each
           {150, 160},  // p4 60 m above B
           {150, 201},  // p5 101 m above B
           {150, 200},  // p6 100 m above B
           {100, 100},  // p7 on the corner shared by A and B
           {50, 350}},  // p8 in D's hole, 20 m from D
          {2.0, 1.0, 0.5, 3.0, 1.0, 7.0, 4.0, 1.0, 2.5}};
}

TEST(DemandPoints, DrawnCaseSumsEachBlockByHand) {
  const auto a = planner::aggregate_demand_points(drawn_blocks(), drawn_points(), 100.0);
  // A: p0 2 + p1 1 + p7 1; B: p2 0.5 + p3 3 + p4 1 + p6 4; C: none; D: p8 2.5.
  EXPECT_EQ(a.block_weight, (std::vector<double>{4.0, 8.5, 0.0, 2.5}));
  EXPECT_EQ(a.block_points, (std::vector<std::uint32_t>{3, 4, 0, 1}));
  EXPECT_EQ(a.point_block,
            (std::vector<std::uint32_t>{0, 0, 1, 1, 1, planner::invalid_id, 1, 0, 3}));
  using enum DemandAssignment;
  EXPECT_EQ(a.point_assignment,
            (std::vector<DemandAssignment>{inside, inside, inside, nearest, nearest, unassigned,
                                           nearest, inside, nearest}));
  EXPECT_EQ(a.inside.points, 4u);  // p0 p1 p2 p7
  EXPECT_DOUBLE_EQ(a.inside.weight, 4.5);
  EXPECT_EQ(a.nearest.points, 4u);  // p3 p4 p6 p8
  EXPECT_DOUBLE_EQ(a.nearest.weight, 10.5);
  EXPECT_EQ(a.unassigned.points, 1u);  // p5
  EXPECT_DOUBLE_EQ(a.unassigned.weight, 7.0);
}

TEST(DemandPoints, SharedEdgeAndTiesGoToTheBlockListedFirst) {
  std::vector<planner::Block> reversed = drawn_blocks();
  std::reverse(reversed.begin(), reversed.end());  // D, C, B, A
  const auto a = planner::aggregate_demand_points(reversed, drawn_points(), 100.0);
  EXPECT_EQ(a.point_block[1], 2u);  // the edge A|B: B is listed first now
  EXPECT_EQ(a.point_block[7], 2u);  // the shared corner too
  EXPECT_EQ(a.point_block[3], 1u);  // 50 m from B and from C: C is listed first now
  EXPECT_EQ(a.point_block[0], 3u);  // A's own point stays A's
  // Same totals: only who gets the shared points moved.
  EXPECT_EQ(a.inside.points, 4u);
  EXPECT_EQ(a.nearest.points, 4u);
  EXPECT_EQ(a.unassigned.points, 1u);
  // D: p8 2.5; C: p3 3; B: p1 1 + p2 0.5 + p4 1 + p6 4 + p7 1; A: p0 2.
  EXPECT_EQ(a.block_weight, (std::vector<double>{2.5, 3.0, 7.5, 2.0}));
}

TEST(DemandPoints, SnapDistanceZeroKeepsOnlyPointsInsideOrOnABoundary) {
  const auto a = planner::aggregate_demand_points(drawn_blocks(), drawn_points(), 0.0);
  EXPECT_EQ(a.inside.points, 4u);
  EXPECT_EQ(a.nearest.points, 0u);
  EXPECT_EQ(a.unassigned.points, 5u);
  EXPECT_DOUBLE_EQ(a.unassigned.weight, 3.0 + 1.0 + 7.0 + 4.0 + 2.5);
  EXPECT_EQ(a.block_weight, (std::vector<double>{4.0, 0.5, 0.0, 0.0}));
}

TEST(DemandPoints, NoPointsOrNoBlocksGiveEmptySums) {
  const auto none = planner::aggregate_demand_points(drawn_blocks(), {}, 100.0);
  EXPECT_EQ(none.block_weight, (std::vector<double>(4, 0.0)));
  EXPECT_EQ(none.inside.points + none.nearest.points + none.unassigned.points, 0u);
  const auto no_blocks = planner::aggregate_demand_points({}, drawn_points(), 100.0);
  EXPECT_EQ(no_blocks.unassigned.points, 9u);
  EXPECT_DOUBLE_EQ(no_blocks.unassigned.weight, 22.0);
}

TEST(DemandPoints, BadWeightsAndSnapDistancesAreRefused) {
  planner::DemandPoints p = drawn_points();
  p.weights[2] = -1.0;
  EXPECT_THROW(planner::aggregate_demand_points(drawn_blocks(), p, 100.0), planner::InvalidValue);
  p.weights[2] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(planner::aggregate_demand_points(drawn_blocks(), p, 100.0), planner::InvalidValue);
  p.weights.pop_back();
  EXPECT_THROW(planner::aggregate_demand_points(drawn_blocks(), p, 100.0), planner::InvalidValue);
  EXPECT_THROW(planner::aggregate_demand_points(drawn_blocks(), drawn_points(), -1.0),
               planner::InvalidValue);
  EXPECT_THROW(planner::aggregate_demand_points(drawn_blocks(), drawn_points(),
                                                std::numeric_limits<double>::infinity()),
               planner::InvalidValue);
}

/// The rule written out for axis-aligned squares: inside or on the boundary of the first listed
/// square holding it; else the least distance to a square (first listed on ties) within snap.
std::uint32_t brute_force_block(const std::vector<planner::Box>& boxes, planner::XY p,
                                double snap_m) {
  for (std::uint32_t b = 0; b < boxes.size(); ++b) {
    if (boxes[b].contains(p)) return b;
  }
  std::uint32_t best = planner::invalid_id;
  double best_d = snap_m;
  for (std::uint32_t b = 0; b < boxes.size(); ++b) {
    const double dx = std::max({boxes[b].min_x - p.x, 0.0, p.x - boxes[b].max_x});
    const double dy = std::max({boxes[b].min_y - p.y, 0.0, p.y - boxes[b].max_y});
    const double d = std::sqrt(dx * dx + dy * dy);
    if (d < best_d || (d == best_d && best == planner::invalid_id)) {
      best = b;
      best_d = d;
    }
  }
  return best;
}

TEST(DemandPoints, GridOfBlocksMatchesTheRuleWrittenOut) {
  // 5 x 5 squares of 64 m, 32 m apart (powers of two: every distance GEOS computes is exact, so
  // the equal distances across a gap are equal), listed in a shuffled order; snap 24 m reaches
  // the middle of every gap (16 m, a tie) and of every crossing (22.6 m), and 24 m beyond the
  // outer squares. Points on whole metres land on edges, corners and gap middles often.
  std::vector<planner::Block> blocks;
  std::vector<planner::Box> boxes;
  std::vector<int> order(25);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(13);
  std::shuffle(order.begin(), order.end(), rng);
  for (const int cell : order) {
    const planner::XY c{96.0 * (cell % 5) + 32.0, 96.0 * (cell / 5) + 32.0};
    blocks.push_back({std::to_string(cell), "", "", std::nullopt, square(c, 32.0)});
    planner::Box box;
    box.add({c.x - 32.0, c.y - 32.0});
    box.add({c.x + 32.0, c.y + 32.0});
    boxes.push_back(box);
  }
  planner::DemandPoints points;
  std::uniform_int_distribution<int> coordinate(-40, 96 * 5 + 8);
  for (int i = 0; i < 3000; ++i) {
    points.points.push_back({double(coordinate(rng)), double(coordinate(rng))});
    points.weights.push_back(double(i % 7));
  }
  const double snap = 24.0;
  const auto a = planner::aggregate_demand_points(blocks, points, snap);
  std::vector<double> expected_weight(blocks.size(), 0.0);
  std::size_t inside = 0, nearest = 0, unassigned = 0;
  for (std::size_t p = 0; p < points.points.size(); ++p) {
    const std::uint32_t b = brute_force_block(boxes, points.points[p], snap);
    ASSERT_EQ(a.point_block[p], b) << "point " << points.points[p].x << "," << points.points[p].y;
    if (b == planner::invalid_id) {
      ++unassigned;
      continue;
    }
    expected_weight[b] += points.weights[p];
    ++(boxes[b].contains(points.points[p]) ? inside : nearest);
  }
  EXPECT_EQ(a.block_weight, expected_weight);
  EXPECT_EQ(a.inside.points, inside);
  EXPECT_EQ(a.nearest.points, nearest);
  EXPECT_EQ(a.unassigned.points, unassigned);
  EXPECT_GT(inside, 0u);
  EXPECT_GT(nearest, 0u);
  EXPECT_GT(unassigned, 0u);
  // Every weight is accounted for once.
  const double total = std::accumulate(points.weights.begin(), points.weights.end(), 0.0);
  EXPECT_DOUBLE_EQ(a.inside.weight + a.nearest.weight + a.unassigned.weight, total);
}

}  // namespace
