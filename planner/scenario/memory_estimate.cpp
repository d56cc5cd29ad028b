#include "planner/scenario/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace planner {
namespace {

// Bytes per item, rounded up from what the structures hold (planner/network/edge_set.h,
// street_graph.h, snap_index.h, block_sites.h, reach_pieces.h) plus allocator and GEOS overhead.
constexpr double per_road_point = 160.0;  // points, cum_m, STRtree segment, GEOS coordinates
constexpr double per_line = 256.0;        // edge arrays, arcs, ids
constexpr double per_vertex = 96.0;       // coordinates, ids, search arrays, nodes layer row
constexpr double per_block = 1024.0;      // site, coverage, output row with its polygon
constexpr double per_sample = 64.0;       // a snapped grid point
// A reach piece kept for reach_edges plus its output row and line (fields, points): measured on
// Porto with --service-areas (15 min): 180,381 pieces, about 105 MB over the stage, ~580 B each.
constexpr double per_reached_edge = 640.0;
// Pieces per edge inside the walk's disk: partial pieces at band ends, and streets are densest
// near a center (Porto: 5,637 pieces per center for ~3,500 edges in the disk).
constexpr double pieces_per_edge = 1.6;
constexpr double per_polygon = 64.0 * 1024.0;  // a buffered band outline (a few thousand points)

struct EstimateExtent {
  double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
  double max_x = -min_x, max_y = -min_x;
  void add(const XY& p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  double area() const {
    return max_x > min_x && max_y > min_y ? (max_x - min_x) * (max_y - min_y) : 0.0;
  }
};

std::uint64_t bytes(double b) {
  return b > 0.0 ? static_cast<std::uint64_t>(std::min(b, 1e18)) : 0;
}

}  // namespace

std::uint64_t network_bytes(const std::vector<RoadLine>& roads) {
  double points = 0.0;
  for (const RoadLine& r : roads) points += static_cast<double>(r.points.size());
  return bytes(points * per_road_point + static_cast<double>(roads.size()) * per_line);
}

std::uint64_t evaluation_bytes(const Network& network, const Inputs& inputs,
                               const EvaluationParams& params) {
  const double cell = params.sample_spacing_m * params.sample_spacing_m;
  double samples = 0.0;
  for (const Block& b : inputs.blocks) {
    EstimateExtent box;
    for (const planner::Polygon& p : b.shape) {
      for (const XY& q : p.outer) box.add(q);
    }
    samples += 1.0 + box.area() / cell;  // the box holds at least the grid points inside
  }
  return bytes(static_cast<double>(network.edges.vertex_count()) * per_vertex +
               static_cast<double>(inputs.blocks.size()) * per_block + samples * per_sample);
}

std::uint64_t service_area_bytes(const Network& network, std::size_t snapped_centers,
                                 const ServiceAreaParams& params) {
  if (!params.polygons || snapped_centers == 0) return 0;
  // Edges one center reaches: the network's edge density times the disk a walk of the largest
  // band covers (an upper bound: streets are never straight), at most all edges.
  EstimateExtent box;
  for (const XY& p : network.edges.vertex_xy) box.add(p);
  const double edges = static_cast<double>(network.edges.edge_count());
  const double radius = params.speed_mps * 60.0 * params.minutes.back();
  const double reach_share =
      box.area() > 0.0 ? std::min(1.0, 3.14159265 * radius * radius / box.area()) : 1.0;
  const double per_center = edges * reach_share * pieces_per_edge * per_reached_edge +
                            static_cast<double>(params.minutes.size()) * per_polygon;
  return bytes(static_cast<double>(snapped_centers) * per_center);
}

}  // namespace planner
