#include "io/tables/service_area_layers.h"

#include "planner/areas/reach_pieces.h"

namespace io {

OutputLayer service_areas_layer(const planner::Inputs& inputs, const planner::ServiceAreas& areas,
                                bool has_population) {
  OutputLayer layer{"service_areas",
                    GeometryKind::polygon,
                    {{"center_id", FieldType::text},
                     {"tier", FieldType::text},
                     {"from_min", FieldType::real},
                     {"to_min", FieldType::real},
                     {"area_m2", FieldType::real},
                     {"pop", FieldType::real}},
                    {},
                    {}};
  for (const planner::ServiceAreaPolygon& p : areas.polygons) {
    layer.rows.push_back(
        {p.center == planner::invalid_id ? FieldValue() : FieldValue(inputs.centers[p.center].id),
         p.tier, p.from_min, p.to_min, p.area_m2,
         has_population ? FieldValue(p.pop) : FieldValue()});
    layer.geometries.emplace_back(p.shape);
  }
  return layer;
}

OutputLayer reach_edges_layer(const planner::Network& network, const planner::Inputs& inputs,
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
