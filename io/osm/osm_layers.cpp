#include "io/osm/osm_layers.h"

namespace io {

OutputLayer osm_roads_layer(const OsmExtract& extract, const planner::EdgeSet& edges) {
  OutputLayer layer{"roads",
                    GeometryKind::line,
                    {{"id", FieldType::integer},
                     {"way_id", FieldType::integer},
                     {"part", FieldType::integer},
                     {"highway", FieldType::text},
                     {"name", FieldType::text},
                     {"source", FieldType::integer},
                     {"target", FieldType::integer},
                     {"length_m", FieldType::real}},
                    {},
                    {}};
  layer.rows.reserve(edges.edge_count());
  layer.geometries.reserve(edges.edge_count());
  for (std::size_t e = 0; e < edges.edge_count(); ++e) {
    const planner::RoadLine& line = extract.roads[edges.edge_line[e]];
    layer.rows.push_back({static_cast<std::int64_t>(e), edges.edge_feature_id[e],
                          static_cast<std::int64_t>(edges.edge_part[e]), line.highway, line.name,
                          edges.vertex_external_id[edges.edge_tail[e]],
                          edges.vertex_external_id[edges.edge_head[e]], edges.edge_length_m[e]});
    layer.geometries.emplace_back(
        planner::LineString(edges.points.begin() + edges.first_point[e],
                            edges.points.begin() + edges.first_point[e + 1]));
  }
  return layer;
}

OutputLayer osm_blocks_layer(const OsmExtract& extract) {
  OutputLayer layer{
      "blocks",
      GeometryKind::polygon,
      {{"block_id", FieldType::text}, {"name", FieldType::text}, {"pop", FieldType::real}},
      {},
      {}};
  for (const planner::Block& b : extract.blocks) {
    layer.rows.push_back({b.id, b.name, b.pop ? FieldValue(*b.pop) : FieldValue()});
    layer.geometries.emplace_back(b.shape);
  }
  return layer;
}

OutputLayer osm_centers_layer(const OsmExtract& extract) {
  OutputLayer layer{
      "centers",
      GeometryKind::point,
      {{"center_id", FieldType::text}, {"name", FieldType::text}, {"tier", FieldType::text}},
      {},
      {}};
  for (const planner::Center& c : extract.centers) {
    layer.rows.push_back({c.id, c.name, c.tier});
    layer.geometries.emplace_back(c.pos);
  }
  return layer;
}

}  // namespace io
