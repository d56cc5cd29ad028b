// The nearest segment from the grid (planner/network/segment_grid.h), checked by hand on drawn
// networks and against a brute-force scan of every segment on random ones: the same segment (ties
// to the lowest point index) and the same distance, for points near, far and beyond the bound.
#include "planner/network/segment_grid.h"

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "planner/network/snap_index.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::XY;

/// Every segment scanned: the nearest within max_m by squared distance (as the grid ranks them,
/// so that two segments whose distances differ in the last bit are ranked alike), ties to the
/// lowest point index.
std::optional<planner::SegmentGrid::Nearest> brute_force(const planner::EdgeSet& edges, XY q,
                                                         double max_m) {
  std::optional<planner::SegmentGrid::Nearest> best;
  double best_d2 = 0.0;
  for (planner::EdgeId e = 0; e < edges.edge_count(); ++e) {
    for (std::uint32_t p = edges.first_point[e]; p + 1 < edges.first_point[e + 1]; ++p) {
      const XY a = edges.points[p], b = edges.points[p + 1];
      const double f = planner::closest_fraction(q, a, b);
      const double dx = q.x - (a.x + f * (b.x - a.x)), dy = q.y - (a.y + f * (b.y - a.y));
      const double d2 = dx * dx + dy * dy;
      if (!best || d2 < best_d2) {
        best = {{p, e, planner::segment_distance(q, a, b)}};
        best_d2 = d2;
      }
    }
  }
  if (best && best->distance > max_m) return std::nullopt;
  return best;
}

TEST(SegmentGrid, NearestIsThePerpendicularFootWithinTheBound) {
  // A street along y = 0 from x = 0 to 300 (three edges), a side street up from x = 100.
  const auto net = testing_support::drawn_network({{0, 0}, {100, 0}, {200, 0}, {300, 0}, {100, 80}},
                                                  {{0, 1}, {1, 2}, {2, 3}, {1, 4}});
  const planner::SegmentGrid grid(net.edges, {}, 50.0);
  const auto found = grid.nearest({250, 30}, 100);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->edge, 2u);
  EXPECT_DOUBLE_EQ(found->distance, 30.0);
  // 40 m from the side street, 60 m from the main street.
  const auto side = grid.nearest({140, 60}, 100);
  ASSERT_TRUE(side);
  EXPECT_EQ(side->edge, 3u);
  EXPECT_DOUBLE_EQ(side->distance, 40.0);
  // The bound is inclusive, and nothing beyond it is returned.
  EXPECT_TRUE(grid.nearest({250, 30}, 30.0));
  EXPECT_FALSE(grid.nearest({250, 30}, 29.9));
  EXPECT_FALSE(grid.nearest({250, 1000}, 500));
  ASSERT_TRUE(grid.nearest({250, 1000}, 1000));
  EXPECT_DOUBLE_EQ(grid.nearest({250, 1000}, 1000)->distance, std::hypot(150.0, 920.0));
}

TEST(SegmentGrid, ATieAtAJunctionGoesToTheFirstSegmentListed) {
  // Three edges meet at (100, 0); (130, -30) is nearest to the junction itself, 42.4 m from it,
  // and so equally near to edges 0 (which ends there) and 1 (which starts there).
  const auto net = testing_support::drawn_network({{0, 0}, {100, 0}, {100, 100}, {0, -100}},
                                                  {{0, 1}, {1, 2}, {3, 1}});
  const planner::SegmentGrid grid(net.edges, {}, 50.0);
  const auto found = grid.nearest({130, -30}, 100);
  ASSERT_TRUE(found);
  EXPECT_DOUBLE_EQ(found->distance, std::hypot(30.0, 30.0));
  EXPECT_EQ(found->edge, 0u);
  EXPECT_EQ(found->point, 0u);
}

TEST(SegmentGrid, LongSegmentsAndNegativeCoordinatesAreFoundInEveryCellTheyCross) {
  // One 2 km segment crossing the origin diagonally, far longer than the 50 m cells.
  const auto net = testing_support::drawn_network({{-700, -700}, {700, 700}}, {{0, 1}});
  const planner::SegmentGrid grid(net.edges, {}, 50.0);
  for (double t : {-650.0, -10.0, 0.0, 333.3, 690.0}) {
    const auto found = grid.nearest({t - 20, t + 20}, 50);
    ASSERT_TRUE(found) << t;
    EXPECT_NEAR(found->distance, std::hypot(20.0, 20.0), 1e-9) << t;
  }
}

TEST(SegmentGrid, LeftOutEdgesAreNeverNearest) {
  const auto net = testing_support::street_with_loose_footway(20);
  std::vector<std::uint8_t> use(net.edges.edge_count(), 1);
  use[11] = 0;  // the footway
  const planner::SegmentGrid grid(net.edges, use, 50.0);
  const auto found = grid.nearest({520, 25}, 300);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->edge, 5u);
  EXPECT_DOUBLE_EQ(found->distance, 25.0);
  const planner::SegmentGrid nothing(net.edges, std::vector<std::uint8_t>(12, 0), 50.0);
  EXPECT_TRUE(nothing.empty());
  EXPECT_FALSE(nothing.nearest({520, 25}, 1e9));
}

TEST(SegmentGrid, MatchesABruteForceScanOnRandomNetworks) {
  std::mt19937 rng(20261203);
  std::uniform_real_distribution<double> coord(-1500.0, 1500.0);
  std::uniform_real_distribution<double> step(-80.0, 80.0);
  for (int trial = 0; trial < 4; ++trial) {
    // Polylines of 1 to 6 segments, some long, some vertices shared (ties at junctions).
    std::vector<XY> vertices;
    std::vector<std::pair<int, int>> pairs;
    for (int i = 0; i < 150; ++i) vertices.push_back({coord(rng), coord(rng)});
    for (int i = 0; i < 300; ++i) {
      const int a = static_cast<int>(rng() % vertices.size());
      int b = static_cast<int>(rng() % vertices.size());
      if (i % 3 == 0) {  // a short street from a to a new vertex nearby
        vertices.push_back({vertices[a].x + step(rng), vertices[a].y + step(rng)});
        b = static_cast<int>(vertices.size() - 1);
      }
      if (a != b) pairs.emplace_back(a, b);
    }
    auto net = testing_support::drawn_network(vertices, pairs);
    // Bend some edges: an interior point halfway, pushed sideways, so edges have 2 segments.
    planner::EdgeSet bent = net.edges;
    bent.points.clear();
    bent.cum_m.clear();
    bent.first_point = {0};
    for (planner::EdgeId e = 0; e < net.edges.edge_count(); ++e) {
      const XY a = net.edges.points[net.edges.first_point[e]];
      const XY b = net.edges.points[net.edges.first_point[e] + 1];
      bent.points.push_back(a);
      if (e % 2 == 0) bent.points.push_back({(a.x + b.x) / 2 + step(rng), (a.y + b.y) / 2});
      bent.points.push_back(b);
      for (std::size_t i = bent.cum_m.size(); i < bent.points.size(); ++i)
        bent.cum_m.push_back(0.0);
      bent.first_point.push_back(static_cast<std::uint32_t>(bent.points.size()));
    }
    for (double cell : {25.0, 50.0, 400.0}) {
      const planner::SegmentGrid grid(bent, {}, cell);
      for (int q = 0; q < 1500; ++q) {
        const XY p{1.2 * coord(rng), 1.2 * coord(rng)};
        const double max_m = (q % 4 == 0) ? 1e9 : 5.0 + static_cast<double>(q % 300);
        const auto expected = brute_force(bent, p, max_m);
        const auto found = grid.nearest(p, max_m);
        ASSERT_EQ(found.has_value(), expected.has_value()) << p.x << " " << p.y << " " << max_m;
        if (!found) continue;
        EXPECT_EQ(found->point, expected->point) << p.x << " " << p.y;
        EXPECT_EQ(found->edge, expected->edge);
        EXPECT_EQ(found->distance, expected->distance);
      }
    }
  }
}

TEST(SnapIndex, SnapsToTheNearestSegmentsFootWithItsOffsetAndLeg) {
  const auto net = testing_support::drawn_network({{0, 0}, {100, 0}, {100, 100}}, {{0, 1}, {1, 2}});
  const planner::SnapIndex index(net.edges);
  const auto pos = index.snap({40, -12}, 300);
  ASSERT_TRUE(pos);
  EXPECT_EQ(pos->edge, 0u);
  EXPECT_DOUBLE_EQ(pos->offset_m, 40.0);
  EXPECT_DOUBLE_EQ(pos->leg_m, 12.0);
  EXPECT_DOUBLE_EQ(pos->on_edge.x, 40.0);
  EXPECT_DOUBLE_EQ(pos->on_edge.y, 0.0);
  const auto up = index.snap({130, 70}, 300);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->edge, 1u);
  EXPECT_DOUBLE_EQ(up->offset_m, 70.0);
  EXPECT_FALSE(index.snap({130, 70}, 29));
}

}  // namespace
