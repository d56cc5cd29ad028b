// The walkable network cut into edges: vertices and undirected edge pieces with their geometry.
//
// Built once from RoadLines by split_into_edges(); the street graph (CSR) and the snapping index
// are built from it. Struct of arrays, indexed by dense ids.
#pragma once

#include <cstdint>
#include <vector>

#include "planner/geometry.h"
#include "planner/ids.h"
#include "planner/inputs.h"

namespace planner {

struct EdgeSet {
  // Vertices.
  std::vector<std::int64_t> vertex_external_id;  ///< OSM node id / topology id, else dense index
  std::vector<XY> vertex_xy;

  // Edges (undirected pieces between two consecutive vertices of one line).
  std::vector<NodeId> edge_tail;
  std::vector<NodeId> edge_head;
  std::vector<double> edge_length_m;          ///< by the length model
  std::vector<std::int64_t> edge_feature_id;  ///< RoadLine::feature_id of the source line
  std::vector<std::uint32_t> edge_part;       ///< 0,1,2... along the source line
  std::vector<std::uint32_t> edge_line;       ///< index of the source RoadLine

  // Edge geometry: points of edge e are points[first_point[e] .. first_point[e+1]).
  // cum_m[i] is the model length from the edge's first point to point i (0 at the first).
  std::vector<std::uint32_t> first_point;  ///< edges+1 offsets
  std::vector<XY> points;
  std::vector<double> cum_m;

  std::size_t vertex_count() const { return vertex_xy.size(); }
  std::size_t edge_count() const { return edge_tail.size(); }
};

/// How vertices are found where lines carry no node ids nor topology fields.
struct SplitOptions {
  /// Points of different lines within this distance (metres) are one vertex.
  double node_tolerance_m = 0.01;
};

/// Cuts lines into edges following docs/walkable.md (WALKABLE.md): a vertex is a line end or a
/// node (by id, else by coordinates within the tolerance) used twice or more over all lines.
/// Lines with explicit source/target ids become one edge each between those vertices.
/// Expects projected coordinates and segment_m filled.
EdgeSet split_into_edges(const std::vector<RoadLine>& lines, const SplitOptions& options = {});

}  // namespace planner
