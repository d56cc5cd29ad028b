// split_into_edges() on tiny drawn networks (coordinates in metres, 1 map cell = 1 m unless the
// map says otherwise). segment_m is left empty so lengths are the planar lengths of the drawing.
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/network/edge_set.h"

namespace planner {
namespace {

/// A line through OSM-style node ids, placed on the drawing by `at`.
RoadLine id_line(std::int64_t feature, const std::vector<std::int64_t>& ids,
                 const std::map<std::int64_t, XY>& at) {
  RoadLine line;
  line.feature_id = feature;
  for (std::int64_t id : ids) {
    line.node_ids.push_back(id);
    line.points.push_back(at.at(id));
  }
  return line;
}

RoadLine xy_line(std::int64_t feature, const std::vector<XY>& points) {
  RoadLine line;
  line.feature_id = feature;
  line.points = points;
  return line;
}

/// External ids of the edge's ends, so checks read like the drawing.
std::pair<std::int64_t, std::int64_t> ends(const EdgeSet& s, std::size_t e) {
  return {s.vertex_external_id[s.edge_tail[e]], s.vertex_external_id[s.edge_head[e]]};
}

std::size_t edge_point_count(const EdgeSet& s, std::size_t e) {
  return s.first_point[e + 1] - s.first_point[e];
}

using Ends = std::pair<std::int64_t, std::int64_t>;

//  1 ---- 7 ---- 2 ---- 3      line 10: 1 7 2 3
//                |
//                4             line 11: 2 4
// 2 is used twice (vertex); 7 once (geometry only).
TEST(EdgeSplitter, TJunctionByNodeId) {
  const std::map<std::int64_t, XY> at{
      {1, {0, 0}}, {7, {1, 0}}, {2, {2, 0}}, {3, {3, 0}}, {4, {2, -1}}};
  const EdgeSet s = split_into_edges({id_line(10, {1, 7, 2, 3}, at), id_line(11, {2, 4}, at)});
  ASSERT_EQ(s.vertex_count(), 4u);
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(s.vertex_xy[1], (XY{2, 0}));
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(ends(s, 0), (Ends{1, 2}));
  EXPECT_EQ(ends(s, 1), (Ends{2, 3}));
  EXPECT_EQ(ends(s, 2), (Ends{2, 4}));
  EXPECT_EQ(s.edge_feature_id, (std::vector<std::int64_t>{10, 10, 11}));
  EXPECT_EQ(s.edge_part, (std::vector<std::uint32_t>{0, 1, 0}));
  EXPECT_EQ(s.edge_line, (std::vector<std::uint32_t>{0, 0, 1}));
  EXPECT_EQ(edge_point_count(s, 0), 3u);  // 1 7 2
  EXPECT_DOUBLE_EQ(s.edge_length_m[0], 2.0);
}

//        3 ---- 4
//        |      |
//  1 --- 2 ---- 6      one line: 1 2 3 4 6 2 5 (it crosses itself at 2)
//        |
//        5
TEST(EdgeSplitter, SelfCrossingIsAVertex) {
  const std::map<std::int64_t, XY> at{{1, {0, 0}}, {2, {1, 0}}, {3, {1, 1}},
                                      {4, {2, 1}}, {6, {2, 0}}, {5, {1, -1}}};
  const EdgeSet s = split_into_edges({id_line(1, {1, 2, 3, 4, 6, 2, 5}, at)});
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{1, 2, 5}));
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(ends(s, 0), (Ends{1, 2}));
  EXPECT_EQ(ends(s, 1), (Ends{2, 2}));  // the loop 2 3 4 6 2
  EXPECT_EQ(ends(s, 2), (Ends{2, 5}));
  EXPECT_DOUBLE_EQ(s.edge_length_m[1], 4.0);
  EXPECT_EQ(s.edge_part, (std::vector<std::uint32_t>{0, 1, 2}));
}

//  1 ---- 2 ---- 3      line 0: 1 2 3
//         | \          line 1 (closed): 2 4 5 2, touching the network only at 2
//         5--4
TEST(EdgeSplitter, ClosedRingAtOneNodeIsASelfLoop) {
  const std::map<std::int64_t, XY> at{
      {1, {0, 0}}, {2, {1, 0}}, {3, {2, 0}}, {4, {2, -1}}, {5, {1, -1}}};
  const EdgeSet s = split_into_edges({id_line(0, {1, 2, 3}, at), id_line(1, {2, 4, 5, 2}, at)});
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{1, 2, 3}));
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(ends(s, 2), (Ends{2, 2}));
  EXPECT_EQ(edge_point_count(s, 2), 4u);
  EXPECT_DOUBLE_EQ(s.edge_length_m[2], std::sqrt(2.0) + 2.0);
}

// A ring alone is one loop on its closing node; a ring crossed at another node is cut there.
//  4 ---- 2 ---- 8      line 0 (closed): 4 2 5 4
//   \    /              line 1: 2 8
//    5--'
TEST(EdgeSplitter, RingCutWhereAnotherLineTouches) {
  const std::map<std::int64_t, XY> at{{4, {0, 0}}, {2, {1, 0}}, {5, {0.5, -1}}, {8, {2, 0}}};
  const EdgeSet s = split_into_edges({id_line(0, {4, 2, 5, 4}, at), id_line(1, {2, 8}, at)});
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{4, 2, 8}));
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(ends(s, 0), (Ends{4, 2}));
  EXPECT_EQ(ends(s, 1), (Ends{2, 4}));  // 2 5 4: parallel to edge 0, kept
  EXPECT_EQ(ends(s, 2), (Ends{2, 8}));
}

//     3
//   /   \           line 0: 1 2
//  1 --- 2          line 1: 1 3 2       line 2: 1 2 again (a duplicate way)
TEST(EdgeSplitter, ParallelEdgesAreKept) {
  const std::map<std::int64_t, XY> at{{1, {0, 0}}, {2, {2, 0}}, {3, {1, 1}}};
  const EdgeSet s =
      split_into_edges({id_line(0, {1, 2}, at), id_line(1, {1, 3, 2}, at), id_line(2, {1, 2}, at)});
  EXPECT_EQ(s.vertex_count(), 2u);
  ASSERT_EQ(s.edge_count(), 3u);
  for (std::size_t e = 0; e < 3; ++e) EXPECT_EQ(ends(s, e), (Ends{1, 2}));
  EXPECT_DOUBLE_EQ(s.edge_length_m[1], 2.0 * std::sqrt(2.0));
}

// Tolerance 1 cm, no node ids:
//  a (0,0) ------ b (10,0)        line 0
//                 b' (10.005,0) -- c (10,10)     line 1: 5 mm from b, so b
//                 d (10.05,0) ---- e (20,10)     line 2: 5 cm from b, its own vertex
TEST(EdgeSplitter, CoordinateToleranceMerge) {
  SplitOptions options;
  options.node_tolerance_m = 0.01;
  const EdgeSet s =
      split_into_edges({xy_line(0, {{0, 0}, {10, 0}}), xy_line(1, {{10.005, 0}, {10, 10}}),
                        xy_line(2, {{10.05, 0}, {20, 10}})},
                       options);
  ASSERT_EQ(s.vertex_count(), 5u);
  EXPECT_EQ(s.vertex_xy[1], (XY{10, 0}));  // the first-seen point stands for b'
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(s.edge_tail[1], 1u);
  EXPECT_EQ(s.edge_tail[2], 3u);
}

// Points 1 mm apart on either side of a grid cell border still merge (neighbour cells), and a
// crossing shared by coordinates is a vertex like a shared node id:
//            c (5,5)
//            |
//  a (0,0) - x (5,0.0095) - b (10,0)     x is drawn 1 mm apart in the two lines
//            |
//            d (5,-5)
TEST(EdgeSplitter, CoordinateCrossingAcrossCellBorder) {
  const EdgeSet s = split_into_edges(
      {xy_line(0, {{0, 0}, {5, 0.0095}, {10, 0}}), xy_line(1, {{5, 5}, {5, 0.0105}, {5, -5}})});
  EXPECT_EQ(s.vertex_count(), 5u);
  EXPECT_EQ(s.edge_count(), 4u);
  EXPECT_EQ(s.vertex_xy[1], (XY{5, 0.0095}));
}

// A line whose two middle points are 5 mm apart: one node, no zero-length loop; a line drawn
// on a single node is dropped.
TEST(EdgeSplitter, RunOfOneNodeIsNotCut) {
  const EdgeSet s =
      split_into_edges({xy_line(0, {{0, 0}, {5, 0}, {5.005, 0}, {10, 0}}),
                        xy_line(1, {{5, 0}, {5, 5}}), xy_line(2, {{20, 20}, {20.001, 20}})});
  EXPECT_EQ(s.vertex_count(), 4u);
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(edge_point_count(s, 0), 3u);  // (0,0) (5,0) (5.005,0)
  EXPECT_NEAR(s.edge_length_m[0], 5.005, 1e-12);
  EXPECT_EQ(s.edge_line, (std::vector<std::uint32_t>{0, 0, 1}));
}

// pgRouting-style topology: one edge per line between its source and target, whatever the
// interior points share with other lines.
//  100 (0,0) --- (5,0) --- 200 (10,0) --- (10,5) --- 300 (10,10)
TEST(EdgeSplitter, ExplicitTopology) {
  RoadLine a = xy_line(1, {{0, 0}, {5, 0}, {10, 0}});
  a.source_node = 100;
  a.target_node = 200;
  RoadLine b = xy_line(2, {{10, 0}, {10, 5}, {10, 10}});
  b.source_node = 200;
  b.target_node = 300;
  RoadLine c = xy_line(3, {{5, 0}, {10, 5}});  // shares interior points only: not a vertex there
  c.source_node = 400;
  c.target_node = 500;
  const EdgeSet s = split_into_edges({a, b, c});
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{100, 200, 300, 400, 500}));
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(ends(s, 0), (Ends{100, 200}));
  EXPECT_EQ(ends(s, 1), (Ends{200, 300}));
  EXPECT_EQ(edge_point_count(s, 0), 3u);
  EXPECT_DOUBLE_EQ(s.edge_length_m[1], 10.0);
}

// segment_m wins over the drawing; cum_m restarts at each edge.
//  1 -2m- 2 -3m- 3 -4m- 4        line: 1 2 3 4, with 2 also used by line 1: 2 5
TEST(EdgeSplitter, LengthsAndCumulativeMetres) {
  const std::map<std::int64_t, XY> at{
      {1, {0, 0}}, {2, {1, 0}}, {3, {2, 0}}, {4, {3, 0}}, {5, {1, 1}}};
  RoadLine main = id_line(0, {1, 2, 3, 4}, at);
  main.segment_m = {2.0, 3.0, 4.0};
  const EdgeSet s = split_into_edges({main, id_line(1, {2, 5}, at)});
  ASSERT_EQ(s.edge_count(), 3u);
  EXPECT_EQ(s.first_point, (std::vector<std::uint32_t>{0, 2, 5, 7}));
  EXPECT_EQ(s.cum_m, (std::vector<double>{0, 2, 0, 3, 7, 0, 1}));
  EXPECT_EQ(s.edge_length_m, (std::vector<double>{2, 7, 1}));
  EXPECT_EQ(s.points[2], (XY{1, 0}));
}

// Vertices are numbered by first appearance over lines in input order, interior appearances
// included: 20 is seen (inside line 0) before 40, so 20 -> 1 and 40 -> 3.
//  10 --- 20 --- 30        line 0: 10 20 30
//          |
//         40               line 1: 40 20
TEST(EdgeSplitter, DeterministicNumbering) {
  const std::map<std::int64_t, XY> at{{10, {0, 0}}, {20, {1, 0}}, {30, {2, 0}}, {40, {1, -1}}};
  const std::vector<RoadLine> lines{id_line(0, {10, 20, 30}, at), id_line(1, {40, 20}, at)};
  const EdgeSet s = split_into_edges(lines);
  EXPECT_EQ(s.vertex_external_id, (std::vector<std::int64_t>{10, 20, 30, 40}));
  const EdgeSet again = split_into_edges(lines);
  EXPECT_EQ(again.vertex_external_id, s.vertex_external_id);
  EXPECT_EQ(again.edge_tail, s.edge_tail);
  EXPECT_EQ(again.edge_head, s.edge_head);
  EXPECT_EQ(again.points, s.points);
}

TEST(EdgeSplitter, EmptyInputAndBadLines) {
  const EdgeSet empty = split_into_edges({});
  EXPECT_EQ(empty.vertex_count(), 0u);
  EXPECT_EQ(empty.first_point, (std::vector<std::uint32_t>{0}));

  RoadLine bad = xy_line(0, {{0, 0}, {1, 0}});
  // Sizes that do not agree are a bug of whoever built the lines (exit 3), not bad input.
  bad.segment_m = {1.0, 2.0};
  EXPECT_THROW(split_into_edges({bad}), planner::InternalError);
  bad.segment_m.clear();
  bad.node_ids = {1};
  EXPECT_THROW(split_into_edges({bad}), planner::InternalError);
  // The readers refuse NaN coordinates, so one reaching the splitter is ours too.
  EXPECT_THROW(split_into_edges({xy_line(0, {{0, 0}, {std::nan(""), 0}})}), planner::InternalError);
}

// Found by the osm_ways fuzz target (tests/fuzz/regressions/osm_ways/): a coordinate of 1e300
// made the cell number overflow int64 (undefined behaviour). Far-off coordinates are now an
// error saying so; a vanishing tolerance still merges identical points and keeps others apart.
TEST(EdgeSplitter, HugeCoordinatesAndTinyTolerance) {
  // A wrong CRS can give such numbers: bad input (exit 1), not an internal error.
  EXPECT_THROW(split_into_edges({xy_line(0, {{0, 0}, {1e300, 0}})}), std::invalid_argument);
  EXPECT_THROW(split_into_edges({xy_line(0, {{0, -1e15}, {1, 0}})}), std::invalid_argument);
  // Node ids decide identity, so lon/lat or odd coordinates with ids are not looked at.
  EXPECT_EQ(split_into_edges({id_line(0, {1, 2}, {{1, {1e300, 0}}, {2, {0, 0}}})}).edge_count(),
            1u);

  SplitOptions tiny;
  tiny.node_tolerance_m = 1e-300;
  const EdgeSet s = split_into_edges({xy_line(0, {{500000, 3400000}, {500010, 3400000}}),
                                      xy_line(1, {{500010, 3400000}, {500010, 3400010}}),
                                      xy_line(2, {{500010.0001, 3400000}, {500020, 3400000}})},
                                     tiny);
  EXPECT_EQ(s.vertex_count(), 5u);  // lines 0 and 1 share a vertex; line 2 is 0.1 mm apart
  EXPECT_EQ(s.edge_count(), 3u);
}

}  // namespace
}  // namespace planner
