#include "io/tables/service_area_layers.h"

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

}  // namespace io
