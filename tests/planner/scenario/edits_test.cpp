// Scenario edits on hand-drawn networks: what is closed, split, added and slowed is checked
// edge by edge against the drawing.
#include "planner/scenario/edits.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"

namespace {

using planner::RoadLine;
using planner::XY;

RoadLine line(std::int64_t id, std::vector<XY> pts, std::string cls = "residential") {
  RoadLine r;
  r.feature_id = id;
  r.points = std::move(pts);
  r.highway = std::move(cls);
  return r;
}

/// A plus sign: four arms of 100 m meeting at (0,0), plus a separate road further east.
std::vector<RoadLine> plus_roads() {
  return {line(1, {{-100, 0}, {0, 0}}), line(2, {{0, 0}, {100, 0}}, "footway"),
          line(3, {{0, -100}, {0, 0}}), line(4, {{0, 0}, {0, 100}}),
          line(5, {{300, -50}, {300, 50}})};
}

double total_length(const planner::EdgeSet& es) {
  return std::accumulate(es.edge_length_m.begin(), es.edge_length_m.end(), 0.0);
}

TEST(ScenarioEdits, ClosingARoadRemovesItsEdgesAndKeepsTheVertices) {
  const auto roads = plus_roads();
  const planner::EdgeSet base = planner::split_into_edges(roads);
  planner::NetworkEdits edits;
  edits.close_roads = {2};
  planner::NetworkEditReport report;
  const planner::EdgeSet out = planner::edit_edges(base, roads, edits, &report);
  EXPECT_EQ(out.edge_count(), base.edge_count() - 1);
  EXPECT_EQ(out.vertex_count(), base.vertex_count());
  EXPECT_EQ(report.closed_edges, 1u);
  EXPECT_EQ(std::count(out.edge_feature_id.begin(), out.edge_feature_id.end(), 2), 0);
  EXPECT_DOUBLE_EQ(total_length(out), total_length(base) - 100.0);
}

TEST(ScenarioEdits, ABarrierClosesExactlyTheEdgesItCrosses) {
  const auto roads = plus_roads();
  const planner::EdgeSet base = planner::split_into_edges(roads);
  planner::NetworkEdits edits;
  edits.barrier_lines = {{{50, -200}, {50, 200}}};  // crosses arm 2 only
  planner::NetworkEditReport report;
  planner::EdgeSet out = planner::edit_edges(base, roads, edits, &report);
  EXPECT_EQ(report.closed_edges, 1u);
  EXPECT_EQ(std::count(out.edge_feature_id.begin(), out.edge_feature_id.end(), 2), 0);

  // A polygon around the crossing meets all four arms, not the road to the east.
  planner::NetworkEdits poly;
  planner::Polygon square;
  square.outer = {{-10, -10}, {10, -10}, {10, 10}, {-10, 10}, {-10, -10}};
  poly.barrier_polygons = {square};
  out = planner::edit_edges(base, roads, poly, &report);
  EXPECT_EQ(report.closed_edges, 4u);
  ASSERT_EQ(out.edge_count(), 1u);
  EXPECT_EQ(out.edge_feature_id[0], 5);
}

TEST(ScenarioEdits, AFootpathIsJoinedBySplittingTheNearestEdges) {
  const auto roads = plus_roads();
  const planner::EdgeSet base = planner::split_into_edges(roads);
  planner::NetworkEdits edits;
  // From 2 m off arm 2 at x=60 to 1 m off the east road at y=10: both ends split an edge.
  edits.footpaths = {{{60, 2}, {299, 10}}};
  edits.footpath_snap_m = 5.0;
  planner::NetworkEditReport report;
  const planner::EdgeSet out = planner::edit_edges(base, roads, edits, &report);
  EXPECT_EQ(report.split_edges, 2u);
  EXPECT_EQ(report.footpath_edges, 1u);
  EXPECT_EQ(out.vertex_count(), base.vertex_count() + 2);
  EXPECT_EQ(out.edge_count(), base.edge_count() + 3);
  const XY a = out.vertex_xy[base.vertex_count()], b = out.vertex_xy[base.vertex_count() + 1];
  EXPECT_NEAR(a.x, 60, 1e-9);
  EXPECT_NEAR(a.y, 0, 1e-9);
  EXPECT_NEAR(b.x, 300, 1e-9);
  EXPECT_NEAR(b.y, 10, 1e-9);
  // The split halves keep the road's length; the footpath runs joint-to-joint through its points.
  const double path = std::hypot(0, 2) + std::hypot(239, 8) + std::hypot(1, 0);
  EXPECT_NEAR(total_length(out), total_length(base) + path, 1e-9);
  const auto fp = std::find(out.edge_feature_id.begin(), out.edge_feature_id.end(),
                            planner::footpath_feature_id(0));
  ASSERT_NE(fp, out.edge_feature_id.end());
  const std::size_t e = fp - out.edge_feature_id.begin();
  EXPECT_EQ(out.edge_line[e], planner::invalid_id);
  EXPECT_NEAR(out.edge_length_m[e], path, 1e-9);

  edits.footpaths = {{{60, 30}, {299, 10}}};  // 30 m from every road
  EXPECT_THROW(planner::edit_edges(base, roads, edits), std::invalid_argument);
}

TEST(ScenarioEdits, ASpeedFactorSlowsOnlyItsClassAndLengthsStayLengths) {
  const auto roads = plus_roads();
  const planner::EdgeSet base = planner::split_into_edges(roads);
  planner::NetworkEdits edits;
  edits.speed_factor = {{"footway", 0.5}};
  const planner::EdgeSet out = planner::edit_edges(base, roads, edits);
  ASSERT_EQ(out.edge_speed_factor.size(), out.edge_count());
  for (std::size_t e = 0; e < out.edge_count(); ++e) {
    EXPECT_EQ(out.edge_speed_factor[e], out.edge_feature_id[e] == 2 ? 0.5 : 1.0) << e;
    EXPECT_EQ(out.edge_length_m[e], base.edge_length_m[e]) << e;
    EXPECT_EQ(out.cum_m[out.first_point[e + 1] - 1], base.cum_m[base.first_point[e + 1] - 1]) << e;
  }
  EXPECT_TRUE(planner::edit_edges(base, roads, {}).edge_speed_factor.empty());
}

TEST(ScenarioEdits, ASpeedFactorClassNoRoadCarriesIsFoundAndChangesNothing) {
  const auto roads = plus_roads();  // residential, and one footway
  EXPECT_EQ(planner::road_classes(roads), (std::vector<std::string>{"footway", "residential"}));
  EXPECT_EQ(planner::unknown_road_classes(roads, {"footpath", "footway", "steps"}),
            (std::vector<std::string>{"footpath", "steps"}));
  EXPECT_TRUE(planner::unknown_road_classes(roads, {"residential"}).empty());
  // What the warning is about: such a factor slows no edge.
  const planner::EdgeSet base = planner::split_into_edges(roads);
  planner::NetworkEdits edits;
  edits.speed_factor = {{"footpath", 0.5}};
  planner::NetworkEditReport report;
  planner::edit_edges(base, roads, edits, &report);
  EXPECT_EQ(report.slowed_edges, 0u);
}

TEST(ScenarioEdits, WalkingTimesFollowTheEditedNetwork) {
  // Center at the west end; a block by the east end of arm 2, no other road within max-snap of
  // it. Slowing arm 2 adds exactly its extra walking time; closing it leaves the block unserved.
  const auto roads = plus_roads();
  planner::Inputs in;
  in.centers = {{"c", "", "", {-100, 5}}};
  planner::Block b;
  b.id = "east";
  planner::Polygon sq;
  sq.outer = {{95, 5}, {105, 5}, {105, 15}, {95, 15}, {95, 5}};
  b.shape = {sq};
  in.blocks = {b};
  planner::EvaluationParams params;
  params.threads = 1;
  params.max_snap_m = 20.0;
  const planner::EdgeSet base = planner::split_into_edges(roads);
  const auto before = planner::evaluate(planner::network_from_edges(base), in, params);
  ASSERT_EQ(before.blocks[0].status, planner::CoverStatus::covered);

  planner::NetworkEdits slow;
  slow.speed_factor = {{"footway", 0.5}};
  const auto slower = planner::evaluate(
      planner::network_from_edges(planner::edit_edges(base, roads, slow)), in, params);
  // Arm 2 (100 m) now takes as long as 200 m: 100 m more at 4.5 km/h (1.25 m/s).
  EXPECT_NEAR(slower.blocks[0].time_s - before.blocks[0].time_s, 100.0 / 1.25, 1e-9);

  planner::NetworkEdits closed;
  closed.close_roads = {2};
  const auto after = planner::evaluate(
      planner::network_from_edges(planner::edit_edges(base, roads, closed)), in, params);
  EXPECT_NE(after.blocks[0].status, planner::CoverStatus::covered);
}

TEST(ScenarioEdits, CentersAreClosedByIdAndAddedAtTheEnd) {
  const std::vector<planner::Center> base{{"a", "", "", {0, 0}}, {"b", "", "", {1, 1}}};
  planner::CenterEdits edits;
  edits.close = {"a"};
  edits.add = {{"n", "", "", {2, 2}}};
  const auto out = planner::edit_centers(base, edits);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].id, "b");
  EXPECT_EQ(out[1].id, "n");
  EXPECT_EQ(planner::unknown_center_ids(base, {"a", "zz"}), std::vector<std::string>{"zz"});
  EXPECT_EQ(planner::unknown_road_ids(plus_roads(), {5, 6}), std::vector<std::int64_t>{6});
}

TEST(ScenarioEdits, SetCapacityReachesKeptAndAddedCentersAfterTheAdds) {
  std::vector<planner::Center> base{{"a", "", "", {0, 0}}, {"b", "", "", {1, 1}}};
  base[0].capacity = 100.0;
  planner::CenterEdits edits;
  edits.add = {{"n", "", "", {2, 2}}};
  edits.set_capacity = {{"b", 250.0}, {"n", 0.0}};
  const auto out = planner::edit_centers(base, edits);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].capacity, std::optional<double>(100.0));  // untouched
  EXPECT_EQ(out[1].capacity, std::optional<double>(250.0));  // had none: now set
  EXPECT_EQ(out[2].capacity, std::optional<double>(0.0));    // an added center's too
}

}  // namespace
