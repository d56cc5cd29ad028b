// Test networks drawn by hand: vertices at given coordinates (metres), straight edges between
// them, lengths Euclidean. Built directly as an EdgeSet, so these tests do not depend on how
// lines are cut into edges.
#pragma once

#include <cmath>
#include <memory>
#include <utility>
#include <vector>

#include "planner/network/edge_set.h"
#include "planner/network/network.h"

namespace testing_support {

inline planner::Network drawn_network(const std::vector<planner::XY>& vertices,
                                      const std::vector<std::pair<int, int>>& edges) {
  planner::Network net;
  planner::EdgeSet& es = net.edges;
  es.vertex_xy = vertices;
  for (std::size_t v = 0; v < vertices.size(); ++v) es.vertex_external_id.push_back(1000 + v);
  es.first_point.push_back(0);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto [a, b] = edges[e];
    const planner::XY pa = vertices[a], pb = vertices[b];
    const double len = std::hypot(pb.x - pa.x, pb.y - pa.y);
    es.edge_tail.push_back(a);
    es.edge_head.push_back(b);
    es.edge_length_m.push_back(len);
    es.edge_feature_id.push_back(static_cast<std::int64_t>(e));
    es.edge_part.push_back(0);
    es.edge_line.push_back(static_cast<std::uint32_t>(e));
    es.points.push_back(pa);
    es.points.push_back(pb);
    es.cum_m.push_back(0.0);
    es.cum_m.push_back(len);
    es.first_point.push_back(static_cast<std::uint32_t>(es.points.size()));
  }
  net.graph = std::make_unique<planner::StreetGraph>(es);
  return net;
}

/// A straight street of `segments` edges of 100 m along the x axis, vertices at x = 0, 100, ...
/// (the siting tests' street).
inline planner::Network straight_street(int segments) {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  for (int i = 0; i <= segments; ++i) v.push_back({100.0 * i, 0.0});
  for (int i = 0; i < segments; ++i) e.emplace_back(i, i + 1);
  return drawn_network(v, e);
}

/// A street of 12 vertices 100 m apart along y = 0 (edges 0..10) and, joined to nothing, a
/// footway from (500, footway_y) to (550, footway_y) (edge 11): a 2-vertex small island under
/// the default island rule (the snapping tests' street).
inline planner::Network street_with_loose_footway(double footway_y) {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  for (int i = 0; i < 12; ++i) v.push_back({100.0 * i, 0});
  for (int i = 0; i < 11; ++i) e.emplace_back(i, i + 1);
  v.push_back({500, footway_y});
  v.push_back({550, footway_y});
  e.emplace_back(12, 13);
  return drawn_network(v, e);
}

/// A square block polygon centred at c with the given half side.
inline planner::MultiPolygon square(planner::XY c, double half) {
  planner::Polygon p;
  p.outer = {{c.x - half, c.y - half},
             {c.x + half, c.y - half},
             {c.x + half, c.y + half},
             {c.x - half, c.y + half},
             {c.x - half, c.y - half}};
  return {p};
}

}  // namespace testing_support
