// Service areas on drawn networks: the exact mid-edge cutoff, nesting of bands, containment of
// the reached network, polygon validity, reach sets against Boost.Graph, and the split
// partition tiling the dissolved area.
#include "planner/areas/service_areas.h"

#include <cmath>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "planner/coverage/evaluation.h"
#include "planner/geos/geos_convert.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::drawn_network;
using testing_support::square;

constexpr double walk = 4.5 / 3.6;  // m/s

planner::SnappedSource at_vertex(const planner::Network& net, planner::EdgeId e, bool tail,
                                 std::uint32_t label) {
  planner::EdgePosition pos;
  pos.edge = e;
  pos.offset_m = tail ? 0.0 : net.edges.edge_length_m[e];
  pos.on_edge = net.edges.vertex_xy[tail ? net.edges.edge_tail[e] : net.edges.edge_head[e]];
  return {pos, label};
}

planner::ServiceAreaParams params(std::vector<double> minutes, planner::Overlap overlap) {
  planner::ServiceAreaParams p;
  p.minutes = std::move(minutes);
  p.overlap = overlap;
  p.bands = planner::BandMode::disks;
  p.speed_mps = walk;
  p.threads = 1;
  return p;
}

planner::Inputs one_center_inputs() {
  planner::Inputs in;
  in.centers.push_back({"C", "", "", {0, 0}});
  return in;
}

TEST(ServiceAreas, StraightTwoKilometreEdgeEndsAt1125Metres) {
  auto net = drawn_network({{0, 0}, {2000, 0}}, {{0, 1}});
  auto in = one_center_inputs();
  std::vector<planner::SnappedSource> sources{at_vertex(net, 0, true, 0)};
  auto areas = planner::build_service_areas(net, in, sources, {}, 900.0,
                                            params({15}, planner::Overlap::per_center));
  ASSERT_EQ(areas.reach_edges.size(), 1u);
  EXPECT_NEAR(areas.reach_edges[0].from_m, 0.0, 1e-9);
  EXPECT_NEAR(areas.reach_edges[0].to_m, 1125.0, 1e-3);  // 15 min at 4.5 km/h, to 1 mm
  EXPECT_NEAR(areas.reach_edges[0].to_s, 900.0, 1e-6);
  ASSERT_EQ(areas.polygons.size(), 1u);
  // A 1125 m line buffered by 25 m: rectangle plus two half discs (8 segments per quarter).
  const double expected = 1125.0 * 50.0 + M_PI * 25.0 * 25.0;
  EXPECT_NEAR(areas.polygons[0].area_m2, expected, expected * 0.005);
}

TEST(ServiceAreas, MidEdgeCenterReachesBothWaysAndBandsCutExactly) {
  auto net = drawn_network({{0, 0}, {2000, 0}}, {{0, 1}});
  auto in = one_center_inputs();
  planner::EdgePosition pos;
  pos.edge = 0;
  pos.offset_m = 1000.0;
  pos.leg_m = 75.0;  // one minute's walk to reach the road
  std::vector<planner::SnappedSource> sources{{pos, 0}};
  auto p = params({5, 10}, planner::Overlap::per_center);
  auto areas = planner::build_service_areas(net, in, sources, {}, 600.0, p);
  // 5 min = 375 m, minus 75 m of access leg: 300 m each way; 10 min: 675 m each way.
  double lo = 1e9, hi = -1e9, lo5 = 1e9, hi5 = -1e9;
  for (const auto& r : areas.reach_edges) {
    lo = std::min(lo, r.from_m);
    hi = std::max(hi, r.to_m);
    if (r.band == 0) {
      lo5 = std::min(lo5, r.from_m);
      hi5 = std::max(hi5, r.to_m);
      EXPECT_LE(std::max(r.from_s, r.to_s), 300.0 + 1e-6);
    }
  }
  EXPECT_NEAR(lo5, 700.0, 1e-6);
  EXPECT_NEAR(hi5, 1300.0, 1e-6);
  EXPECT_NEAR(lo, 325.0, 1e-6);
  EXPECT_NEAR(hi, 1675.0, 1e-6);
}

// A small grid with a canal: the 15-minute area must not jump the water.
//   row y=0:  0 - 1 - 2        (vertices 300 m apart)
//             |   |   |
//   row y=300 3 - 4 - 5
//   the far bank y=400: 6 - 7 (no bridge: an island of road across the canal)
planner::Network grid_with_canal() {
  return drawn_network(
      {{0, 0}, {300, 0}, {600, 0}, {0, 300}, {300, 300}, {600, 300}, {0, 400}, {600, 400}},
      {{0, 1}, {1, 2}, {0, 3}, {1, 4}, {2, 5}, {3, 4}, {4, 5}, {6, 7}});
}

TEST(ServiceAreas, BandsNestAndContainTheReachedNetworkAndNeverJumpWater) {
  auto net = grid_with_canal();
  auto in = one_center_inputs();
  std::vector<planner::SnappedSource> sources{at_vertex(net, 0, true, 0)};
  auto areas = planner::build_service_areas(net, in, sources, {}, 900.0,
                                            params({3, 6, 15}, planner::Overlap::per_center));
  ASSERT_EQ(areas.polygons.size(), 3u);
  planner::GeosContext ctx;
  std::vector<planner::GeomPtr> g;
  for (const auto& poly : areas.polygons) {
    g.push_back(planner::to_geos(ctx, poly.shape));
    EXPECT_EQ(GEOSisValid_r(ctx.get(), g.back().get()), 1);
  }
  for (int b = 0; b + 1 < 3; ++b) {
    auto outside =
        planner::own(ctx, GEOSDifference_r(ctx.get(), g[b].get(), g[b + 1].get()), "diff");
    EXPECT_LT(planner::area_m2(ctx, outside.get()), 1e-3)
        << "band " << b << " not inside band " << b + 1;
  }
  // Every reached piece lies inside its band's polygon (and all later ones).
  for (const auto& r : areas.reach_edges) {
    auto line = planner::to_geos(ctx, planner::edge_sub_line(net.edges, r.edge, r.from_m, r.to_m));
    for (std::uint32_t b = r.band; b < 3; ++b) {
      EXPECT_EQ(GEOSCovers_r(ctx.get(), g[b].get(), line.get()), 1);
    }
  }
  // The island across the canal (y=400) is 100 m from the reached bank but unreached: a point on
  // it, farther than the buffer from any reached street, is outside.
  auto island = planner::to_geos(ctx, planner::XY{300, 400});
  EXPECT_EQ(GEOSIntersects_r(ctx.get(), g[2].get(), island.get()), 0);
}

TEST(ServiceAreas, ReachMatchesBoostDijkstraFromTheSnappedPosition) {
  auto net = grid_with_canal();
  planner::Inputs in = one_center_inputs();
  planner::EdgePosition pos;
  pos.edge = 3;  // 1-4
  pos.offset_m = 120.0;
  pos.leg_m = 10.0;
  std::vector<planner::SnappedSource> sources{{pos, 0}};
  auto p = params({4}, planner::Overlap::per_center);
  auto areas = planner::build_service_areas(net, in, sources, {}, 240.0, p);
  // Reference: Boost.Graph from both ends of the snapped edge.
  const auto times = planner::arc_times_s(*net.graph, net.edges, walk);
  const auto& csr = net.graph->csr();
  auto weight =
      boost::make_iterator_property_map(times.begin(), boost::get(boost::edge_index, csr));
  std::vector<double> from_tail(8), from_head(8);
  boost::dijkstra_shortest_paths(
      csr, net.edges.edge_tail[3],
      boost::weight_map(weight).distance_map(boost::make_iterator_property_map(
          from_tail.begin(), boost::get(boost::vertex_index, csr))));
  boost::dijkstra_shortest_paths(
      csr, net.edges.edge_head[3],
      boost::weight_map(weight).distance_map(boost::make_iterator_property_map(
          from_head.begin(), boost::get(boost::vertex_index, csr))));
  const double to_tail = (10.0 + 120.0) / walk, to_head = (10.0 + 300.0 - 120.0) / walk;
  std::set<planner::NodeId> expected;
  for (planner::NodeId v = 0; v < 8; ++v) {
    if (std::min(to_tail + from_tail[v], to_head + from_head[v]) <= 240.0) expected.insert(v);
  }
  // Reached vertices: pieces whose end sits at a vertex with time <= limit.
  std::set<planner::NodeId> reached;
  for (const auto& r : areas.reach_edges) {
    if (r.from_m == 0.0) reached.insert(net.edges.edge_tail[r.edge]);
    if (r.to_m == net.edges.edge_length_m[r.edge]) reached.insert(net.edges.edge_head[r.edge]);
  }
  EXPECT_EQ(reached, expected);
  EXPECT_FALSE(expected.empty());
}

TEST(ServiceAreas, SplitTilesTheDissolvedArea) {
  auto net = grid_with_canal();
  planner::Inputs in;
  in.centers.push_back({"W", "", "", {0, 0}});
  in.centers.push_back({"E", "", "", {600, 0}});
  std::vector<planner::SnappedSource> sources{at_vertex(net, 0, true, 0),
                                              at_vertex(net, 1, false, 1)};
  auto dissolved = planner::build_service_areas(net, in, sources, {}, 900.0,
                                                params({10}, planner::Overlap::dissolve));
  auto split = planner::build_service_areas(net, in, sources, {}, 900.0,
                                            params({10}, planner::Overlap::split));
  ASSERT_EQ(dissolved.polygons.size(), 1u);
  ASSERT_EQ(split.polygons.size(), 2u);
  planner::GeosContext ctx;
  auto a = planner::to_geos(ctx, split.polygons[0].shape);
  auto b = planner::to_geos(ctx, split.polygons[1].shape);
  auto d = planner::to_geos(ctx, dissolved.polygons[0].shape);
  auto overlap = planner::own(ctx, GEOSIntersection_r(ctx.get(), a.get(), b.get()), "overlap");
  EXPECT_LT(planner::area_m2(ctx, overlap.get()), 1e-3);
  const double sum = split.polygons[0].area_m2 + split.polygons[1].area_m2;
  EXPECT_NEAR(sum, dissolved.polygons[0].area_m2, dissolved.polygons[0].area_m2 * 1e-6);
  EXPECT_EQ(split.polygons[0].center, 0u);
  EXPECT_EQ(split.polygons[1].center, 1u);
  // The west center's part holds the west end of the network.
  auto west = planner::to_geos(ctx, planner::XY{10, 10});
  EXPECT_EQ(GEOSIntersects_r(ctx.get(), a.get(), west.get()), 1);
  (void)d;
}

TEST(ServiceAreas, ReachedBlocksAndPopulationPerCenter) {
  auto net = grid_with_canal();
  planner::Inputs in = one_center_inputs();
  in.blocks.push_back({"near", "", "", 100.0, square({150, 10}, 5.0)});
  in.blocks.push_back({"far", "", "", 50.0, square({600, 310}, 5.0)});
  planner::EvaluationParams ep;
  ep.speed_kmh = 4.5;
  ep.minutes = {5};
  ep.threads = 1;
  auto ev = planner::evaluate(net, in, ep);
  auto areas = planner::build_service_areas(net, in, ev.sources, ev.sites, ev.cover_s,
                                            params({5}, planner::Overlap::per_center));
  ASSERT_EQ(areas.reach.size(), 1u);
  EXPECT_EQ(areas.reach[0].blocks, 1u);  // 'near' is ~3 minutes away, 'far' ~12
  EXPECT_DOUBLE_EQ(areas.reach[0].pop, 100.0);
  EXPECT_GT(areas.polygons[0].pop, 0.0);
}

/// Every ring point of two shapes, in order (exact comparison: the outputs are bytes).
std::vector<planner::XY> ring_points(const planner::MultiPolygon& shape) {
  std::vector<planner::XY> out;
  for (const auto& poly : shape) {
    out.insert(out.end(), poly.outer.begin(), poly.outer.end());
    for (const auto& hole : poly.holes) out.insert(out.end(), hole.begin(), hole.end());
    out.push_back({-1, -1});  // part separator
  }
  return out;
}

// Searches, reach and polygons run center by center on the threads; every result goes to the
// center's own slot and is merged in center order, so one and two threads give the same bits.
// A 9 x 9 grid of 120 m blocks with dangles (interior edges and frontier pieces), twelve
// centers and blocks with population.
TEST(ServiceAreas, RingsLieOnTheMillimetreGridAndFillTheirDiskLessTheOneInside) {
  auto net = grid_with_canal();
  auto in = one_center_inputs();
  std::vector<planner::SnappedSource> sources{at_vertex(net, 0, true, 0)};
  auto p = params({3, 6, 15}, planner::Overlap::per_center);
  const auto disks = planner::build_service_areas(net, in, sources, {}, 900.0, p);
  p.bands = planner::BandMode::rings;
  const auto rings = planner::build_service_areas(net, in, sources, {}, 900.0, p);
  ASSERT_EQ(disks.polygons.size(), 3u);
  ASSERT_EQ(rings.polygons.size(), 3u);
  planner::GeosContext ctx;
  // The first band is its disk; the others are rounded to the grid, vertex by vertex.
  EXPECT_EQ(ring_points(rings.polygons[0].shape), ring_points(disks.polygons[0].shape));
  for (int b = 1; b < 3; ++b) {
    const auto& ring = rings.polygons[b];
    EXPECT_EQ(ring.from_min, b == 1 ? 3.0 : 6.0);
    for (const planner::XY& q : ring_points(ring.shape)) {
      EXPECT_NEAR(q.x / planner::ring_grid_m, std::round(q.x / planner::ring_grid_m), 1e-6);
      EXPECT_NEAR(q.y / planner::ring_grid_m, std::round(q.y / planner::ring_grid_m), 1e-6);
    }
    // Ring and inner disk meet to within the grid: their overlap is a sliver no wider than it,
    // and together they make the outer disk.
    auto g_ring = planner::to_geos(ctx, ring.shape);
    auto inner = planner::to_geos(ctx, disks.polygons[b - 1].shape);
    auto outer = planner::to_geos(ctx, disks.polygons[b].shape);
    EXPECT_EQ(GEOSisValid_r(ctx.get(), g_ring.get()), 1);
    double perimeter = 0.0;
    GEOSLength_r(ctx.get(), inner.get(), &perimeter);
    const double slack = perimeter * planner::ring_grid_m;
    auto overlap = planner::own(ctx, GEOSIntersection_r(ctx.get(), g_ring.get(), inner.get()), "i");
    EXPECT_LE(planner::area_m2(ctx, overlap.get()), slack) << b;
    EXPECT_NEAR(ring.area_m2 + planner::area_m2(ctx, inner.get()),
                planner::area_m2(ctx, outer.get()), 2.0 * slack)
        << b;
    EXPECT_GT(ring.area_m2, 1000.0) << b;
  }
}

TEST(ServiceAreas, PerCenterResultsAreIdenticalOnOneAndTwoThreads) {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  const int side = 9;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      v.push_back({120.0 * x, 120.0 * y});
      if (x > 0) e.emplace_back(y * side + x - 1, y * side + x);
      if (y > 0) e.emplace_back((y - 1) * side + x, y * side + x);
    }
  }
  for (int k = 0; k < 6; ++k) {  // dangles into the blocks
    v.push_back({120.0 * k + 60.0, 120.0 * k + 40.0});
    e.emplace_back(k * side + k, static_cast<int>(v.size()) - 1);
  }
  auto net = drawn_network(v, e);
  planner::Inputs in;
  std::vector<planner::SnappedSource> sources;
  for (std::uint32_t c = 0; c < 12; ++c) {
    in.centers.push_back({"c" + std::to_string(c), "", "", {0, 0}});
    sources.push_back(
        at_vertex(net, static_cast<planner::EdgeId>((c * 13) % e.size()), c % 2 == 0, c));
  }
  for (int k = 0; k < 20; ++k) {
    in.blocks.push_back({"b" + std::to_string(k), "", "", 10.0 + k,
                         square({120.0 * (k % 8) + 60.0, 120.0 * (k / 8) + 60.0}, 30.0)});
  }
  planner::EvaluationParams ep;
  ep.speed_kmh = 4.5;
  ep.minutes = {5};
  ep.threads = 1;
  auto ev = planner::evaluate(net, in, ep);
  auto p = params({3, 6, 10}, planner::Overlap::per_center);
  p.bands = planner::BandMode::rings;
  p.threads = 1;
  const auto one = planner::build_service_areas(net, in, sources, ev.sites, ev.cover_s, p);
  p.threads = 2;
  const auto two = planner::build_service_areas(net, in, sources, ev.sites, ev.cover_s, p);

  ASSERT_EQ(one.polygons.size(), 36u);
  ASSERT_EQ(two.polygons.size(), one.polygons.size());
  for (std::size_t i = 0; i < one.polygons.size(); ++i) {
    const auto &a = one.polygons[i], &b = two.polygons[i];
    EXPECT_EQ(a.center, b.center) << i;
    EXPECT_EQ(a.band, b.band) << i;
    EXPECT_EQ(a.area_m2, b.area_m2) << i;
    EXPECT_EQ(a.pop, b.pop) << i;
    EXPECT_EQ(ring_points(a.shape), ring_points(b.shape)) << "polygon " << i;
  }
  EXPECT_GT(one.polygons[2].area_m2, 0.0);
  ASSERT_EQ(two.reach_edges.size(), one.reach_edges.size());
  ASSERT_FALSE(one.reach_edges.empty());
  for (std::size_t i = 0; i < one.reach_edges.size(); ++i) {
    const auto &a = one.reach_edges[i], &b = two.reach_edges[i];
    EXPECT_TRUE(a.edge == b.edge && a.from_m == b.from_m && a.to_m == b.to_m &&
                a.from_s == b.from_s && a.to_s == b.to_s && a.label == b.label && a.band == b.band)
        << "piece " << i;
  }
  ASSERT_EQ(two.reach.size(), one.reach.size());
  std::uint32_t reached_blocks = 0;
  for (std::size_t c = 0; c < one.reach.size(); ++c) {
    EXPECT_EQ(one.reach[c].blocks, two.reach[c].blocks) << c;
    EXPECT_EQ(one.reach[c].pop, two.reach[c].pop) << c;
    reached_blocks += one.reach[c].blocks;
  }
  EXPECT_GT(reached_blocks, 0u);
}

}  // namespace
