// Grids (网格, planner/coverage/compliance.h grid_outcomes) and the unit assignment they share
// with communities (assign_units): service points by point in polygon with a point on a shared
// edge counted once, for the first grid; blocks and population per grid; the complying share.
#include <gtest/gtest.h>

#include "planner/coverage/communities.h"
#include "planner/coverage/compliance.h"
#include "planner/coverage/evaluation.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::drawn_network;
using testing_support::square;

planner::MultiPolygon rect(double x0, double y0, double x1, double y1) {
  planner::Polygon p;
  p.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

//   g1 [0,100]  g2 [100,200]        g3 [500,600]      (all y 0..100)
//        P on x = 100 (shared)   Q inside g2     R outside every grid
planner::Inputs grid_inputs() {
  planner::Inputs in;
  in.grids.push_back({"g1", "一格", rect(0, 0, 100, 100)});
  in.grids.push_back({"g2", "二格", rect(100, 0, 200, 100)});
  in.grids.push_back({"g3", "三格", rect(500, 0, 600, 100)});
  in.centers.push_back({"P", "", "站点", {100, 50}});
  in.centers.push_back({"Q", "", "站点", {150, 50}});
  in.centers.push_back({"R", "", "站点", {1000, 1000}});
  in.blocks.push_back({"b0", "", "", 10.0, square({50, 50}, 10)});
  in.blocks.push_back({"b1", "", "", 20.0, square({150, 50}, 10)});
  // x 90..130: 10 m in g1, 30 m in g2 -> g2.
  in.blocks.push_back({"b2", "", "", std::nullopt, rect(90, 40, 130, 60)});
  planner::Block named{"b3", "", "", 5.0, square({550, 50}, 10)};
  named.grid = "g9";  // its own field wins over the overlap with g3
  in.blocks.push_back(named);
  return in;
}

TEST(GridPoints, PointsBlocksAndPopulationPerGrid) {
  const planner::Inputs in = grid_inputs();
  const planner::UnitAssignment grids =
      planner::assign_units(in.blocks, &planner::Block::grid, in.grids);
  ASSERT_EQ(grids.ids, (std::vector<std::string>{"g1", "g2", "g3", "g9"}));
  EXPECT_EQ(grids.block_community, (std::vector<std::uint32_t>{0, 1, 1, 3}));
  EXPECT_EQ(grids.has_shape, (std::vector<bool>{true, true, true, false}));
  const auto out = planner::grid_outcomes(in, grids, nullptr, true);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].points, 1u);  // P, on the edge g1 shares with g2, counts for g1 only
  EXPECT_EQ(out[1].points, 1u);  // Q
  EXPECT_EQ(out[2].points, 0u);
  EXPECT_EQ(out[3].points, 0u);  // named by a block field only: no polygon, no points
  EXPECT_TRUE(out[0].has_point);
  EXPECT_TRUE(out[1].has_point);
  EXPECT_FALSE(out[2].has_point);
  EXPECT_FALSE(out[3].has_point);
  EXPECT_EQ(out[0].blocks, 1u);
  EXPECT_EQ(out[1].blocks, 2u);
  EXPECT_EQ(out[2].blocks, 0u);
  EXPECT_EQ(out[3].blocks, 1u);
  EXPECT_DOUBLE_EQ(out[1].pop, 20.0);  // b2 has no population: counts 0
  EXPECT_DOUBLE_EQ(out[3].pop, 5.0);
  for (const auto& g : out) EXPECT_EQ(g.comply_share, -1.0);  // no standard
}

TEST(GridPoints, APointOnTheSharedEdgeGoesToTheFirstGridInInputOrder) {
  planner::Inputs in = grid_inputs();
  std::swap(in.grids[0], in.grids[1]);  // g2 first now
  const auto grids = planner::assign_units(in.blocks, &planner::Block::grid, in.grids);
  const auto out = planner::grid_outcomes(in, grids, nullptr, true);
  EXPECT_EQ(grids.ids[0], "g2");
  EXPECT_EQ(out[0].points, 2u);  // P and Q
  EXPECT_EQ(out[1].points, 0u);  // g1
  EXPECT_FALSE(out[1].has_point);
  // A corner shared by g1 and g2 (100, 0) and a vertex of g3: counted once.
  in.centers = {{"corner", "", "", {100, 0}}, {"vertex", "", "", {600, 100}}};
  const auto corners = planner::grid_outcomes(in, grids, nullptr, true);
  EXPECT_EQ(corners[0].points + corners[1].points, 1u);
  EXPECT_EQ(corners[2].points, 1u);
}

TEST(GridPoints, ComplyShareByPopulationElseByBlocks) {
  const planner::Inputs in = grid_inputs();
  const auto grids = planner::assign_units(in.blocks, &planner::Block::grid, in.grids);
  planner::StandardOutcome standard;
  standard.comply = {1, 0, 1, 1};  // b0, b2, b3 comply
  auto out = planner::grid_outcomes(in, grids, &standard, true);
  EXPECT_DOUBLE_EQ(out[0].comply_share, 1.0);  // 10 of 10
  EXPECT_DOUBLE_EQ(out[1].comply_share, 0.0);  // b2 complies but has no population: 0 of 20
  EXPECT_DOUBLE_EQ(out[2].comply_share, 0.0);  // no blocks
  EXPECT_DOUBLE_EQ(out[3].comply_share, 1.0);  // 5 of 5
  out = planner::grid_outcomes(in, grids, &standard, false);
  EXPECT_DOUBLE_EQ(out[1].comply_share, 0.5);  // 1 block of 2
}

TEST(GridPoints, OverlapTiesGoToTheEarlierBoundary) {
  std::vector<planner::Boundary> units = {{"u1", "", rect(0, 0, 100, 100)},
                                          {"u2", "", rect(100, 0, 200, 100)}};
  std::vector<planner::Block> blocks = {{"half", "", "", 1.0, rect(90, 40, 110, 60)},
                                        {"none", "", "", 1.0, rect(900, 0, 910, 10)}};
  planner::Block by_field{"field", "", "", 1.0, rect(150, 40, 160, 50)};
  by_field.subdistrict = "u1";
  blocks.push_back(by_field);
  const auto a = planner::assign_units(blocks, &planner::Block::subdistrict, units);
  EXPECT_EQ(a.block_community, (std::vector<std::uint32_t>{0, planner::invalid_id, 0}));
  // The communities' rule is the same rule on the community field.
  blocks[2].community = "u2";
  const auto c = planner::assign_communities(blocks, units);
  EXPECT_EQ(c.block_community, (std::vector<std::uint32_t>{0, planner::invalid_id, 1}));
}

TEST(GridPoints, EvaluateFillsGridOutcomesWithTheStandardsComplyShare) {
  const auto net = drawn_network({{0, -20}, {600, -20}}, {{0, 1}});
  const planner::Inputs in = grid_inputs();
  planner::EvaluationParams p;
  p.speed_kmh = 3.6;
  p.threads = 1;
  planner::Evaluation ev = planner::evaluate(net, in, p);
  ASSERT_EQ(ev.grid_outcomes.size(), 4u);
  EXPECT_EQ(ev.grid_outcomes[0].comply_share, -1.0);
  EXPECT_FALSE(ev.standard.has_value());
  EXPECT_EQ(ev.grids.block_community, (std::vector<std::uint32_t>{0, 1, 1, 3}));
  EXPECT_TRUE(ev.subdistricts.ids.empty());

  planner::Standard s;
  planner::StandardTier t;
  t.name = "near";
  t.center_tiers = {"站点"};
  // 300 s: legs of 70 m to the road at y = -20 and back; b0 190 s from P, b1 140 s from Q,
  // b2 150 s from P; b3 at x = 550 is 70 + 400 + 70 = 540 s from Q.
  t.threshold = 5.0;
  s.tiers = {t};
  p.standard = s;
  ev = planner::evaluate(net, in, p);
  ASSERT_TRUE(ev.standard.has_value());
  for (std::size_t g = 0; g < ev.grid_outcomes.size(); ++g) {
    // Independent of the grid code: the share from the per-block comply flags.
    double pop = 0, ok = 0;
    for (std::size_t b = 0; b < in.blocks.size(); ++b) {
      if (ev.grids.block_community[b] != g) continue;
      pop += in.blocks[b].pop.value_or(0.0);
      ok += ev.standard->comply[b] ? in.blocks[b].pop.value_or(0.0) : 0.0;
    }
    EXPECT_DOUBLE_EQ(ev.grid_outcomes[g].comply_share, pop > 0 ? ok / pop : 0.0);
  }
  EXPECT_EQ(ev.standard->comply, (std::vector<std::uint8_t>{1, 1, 1, 0}));
  // Grid rows appear in the compliance table, after the "all" row.
  ASSERT_EQ(ev.standard->compliance.size(), 1u + 4u);
  EXPECT_EQ(ev.standard->compliance[1].scope, "grid");
  EXPECT_EQ(ev.standard->compliance[4].scope_id, "g9");
}

}  // namespace
