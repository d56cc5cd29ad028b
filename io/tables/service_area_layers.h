// The service-area layers of DESIGN.md's schema: `service_areas` polygons and `reach_edges`
// lines (the reached network, styled by minutes in GIS).
#pragma once

#include "io/gdal/output_layer.h"
#include "planner/areas/service_areas.h"
#include "planner/inputs.h"
#include "planner/network/network.h"

namespace io {

/// service_areas: center_id (null when dissolved), tier, from_min, to_min, area_m2, pop.
OutputLayer service_areas_layer(const planner::Inputs& inputs, const planner::ServiceAreas& areas,
                                bool has_population);

/// reach_edges: edge_id (input road feature id), part, from_min, to_min (minutes at the
/// line's first and last point), center_id.
OutputLayer reach_edges_layer(const planner::Network& network, const planner::Inputs& inputs,
                              const planner::ServiceAreas& areas);

}  // namespace io
