// The reach_edges layer's two shapes on a hand-worked street: two centers at the ends of a
// 1200 m street (two 600 m edges), walked at 75 m a minute, bands 0-5 and 5-10 minutes (375 m
// and 750 m). Each center alone reaches its own edge and 150 m of the other; together (dissolve)
// every point is walked from the nearer center, so the street appears once.
#include "io/tables/reach_edges_layer.h"

#include <cmath>
#include <variant>

#include <gtest/gtest.h>

#include "planner/areas/service_areas.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::drawn_network;

constexpr double walk_mps = 4.5 / 3.6;  // 75 m a minute

planner::SnappedSource source_at_vertex(const planner::Network& net, planner::EdgeId e, bool tail,
                                        std::uint32_t label) {
  planner::EdgePosition pos;
  pos.edge = e;
  pos.offset_m = tail ? 0.0 : net.edges.edge_length_m[e];
  pos.on_edge = net.edges.vertex_xy[tail ? net.edges.edge_tail[e] : net.edges.edge_head[e]];
  return {pos, label};
}

struct SharedStreet {
  planner::Network net = drawn_network({{0, 0}, {600, 0}, {1200, 0}}, {{0, 1}, {1, 2}});
  planner::Inputs inputs;
  std::vector<double> minutes{5, 10};

  SharedStreet() {
    inputs.centers.push_back({"west", "", "", {0, 0}});
    inputs.centers.push_back({"east", "", "", {1200, 0}});
  }

  planner::ServiceAreas areas(planner::Overlap overlap) const {
    planner::ServiceAreaParams p;
    p.minutes = minutes;
    p.overlap = overlap;
    p.speed_mps = walk_mps;
    p.threads = 1;
    const std::vector<planner::SnappedSource> sources{source_at_vertex(net, 0, true, 0),
                                                      source_at_vertex(net, 1, false, 1)};
    return planner::build_service_areas(net, inputs, sources, {}, 600.0, p);
  }
};

double number(const io::FieldValue& v) {
  return std::get<double>(v);
}

/// The summed projected length of a row's lines (the street is straight, so it equals the
/// network length here).
double drawn_length(const io::RowGeometry& g) {
  double sum = 0.0;
  for (const planner::LineString& line : std::get<planner::MultiLineString>(g)) {
    for (std::size_t i = 1; i < line.size(); ++i) {
      sum += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    }
  }
  return sum;
}

TEST(ReachEdgesLayer, PerCenterOneRowPerCenterAndBand) {
  const SharedStreet s;
  const io::OutputLayer layer =
      io::merged_reach_edges_layer(s.net, s.inputs, s.areas(planner::Overlap::per_center),
                                   s.minutes, planner::Overlap::per_center);
  EXPECT_EQ(layer.geometry, io::GeometryKind::multi_line);
  ASSERT_EQ(layer.fields.size(), 5u);
  EXPECT_EQ(layer.fields[0].name, "center_id");
  EXPECT_EQ(layer.fields[4].name, "length_m");
  ASSERT_EQ(layer.rows.size(), 4u);
  const char* centers[] = {"west", "west", "east", "east"};
  for (std::size_t r = 0; r < 4; ++r) {
    const auto& row = layer.rows[r];
    EXPECT_EQ(std::get<std::string>(row[0]), centers[r]);
    EXPECT_EQ(std::get<std::string>(row[1]), "");
    EXPECT_EQ(number(row[2]), r % 2 == 0 ? 0.0 : 5.0);
    EXPECT_EQ(number(row[3]), r % 2 == 0 ? 5.0 : 10.0);
    // 0-5: 375 m of the center's own edge; 5-10: its other 225 m plus 150 m of the far edge.
    EXPECT_NEAR(number(row[4]), 375.0, 1e-6);
    EXPECT_NEAR(drawn_length(layer.geometries[r]), 375.0, 1e-6);
  }
  EXPECT_EQ(std::get<planner::MultiLineString>(layer.geometries[0]).size(), 1u);
  EXPECT_EQ(std::get<planner::MultiLineString>(layer.geometries[1]).size(), 2u);
}

TEST(ReachEdgesLayer, DissolveHoldsEachPieceOnceAtTheNearerCenter) {
  const SharedStreet s;
  const io::OutputLayer layer = io::merged_reach_edges_layer(
      s.net, s.inputs, s.areas(planner::Overlap::dissolve), s.minutes, planner::Overlap::dissolve);
  ASSERT_EQ(layer.rows.size(), 2u);  // one tier (""), two bands
  for (const auto& row : layer.rows) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(row[0]));  // no single center
    EXPECT_EQ(std::get<std::string>(row[1]), "");
  }
  // 0-5: 375 m from each end; 5-10: 375..600 from the west, 600..825 from the east.
  EXPECT_NEAR(number(layer.rows[0][4]), 750.0, 1e-6);
  EXPECT_NEAR(number(layer.rows[1][4]), 450.0, 1e-6);
  // The whole street once: no line drawn twice (per center, 1500 m would be drawn).
  EXPECT_NEAR(drawn_length(layer.geometries[0]) + drawn_length(layer.geometries[1]), 1200.0, 1e-6);
  EXPECT_EQ(std::get<planner::MultiLineString>(layer.geometries[0]).size(), 2u);
  EXPECT_EQ(std::get<planner::MultiLineString>(layer.geometries[1]).size(), 2u);
}

TEST(ReachEdgesLayer, SplitRowsAreTheDissolvedOnes) {
  const SharedStreet s;
  const io::OutputLayer split = io::merged_reach_edges_layer(
      s.net, s.inputs, s.areas(planner::Overlap::split), s.minutes, planner::Overlap::split);
  const io::OutputLayer dissolve = io::merged_reach_edges_layer(
      s.net, s.inputs, s.areas(planner::Overlap::dissolve), s.minutes, planner::Overlap::dissolve);
  EXPECT_EQ(split.rows, dissolve.rows);
  ASSERT_EQ(split.geometries.size(), dissolve.geometries.size());
  for (std::size_t r = 0; r < split.geometries.size(); ++r) {
    EXPECT_EQ(std::get<planner::MultiLineString>(split.geometries[r]),
              std::get<planner::MultiLineString>(dissolve.geometries[r]));
  }
}

TEST(ReachEdgesLayer, TiersGiveOneRowPerTierAndBand) {
  SharedStreet s;
  s.inputs.centers[0].tier = "street";
  s.inputs.centers[1].tier = "community";
  const io::OutputLayer layer = io::merged_reach_edges_layer(
      s.net, s.inputs, s.areas(planner::Overlap::dissolve), s.minutes, planner::Overlap::dissolve);
  ASSERT_EQ(layer.rows.size(), 4u);  // tiers by name: community (east), then street (west)
  EXPECT_EQ(std::get<std::string>(layer.rows[0][1]), "community");
  EXPECT_EQ(std::get<std::string>(layer.rows[3][1]), "street");
  // Alone in its tier, each center reaches as per center: 375 m per band.
  for (const auto& row : layer.rows) EXPECT_NEAR(number(row[4]), 375.0, 1e-6);
}

TEST(ReachEdgesLayer, PiecesAreTheTableOfEveryPiecePerCenter) {
  const SharedStreet s;
  const planner::ServiceAreas areas = s.areas(planner::Overlap::dissolve);
  const io::OutputLayer layer = io::reach_pieces_layer(s.net, s.inputs, areas);
  EXPECT_EQ(layer.geometry, io::GeometryKind::line);
  ASSERT_EQ(layer.rows.size(), areas.reach_edges.size());
  ASSERT_EQ(layer.rows.size(), 6u);  // per center: 0-5 on its edge, 5-10 on both edges
  const std::vector<std::string> names{"edge_id", "part", "from_min", "to_min", "center_id"};
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(layer.fields[i].name, names[i]);
  double total_m = 0.0;
  for (std::size_t r = 0; r < layer.rows.size(); ++r) {
    const planner::ReachPiece& p = areas.reach_edges[r];
    EXPECT_EQ(std::get<std::int64_t>(layer.rows[r][0]), s.net.edges.edge_feature_id[p.edge]);
    EXPECT_DOUBLE_EQ(number(layer.rows[r][2]), p.from_s / 60.0);
    EXPECT_DOUBLE_EQ(number(layer.rows[r][3]), p.to_s / 60.0);
    EXPECT_EQ(std::get<std::string>(layer.rows[r][4]), s.inputs.centers[p.label].id);
    total_m += std::abs(p.to_m - p.from_m);
  }
  EXPECT_NEAR(total_m, 1500.0, 1e-6);  // each center's 750 m: the middle is drawn twice
}

}  // namespace
