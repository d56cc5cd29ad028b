// Walking times built once per network: seconds per arc from the lengths and the speed, and on
// a variant with a slowed road class, (length / factor) / speed to the last bit; true metres
// (network distance) that no speed factor changes.
#include "planner/search/walk_times.h"

#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/scenario/edits.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::drawn_network;

//   0 ---100--- 1 ---30--- 2      edge 1 is steps
planner::Network line() {
  return drawn_network({{0, 0}, {100, 0}, {130, 0}}, {{0, 1}, {1, 2}});
}

std::vector<planner::RoadLine> roads() {
  std::vector<planner::RoadLine> r(2);
  r[0].highway = "footway";
  r[1].highway = "steps";
  return r;
}

TEST(WalkTimes, ArcSecondsAreLengthOverSpeedBothWays) {
  const planner::Network net = line();
  const planner::WalkTimes walk(net, 1.25);
  EXPECT_EQ(walk.speed_mps(), 1.25);
  ASSERT_EQ(walk.arc_s().size(), net.graph->arc_count());
  const auto refs = net.graph->arc_ref();
  for (planner::ArcId a = 0; a < net.graph->arc_count(); ++a)
    EXPECT_EQ(walk.arc_s()[a], net.edges.edge_length_m[refs[a].edge] / 1.25);
  EXPECT_EQ(walk.seconds(10.0), 8.0);
  EXPECT_EQ(walk.metres(8.0), 10.0);
}

TEST(WalkTimes, SlowedClassKeepsTheArithmeticOrder) {
  const planner::Network base = line();
  planner::NetworkEdits edits;
  edits.speed_factor["steps"] = 0.3;  // not a power of two: the order of the divisions shows
  const planner::Network variant =
      planner::network_from_edges(planner::edit_edges(base.edges, roads(), edits));
  const double speed = 4.5 / 3.6;
  const planner::WalkTimes walk(variant, speed);
  const auto refs = variant.graph->arc_ref();
  for (planner::ArcId a = 0; a < variant.graph->arc_count(); ++a) {
    const planner::EdgeId e = refs[a].edge;
    const double length = base.edges.edge_length_m[e];
    const double expected = e == 1 ? (length / 0.3) / speed : length / speed;
    EXPECT_EQ(walk.arc_s()[a], expected) << "arc " << a;
  }
}

TEST(WalkTimes, TrueMetresIgnoreSpeedFactors) {
  const planner::Network base = line();
  planner::NetworkEdits edits;
  edits.speed_factor["steps"] = 0.3;
  const planner::Network variant =
      planner::network_from_edges(planner::edit_edges(base.edges, roads(), edits));
  ASSERT_FALSE(variant.edges.edge_speed_factor.empty());
  const planner::WalkTimes metres = planner::WalkTimes::true_metres(variant);
  EXPECT_EQ(metres.speed_mps(), 1.0);
  const auto refs = variant.graph->arc_ref();
  ASSERT_EQ(metres.arc_s().size(), variant.graph->arc_count());
  for (planner::ArcId a = 0; a < variant.graph->arc_count(); ++a)
    EXPECT_EQ(metres.arc_s()[a], base.edges.edge_length_m[refs[a].edge]) << "arc " << a;
  EXPECT_EQ(metres.along(1, 12.5), 12.5);  // the slowed edge too
  EXPECT_EQ(metres.on_edge(1, 12.5), 12.5);
  EXPECT_EQ(metres.seconds(42.0), 42.0);
  // The run's walking times on the same variant do slow the steps.
  const planner::WalkTimes walk(variant, 1.0);
  EXPECT_EQ(walk.along(1, 12.5), 12.5 / 0.3);
}

TEST(WalkTimes, RefusesANonPositiveSpeed) {
  const planner::Network net = line();
  EXPECT_THROW(planner::WalkTimes(net, 0.0), planner::InternalError);
}

}  // namespace
