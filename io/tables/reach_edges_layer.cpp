#include "io/tables/reach_edges_layer.h"

#include <cmath>
#include <cstdint>
#include <span>
#include <string>

#include "planner/areas/reach_pieces.h"

namespace io {
namespace {

/// The pieces of one band as one row: the MultiLineString of their lines and their summed length.
void add_band_row(const planner::EdgeSet& edges, std::span<const planner::ReachPiece> pieces,
                  std::uint32_t band, const std::vector<double>& minutes, FieldValue center,
                  const std::string& tier, OutputLayer& layer) {
  planner::MultiLineString lines;
  double length_m = 0.0;
  for (const planner::ReachPiece& p : pieces) {
    if (p.band != band) continue;
    planner::LineString line = planner::edge_sub_line(edges, p.edge, p.from_m, p.to_m);
    if (line.size() < 2) continue;  // an edge without a drawable line (fewer than 2 points)
    length_m += std::abs(p.to_m - p.from_m);
    lines.push_back(std::move(line));
  }
  if (lines.empty()) return;
  layer.rows.push_back(
      {std::move(center), tier, band == 0 ? 0.0 : minutes[band - 1], minutes[band], length_m});
  layer.geometries.emplace_back(std::move(lines));
}

}  // namespace

OutputLayer merged_reach_edges_layer(const planner::Network& network, const planner::Inputs& inputs,
                                     const planner::ServiceAreas& areas,
                                     const std::vector<double>& minutes, planner::Overlap overlap) {
  OutputLayer layer{"reach_edges",
                    GeometryKind::multi_line,
                    {{"center_id", FieldType::text},
                     {"tier", FieldType::text},
                     {"from_min", FieldType::real},
                     {"to_min", FieldType::real},
                     {"length_m", FieldType::real}},
                    {},
                    {}};
  const planner::EdgeSet& edges = network.edges;
  const auto bands = static_cast<std::uint32_t>(minutes.size());
  if (overlap != planner::Overlap::per_center) {
    for (const planner::GroupReach& group : areas.group_reach) {
      for (std::uint32_t b = 0; b < bands; ++b) {
        add_band_row(edges, group.pieces, b, minutes, FieldValue(), group.tier, layer);
      }
    }
    return layer;
  }
  // Per center: areas.reach_edges holds each center's pieces as one run, center by center.
  const std::span<const planner::ReachPiece> all(areas.reach_edges);
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = start;
    while (end < all.size() && all[end].label == all[start].label) ++end;
    const planner::Center& center = inputs.centers[all[start].label];
    for (std::uint32_t b = 0; b < bands; ++b) {
      add_band_row(edges, all.subspan(start, end - start), b, minutes, FieldValue(center.id),
                   center.tier, layer);
    }
    start = end;
  }
  return layer;
}

OutputLayer reach_pieces_layer(const planner::Network& network, const planner::Inputs& inputs,
                               const planner::ServiceAreas& areas) {
  OutputLayer layer{"reach_edges",
                    GeometryKind::line,
                    {{"edge_id", FieldType::integer},
                     {"part", FieldType::integer},
                     {"from_min", FieldType::real},
                     {"to_min", FieldType::real},
                     {"center_id", FieldType::text}},
                    {},
                    {}};
  const planner::EdgeSet& edges = network.edges;
  layer.rows.reserve(areas.reach_edges.size());
  layer.geometries.reserve(areas.reach_edges.size());
  for (const planner::ReachPiece& p : areas.reach_edges) {
    layer.rows.push_back({edges.edge_feature_id[p.edge],
                          static_cast<std::int64_t>(edges.edge_part[p.edge]), p.from_s / 60.0,
                          p.to_s / 60.0, inputs.centers[p.label].id});
    layer.geometries.emplace_back(planner::edge_sub_line(edges, p.edge, p.from_m, p.to_m));
  }
  return layer;
}

}  // namespace io
