// The network health report on hand-drawn networks, one per kind of finding, with the counts
// worked out by hand: components and small islands, centers and blocks snapped onto islands,
// long, zero-length and duplicate edges (and what is not a duplicate).
#include "planner/coverage/network_diagnostics.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/planner/drawn_network.h"

namespace {

using planner::FindingKind;
using testing_support::drawn_network;
using testing_support::square;

std::vector<planner::Finding> of_kind(const planner::NetworkDiagnostics& d, FindingKind kind) {
  std::vector<planner::Finding> out;
  std::copy_if(d.findings.begin(), d.findings.end(), std::back_inserter(out),
               [&](const planner::Finding& f) { return f.kind == kind; });
  return out;
}

// Main network: a path of 12 vertices, 100 m apart along y = 0 (vertices 0..11).
// Island: vertices 12-13, 50 m, at y = 1000. Second piece: a path of 10 vertices (14..23) at
// y = 2000, 100 m apart.
planner::Network three_pieces() {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  for (int i = 0; i < 12; ++i) v.push_back({100.0 * i, 0});
  for (int i = 0; i < 11; ++i) e.emplace_back(i, i + 1);
  v.push_back({0, 1000});
  v.push_back({50, 1000});
  e.emplace_back(12, 13);
  for (int i = 0; i < 10; ++i) v.push_back({100.0 * i, 2000});
  for (int i = 14; i < 23; ++i) e.emplace_back(i, i + 1);
  return drawn_network(v, e);
}

TEST(NetworkDiagnostics, ComponentsAndSmallIslandsByTheRule) {
  const auto net = three_pieces();
  planner::DiagnosticsParams p;
  p.island_min_vertices = 5;  // 2-vertex piece: island; 10-vertex piece: not
  p.island_share = 0.01;      // 1% of 12 rounds up to 1 vertex: the count bound decides
  const auto d = planner::diagnose_network(net, p);
  EXPECT_EQ(d.island_below, 5u);
  EXPECT_EQ(d.counts.components, 3u);
  EXPECT_EQ(d.counts.islands, 1u);
  EXPECT_EQ(d.counts.island_vertices, 2u);
  const auto islands = of_kind(d, FindingKind::island);
  ASSERT_EQ(islands.size(), 1u);
  EXPECT_EQ(islands[0].value, 2.0);
  EXPECT_EQ(islands[0].severity, planner::Severity::warning);
  // Shown by its (only) edge.
  ASSERT_EQ(islands[0].geometry.size(), 2u);
  EXPECT_EQ(islands[0].geometry[0].y, 1000.0);
  const auto others = of_kind(d, FindingKind::component);
  ASSERT_EQ(others.size(), 1u);
  EXPECT_EQ(others[0].value, 10.0);
  EXPECT_EQ(others[0].severity, planner::Severity::info);

  // By share: 90% of the largest (12) is 10.8 -> under 11 vertices is small: both pieces.
  p.island_share = 0.9;
  const auto by_share = planner::diagnose_network(net, p);
  EXPECT_EQ(by_share.island_below, 11u);
  EXPECT_EQ(by_share.counts.islands, 2u);
  EXPECT_EQ(by_share.counts.island_vertices, 12u);
  // None of these edges is long, zero or repeated.
  EXPECT_EQ(
      by_share.counts.long_edges + by_share.counts.zero_edges + by_share.counts.duplicate_edges,
      0u);
}

TEST(NetworkDiagnostics, LongZeroAndDuplicateEdges) {
  //  0 --1500 m-- 1 --100-- 2, 2 == 3 (same place, edge 2-3), edge 1-2 drawn twice and once
  //  reversed (2-1).
  const auto net = drawn_network({{0, 0}, {1500, 0}, {1600, 0}, {1600, 0}},
                                 {{0, 1}, {1, 2}, {2, 3}, {1, 2}, {2, 1}});
  const auto d = planner::diagnose_network(net);
  EXPECT_EQ(d.counts.components, 1u);
  EXPECT_EQ(d.counts.islands, 0u);
  const auto long_edges = of_kind(d, FindingKind::long_edge);
  ASSERT_EQ(long_edges.size(), 1u);
  EXPECT_EQ(long_edges[0].index, 0u);
  EXPECT_DOUBLE_EQ(long_edges[0].value, 1500.0);
  const auto zero = of_kind(d, FindingKind::zero_edge);
  ASSERT_EQ(zero.size(), 1u);
  EXPECT_EQ(zero[0].index, 2u);
  const auto dups = of_kind(d, FindingKind::duplicate_edge);
  ASSERT_EQ(dups.size(), 2u);
  EXPECT_EQ(dups[0].index, 3u);
  EXPECT_EQ(dups[0].other, 1u);  // repeats the first drawing
  EXPECT_EQ(dups[1].index, 4u);  // reversed: still the same street
  EXPECT_EQ(dups[1].other, 1u);
  EXPECT_EQ(d.counts.duplicate_edges, 2u);

  // The threshold is an option: at 2 km nothing is long.
  planner::DiagnosticsParams p;
  p.long_edge_m = 2000.0;
  EXPECT_EQ(planner::diagnose_network(net, p).counts.long_edges, 0u);
}

TEST(NetworkDiagnostics, ParallelStreetsWithOtherGeometryAreNotDuplicates) {
  // Lines cut by coordinates: A and C are the same straight street; B joins the same two
  // vertices by a bend. Only C repeats A.
  std::vector<planner::RoadLine> lines(3);
  lines[0].feature_id = 10;
  lines[0].points = {{0, 0}, {100, 0}};
  lines[1].feature_id = 11;
  lines[1].points = {{0, 0}, {50, 30}, {100, 0}};
  lines[2].feature_id = 12;
  lines[2].points = {{100, 0}, {0, 0}};
  const auto net = planner::build_network(lines);
  ASSERT_EQ(net.edges.edge_count(), 3u);
  const auto d = planner::diagnose_network(net);
  const auto dups = of_kind(d, FindingKind::duplicate_edge);
  ASSERT_EQ(dups.size(), 1u);
  EXPECT_EQ(net.edges.edge_feature_id[dups[0].index], 12);
  EXPECT_EQ(net.edges.edge_feature_id[dups[0].other], 10);
}

TEST(NetworkDiagnostics, CentersAndBlocksOnSmallIslands) {
  const auto net = three_pieces();
  planner::Inputs in;
  in.centers.push_back({"main", "", "", {500, 10}});
  in.centers.push_back({"isle", "", "", {25, 1010}});
  in.centers.push_back({"far", "", "", {5000, 5000}});  // not snapped: not an island finding
  in.blocks.push_back({"on-main", "", "", 10.0, square({300, -20}, 5)});
  in.blocks.push_back({"on-isle", "", "", 10.0, square({25, 980}, 5)});
  in.blocks.push_back({"on-piece", "", "", 10.0, square({300, 1980}, 5)});
  in.blocks.push_back({"nowhere", "", "", 10.0, square({5000, -5000}, 5)});
  planner::EvaluationParams ep;
  ep.max_snap_m = 100.0;
  ep.threads = 1;
  const auto ev = planner::evaluate(net, in, ep);
  planner::DiagnosticsParams p;
  p.island_min_vertices = 5;
  auto d = planner::diagnose_network(net, p);
  planner::diagnose_snapping(d, net, in, ev);
  EXPECT_EQ(d.counts.centers_on_islands, 1u);
  EXPECT_EQ(d.counts.blocks_on_islands, 1u);
  const auto centers = of_kind(d, FindingKind::center_on_island);
  ASSERT_EQ(centers.size(), 1u);
  EXPECT_EQ(centers[0].index, 1u);
  EXPECT_EQ(centers[0].value, 2.0);
  // From the center to where it meets the island's edge, 10 m south.
  ASSERT_EQ(centers[0].geometry.size(), 2u);
  EXPECT_NEAR(centers[0].geometry[0].y, 1010.0, 1e-9);
  EXPECT_NEAR(centers[0].geometry[1].y, 1000.0, 1e-9);
  const auto blocks = of_kind(d, FindingKind::block_on_island);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].index, 1u);  // "on-piece" sits on a 10-vertex piece, which is not small
}

TEST(NetworkDiagnostics, OptionsOutOfRangeAreRefused) {
  planner::DiagnosticsParams p;
  p.long_edge_m = 0.0;
  EXPECT_THROW(planner::validate(p), std::invalid_argument);
  p = {};
  p.island_share = 2.0;
  EXPECT_THROW(planner::validate(p), std::invalid_argument);
}

}  // namespace
