// The service-area polygons of DESIGN.md's schema, `service_areas` (the reached network, the
// `reach_edges` layer, is in reach_edges_layer.h).
#pragma once

#include "io/gdal/output_layer.h"
#include "planner/areas/service_areas.h"
#include "planner/inputs.h"

namespace io {

/// service_areas: center_id (null when dissolved), tier, from_min, to_min, area_m2, pop.
OutputLayer service_areas_layer(const planner::Inputs& inputs, const planner::ServiceAreas& areas,
                                bool has_population);

}  // namespace io
