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
#include "planner/parameters.h"

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
  /// Walking speed multiplier per edge (a scenario's class speed factor); empty: 1 everywhere.
  /// Lengths stay lengths: times along edge e are (metres / factor) / speed.
  std::vector<double> edge_speed_factor;

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
  double node_tolerance_m = default_node_tolerance_m;
};

/// Cuts lines into edges following docs/walkable.md (WALKABLE.md): a vertex is a line end or a
/// node (by id, else by coordinates within the tolerance) used twice or more over all lines.
/// Lines with explicit source/target ids become one edge each between those vertices.
///
/// - Node identity: RoadLine::node_ids when given; otherwise coordinates, the first-seen point
///   within node_tolerance_m standing for all later ones (so vertex_xy is that point, and an
///   edge's own end points may lie up to the tolerance from it). Ids from node_ids and from
///   source/target share one id space.
/// - Topology lines (source_node and target_node both given) are one edge; their interior
///   points are geometry only. A line with only one of the two is read like any other line.
/// - Consecutive points on one node count once and are never cut between; lines with fewer
///   than 2 points, or all on one node, are dropped.
/// - Vertices are numbered by first appearance over the lines in input order; vertex_external_id
///   is the node id, or the vertex's own index for coordinate nodes.
/// - Lengths: segment_m when filled; when empty, the planar Euclidean length of the points (for
///   projected data and drawn test networks; never lon/lat degrees).
///
/// Coordinates must be projected (metres) where they are used: for coordinate nodes and for
/// planar lengths; OSM lines with node_ids and segment_m may stay in lon/lat. Throws
/// InternalError when segment_m or node_ids do not match the points, or on a non-finite
/// coordinate of a line without node ids; InvalidValue on one farther than 2^53 tolerances
/// (9e13 m at the default 1 cm; 2^52 mm below 0.5 mm) from the origin: no projected position.
EdgeSet split_into_edges(const std::vector<RoadLine>& lines, const SplitOptions& options = {});

}  // namespace planner
