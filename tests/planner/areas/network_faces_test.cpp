// Network faces and the polygons built from them, on drawn networks: the faces of a grid, a
// wholly reached face becoming its strip (face minus its hole), partly reached faces buffered
// piece by piece, dangles inside a face, a bridge crossing without a shared vertex, separate
// islands. Every polygon is checked against the naive buffer-and-union (area within 0.5%) and
// for GEOS validity.
#include "planner/areas/network_faces.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "planner/areas/reach_polygon.h"
#include "planner/geos/geos_convert.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::drawn_network;

constexpr double buffer_m = 25.0;
constexpr int segments = 8;

/// Every edge reached over its whole length, in one band.
std::vector<planner::ReachPiece> whole(const planner::Network& net) {
  std::vector<planner::ReachPiece> out;
  for (planner::EdgeId e = 0; e < net.edges.edge_count(); ++e) {
    planner::ReachPiece p;
    p.edge = e;
    p.to_m = net.edges.edge_length_m[e];
    p.label = 0;
    out.push_back(p);
  }
  return out;
}

double naive_area(const planner::GeosContext& ctx, const planner::Network& net,
                  const std::vector<planner::ReachPiece>& pieces) {
  auto lines = planner::pieces_as_lines(ctx, net.edges, pieces, 0);
  return planner::area_m2(ctx,
                          planner::buffer_reach_naive(ctx, lines.get(), buffer_m, segments).get());
}

struct Built {
  planner::GeomPtr shape;
  double area = 0.0;
  std::size_t full_faces = 0;
};

Built build(const planner::GeosContext& ctx, const planner::Network& net,
            const std::vector<planner::ReachPiece>& pieces) {
  const auto faces = planner::build_network_faces(net.edges, buffer_m, segments);
  planner::FacePolygonBuilder builder(faces, net.edges);
  Built b;
  b.shape = builder.build(ctx, pieces, 0);
  b.area = planner::area_m2(ctx, b.shape.get());
  b.full_faces = builder.timings.full_faces;
  EXPECT_EQ(GEOSisValid_r(ctx.get(), b.shape.get()), 1);
  return b;
}

bool contains(const planner::GeosContext& ctx, const GEOSGeometry* g, planner::XY p) {
  auto point = planner::to_geos(ctx, p);
  return GEOSIntersects_r(ctx.get(), g, point.get()) == 1;
}

int interior_rings(const planner::GeosContext& ctx, const GEOSGeometry* g) {
  int n = 0;
  for (int i = 0; i < GEOSGetNumGeometries_r(ctx.get(), g); ++i)
    n += GEOSGetNumInteriorRings_r(ctx.get(), GEOSGetGeometryN_r(ctx.get(), g, i));
  return n;
}

// 3 x 3 vertices 200 m apart: four square faces.
//   6 - 7 - 8
//   |   |   |
//   3 - 4 - 5
//   |   |   |
//   0 - 1 - 2
planner::Network grid() {
  return drawn_network({{0, 0},
                        {200, 0},
                        {400, 0},
                        {0, 200},
                        {200, 200},
                        {400, 200},
                        {0, 400},
                        {200, 400},
                        {400, 400}},
                       {{0, 1},
                        {1, 2},
                        {3, 4},
                        {4, 5},
                        {6, 7},
                        {7, 8},
                        {0, 3},
                        {3, 6},
                        {1, 4},
                        {4, 7},
                        {2, 5},
                        {5, 8}});
}

TEST(NetworkFaces, GridHasFourSquareFacesWithSquareHoles) {
  auto net = grid();
  const auto faces = planner::build_network_faces(net.edges, buffer_m, segments);
  ASSERT_EQ(faces.face_count(), 4u);
  planner::GeosContext ctx;
  for (std::size_t f = 0; f < 4; ++f) {
    EXPECT_NEAR(planner::area_m2(ctx, planner::to_geos(ctx, faces.faces[f]).get()), 40000.0, 1e-6);
    // A 200 m square less 25 m all round (sharp corners inside a convex face).
    EXPECT_NEAR(planner::area_m2(ctx, planner::to_geos(ctx, faces.holes[f]).get()), 150.0 * 150.0,
                1e-6);
    EXPECT_EQ(faces.first_stretch[f + 1] - faces.first_stretch[f], 4u);  // four sides
    EXPECT_TRUE(faces.interior_of(static_cast<std::uint32_t>(f)).empty());
  }
  // Inner edges (e.g. 1-4, edge 8) bound two faces, outer ones (0-1, edge 0) one.
  EXPECT_EQ(faces.faces_of(8).size(), 2u);
  EXPECT_EQ(faces.faces_of(0).size(), 1u);
  for (planner::EdgeId e = 0; e < net.edges.edge_count(); ++e)
    EXPECT_EQ(faces.inside_face[e], planner::invalid_id);
}

// Faces too narrow or too small to hold a point 25 m from their boundary are skipped before any
// GEOS call; faces just wide enough keep their thin holes. Rectangles 49 x 300 (no hole),
// 51 x 300 (a 1 x 250 hole) and 52 x 52 (a 2 x 2 hole), side by side 100 m apart.
TEST(NetworkFaces, OnlyFacesThatCanHoldAHoleGetOne) {
  std::vector<planner::XY> xy;
  std::vector<std::pair<int, int>> links;
  const double widths[] = {49.0, 51.0, 52.0}, heights[] = {300.0, 300.0, 52.0};
  for (int k = 0; k < 3; ++k) {
    const double x0 = 200.0 * k;
    const int v = static_cast<int>(xy.size());
    xy.insert(xy.end(),
              {{x0, 0}, {x0 + widths[k], 0}, {x0 + widths[k], heights[k]}, {x0, heights[k]}});
    links.insert(links.end(), {{v, v + 1}, {v + 1, v + 2}, {v + 2, v + 3}, {v + 3, v}});
  }
  auto net = drawn_network(xy, links);
  const auto faces = planner::build_network_faces(net.edges, buffer_m, segments);
  ASSERT_EQ(faces.face_count(), 3u);
  planner::GeosContext ctx;
  std::vector<double> hole_area;
  for (std::size_t f = 0; f < 3; ++f) {
    hole_area.push_back(faces.holes[f].empty()
                            ? 0.0
                            : planner::area_m2(ctx, planner::to_geos(ctx, faces.holes[f]).get()));
  }
  std::sort(hole_area.begin(), hole_area.end());
  EXPECT_EQ(hole_area[0], 0.0);
  EXPECT_NEAR(hole_area[1], 2.0 * 2.0, 1e-6);
  EXPECT_NEAR(hole_area[2], 1.0 * 250.0, 1e-6);
  const auto pieces = whole(net);
  const Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 3u);
  EXPECT_EQ(interior_rings(ctx, b.shape.get()), 2);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), 0.005 * b.area);
}

TEST(NetworkFaces, LeftOutEdgesDoNotSplitFaces) {
  auto net = grid();
  std::vector<std::uint8_t> use(net.edges.edge_count(), 1);
  use[8] = 0;  // 1-4: the two lower squares become one 400 x 200 face
  const auto faces = planner::build_network_faces(net.edges, buffer_m, segments, 1, use);
  ASSERT_EQ(faces.face_count(), 3u);
  EXPECT_TRUE(faces.faces_of(8).empty());
  planner::GeosContext ctx;
  double largest = 0.0;
  for (const auto& face : faces.faces)
    largest = std::max(largest, planner::area_m2(ctx, planner::to_geos(ctx, face).get()));
  EXPECT_NEAR(largest, 80000.0, 1e-6);
  // The lower ring wholly reached, 1-4 not at all: the merged face is full, and the polygon is
  // the naive one (its hole 350 x 150).
  auto pieces = whole(net);
  pieces.erase(pieces.begin() + 8);
  planner::FacePolygonBuilder builder(faces, net.edges);
  auto shape = builder.build(ctx, pieces, 0);
  EXPECT_EQ(builder.timings.full_faces, 3u);
  EXPECT_EQ(GEOSisValid_r(ctx.get(), shape.get()), 1);
  const double area = planner::area_m2(ctx, shape.get());
  EXPECT_NEAR(area, naive_area(ctx, net, pieces), area * 0.005);
  EXPECT_FALSE(contains(ctx, shape.get(), {200, 100}));
}

TEST(NetworkFaces, WhollyReachedGridIsItsFacesLessTheirHoles) {
  auto net = grid();
  planner::GeosContext ctx;
  const auto pieces = whole(net);
  const Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 4u);
  EXPECT_EQ(interior_rings(ctx, b.shape.get()), 4);
  // Outer square grown by 25 m with round corners, less four 150 m holes.
  const double expected = 400.0 * 400.0 + 4 * 400.0 * 25.0 + M_PI * 25.0 * 25.0 - 4 * 22500.0;
  EXPECT_NEAR(b.area, expected, expected * 0.005);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_FALSE(contains(ctx, b.shape.get(), {100, 100}));  // a hole's middle
  EXPECT_TRUE(contains(ctx, b.shape.get(), {100, 20}));    // within the buffer of 0-1
  EXPECT_TRUE(contains(ctx, b.shape.get(), {-20, 100}));   // outside the network, within 25 m
}

TEST(NetworkFaces, PartlyReachedFacesAreBufferedPieceByPiece) {
  auto net = grid();
  planner::GeosContext ctx;
  auto pieces = whole(net);
  pieces[8].to_m = 80.0;             // 1-4 only 80 m up from 1: neither lower face is full
  pieces.erase(pieces.begin() + 5);  // 7-8 unreached: the upper right face is not full
  const Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 1u);  // only the upper left one
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_EQ(interior_rings(ctx, b.shape.get()), 2);  // upper left hole; the lower faces' common one
  EXPECT_FALSE(contains(ctx, b.shape.get(), {100, 300}));
  EXPECT_TRUE(contains(ctx, b.shape.get(), {215, 90}));    // beside the reached part of 1-4
  EXPECT_FALSE(contains(ctx, b.shape.get(), {200, 160}));  // beyond its end, farther than 25 m
}

TEST(NetworkFaces, DanglesInsideAFaceAreCutFromItsHole) {
  // A 300 m square with a 120 m dead end up from the middle of its bottom side.
  auto net = drawn_network({{0, 0}, {150, 0}, {300, 0}, {300, 300}, {0, 300}, {150, 120}},
                           {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {1, 5}});
  const auto faces = planner::build_network_faces(net.edges, buffer_m, segments);
  ASSERT_EQ(faces.face_count(), 1u);
  EXPECT_EQ(faces.inside_face[5], 0u);
  planner::GeosContext ctx;
  auto pieces = whole(net);
  Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 1u);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_TRUE(contains(ctx, b.shape.get(), {150, 140}));  // round end of the dead end
  EXPECT_FALSE(contains(ctx, b.shape.get(), {150, 200}));
  // The dead end reached only 60 m in: the face is not full, the polygon still the naive one.
  pieces[5].to_m = 60.0;
  b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 0u);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_FALSE(contains(ctx, b.shape.get(), {150, 110}));
}

// A street drawn twice (a way copied over another, once in each direction) and a dangle drawn
// twice: the noded network holds each once, so the faces, their holes and the interior edges are
// those of the grid drawn once; both copies are found on the faces' boundaries (or inside), and
// the wholly reached polygon is the same.
TEST(NetworkFaces, StreetsDrawnTwiceGiveTheFacesOfTheStreetsDrawnOnce) {
  auto once = grid();
  std::vector<planner::XY> xy = once.edges.vertex_xy;
  xy.push_back({300, 300});  // a dangle into the top-right face, from vertex 4
  std::vector<std::pair<int, int>> links;
  for (planner::EdgeId e = 0; e < once.edges.edge_count(); ++e)
    links.emplace_back(once.edges.edge_tail[e], once.edges.edge_head[e]);
  auto dangle_once_links = links;
  dangle_once_links.emplace_back(4, 9);
  links.emplace_back(1, 0);  // edge 12: edge 0 drawn again, backwards
  links.emplace_back(4, 9);  // edges 13 and 14: the dangle, twice
  links.emplace_back(9, 4);
  const auto single = drawn_network(xy, dangle_once_links);
  const auto twice = drawn_network(xy, links);
  const auto a = planner::build_network_faces(single.edges, buffer_m, segments);
  const auto b = planner::build_network_faces(twice.edges, buffer_m, segments);
  ASSERT_EQ(b.face_count(), 4u);
  ASSERT_EQ(a.face_count(), b.face_count());
  planner::GeosContext ctx;
  for (std::uint32_t f = 0; f < 4; ++f) {
    EXPECT_NEAR(planner::area_m2(ctx, planner::to_geos(ctx, a.faces[f]).get()),
                planner::area_m2(ctx, planner::to_geos(ctx, b.faces[f]).get()), 1e-9);
    EXPECT_NEAR(planner::area_m2(ctx, planner::to_geos(ctx, a.holes[f]).get()),
                planner::area_m2(ctx, planner::to_geos(ctx, b.holes[f]).get()), 1e-6);
  }
  // Both copies of edge 0 lie wholly on one face's ring; both copies of the dangle lie inside
  // the face the original dangle (edge 12 of the single network) lies in.
  ASSERT_EQ(b.faces_of(0).size(), 1u);
  ASSERT_EQ(b.faces_of(12).size(), 1u);
  EXPECT_EQ(b.faces_of(12)[0], b.faces_of(0)[0]);
  EXPECT_NE(a.inside_face[12], planner::invalid_id);
  EXPECT_EQ(b.inside_face[13], a.inside_face[12]);
  EXPECT_EQ(b.inside_face[14], a.inside_face[12]);
  const Built built_once = build(ctx, single, whole(single));
  const Built built_twice = build(ctx, twice, whole(twice));
  EXPECT_NEAR(built_twice.area, built_once.area, 1e-6);
  EXPECT_EQ(built_twice.full_faces, 4u);
}

// A way that runs along a face's side and then turns into the face, and a second way drawn over
// only its inner half: that half is one street, so the first way lies half on the ring and half
// inside (not "wholly inside", which a twice-counted inner half would add up to).
TEST(NetworkFaces, AStretchDrawnTwiceIsMeasuredOnce) {
  auto base = grid();
  std::vector<planner::XY> xy = base.edges.vertex_xy;
  xy.push_back({100, 100});  // 9: where the way ends inside the bottom-left face
  xy.push_back({100, 0});    // 10: where the second way starts, on the face's side
  std::vector<std::pair<int, int>> links;
  for (planner::EdgeId e = 0; e < base.edges.edge_count(); ++e)
    links.emplace_back(base.edges.edge_tail[e], base.edges.edge_head[e]);
  links.emplace_back(0, 9);   // edge 12: (0,0) -> (100,0) -> (100,100), bent below
  links.emplace_back(10, 9);  // edge 13: (100,0) -> (100,100), the inner half again
  auto net = drawn_network(xy, links);
  // Bend edge 12 through (100, 0): along the side for 100 m, then 100 m into the face.
  planner::EdgeSet& es = net.edges;
  const std::uint32_t at = es.first_point[12] + 1;
  es.points.insert(es.points.begin() + at, planner::XY{100, 0});
  es.cum_m.insert(es.cum_m.begin() + at, 100.0);
  es.cum_m[at + 1] = 200.0;
  es.edge_length_m[12] = 200.0;
  for (std::size_t e = 13; e < es.first_point.size(); ++e) ++es.first_point[e];
  const auto faces = planner::build_network_faces(es, buffer_m, segments);
  ASSERT_EQ(faces.face_count(), 4u);  // neither way closes a new face
  const std::uint32_t f = faces.inside_face[13];
  ASSERT_NE(f, planner::invalid_id);  // the second way lies wholly inside the face
  EXPECT_EQ(faces.inside_face[12], planner::invalid_id);
  const auto of_12 = faces.faces_of(12);
  ASSERT_EQ(of_12.size(), 1u);  // on that face's ring for its first 100 m, not wholly
  EXPECT_EQ(of_12[0], f);
  EXPECT_EQ(faces.on_ring[faces.first_edge_face[12]], 0);
}

TEST(NetworkFaces, LooseEdgesInsideAFaceBecomeIslandsInItsHole) {
  // A 400 m square with a separate 100 m footway in its middle (no shared vertex).
  auto net = drawn_network({{0, 0}, {400, 0}, {400, 400}, {0, 400}, {150, 200}, {250, 200}},
                           {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}});
  planner::GeosContext ctx;
  const auto pieces = whole(net);
  const Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 1u);
  EXPECT_EQ(GEOSGetNumGeometries_r(ctx.get(), b.shape.get()), 2);  // the square and the island
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_TRUE(contains(ctx, b.shape.get(), {200, 210}));
  EXPECT_FALSE(contains(ctx, b.shape.get(), {200, 300}));
}

TEST(NetworkFaces, BridgeCrossingWithoutSharedVertexBoundsFacesOnlyWhenReached) {
  // A 300 m square and a bridge crossing it north-south with no vertex in common: noding
  // splits the square into two faces bounded by the bridge.
  auto net = drawn_network({{0, 0}, {300, 0}, {300, 300}, {0, 300}, {150, -100}, {150, 400}},
                           {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}});
  const auto faces = planner::build_network_faces(net.edges, buffer_m, segments);
  ASSERT_EQ(faces.face_count(), 2u);
  EXPECT_EQ(faces.faces_of(4).size(), 2u);
  planner::GeosContext ctx;
  auto pieces = whole(net);
  Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 2u);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_TRUE(contains(ctx, b.shape.get(), {160, 150}));
  // Bridge unreached: no face is full and its middle is not covered.
  pieces.pop_back();
  b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 0u);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_FALSE(contains(ctx, b.shape.get(), {160, 150}));
}

TEST(NetworkFaces, SeparateNetworksGiveSeparatePolygonsEachWithItsHole) {
  auto net = drawn_network(
      {{0, 0}, {200, 0}, {200, 200}, {0, 200}, {1000, 0}, {1200, 0}, {1200, 200}, {1000, 200}},
      {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}, {6, 7}, {7, 4}});
  planner::GeosContext ctx;
  const auto pieces = whole(net);
  const Built b = build(ctx, net, pieces);
  EXPECT_EQ(b.full_faces, 2u);
  EXPECT_EQ(GEOSGetNumGeometries_r(ctx.get(), b.shape.get()), 2);
  EXPECT_EQ(interior_rings(ctx, b.shape.get()), 2);
  EXPECT_NEAR(b.area, naive_area(ctx, net, pieces), b.area * 0.005);
  EXPECT_FALSE(contains(ctx, b.shape.get(), {1100, 100}));
}

TEST(NetworkFaces, NothingReachedIsEmpty) {
  auto net = grid();
  planner::GeosContext ctx;
  const Built b = build(ctx, net, {});
  EXPECT_EQ(b.area, 0.0);
}

}  // namespace
