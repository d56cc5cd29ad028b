// The network health report as a layer (`diagnostics`, one row per finding, docs/diagnostics.md)
// and as summary figures, so a planner can open it in GIS beside the roads and fix the data.
#pragma once

#include "io/gdal/output_layer.h"
#include "io/tables/json_writer.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/inputs.h"
#include "planner/network/network.h"

namespace io {

/// Lines: kind, severity, obj_type, obj_id (road feature id, center id, block id or component
/// number), edge (the edge's part number along its road feature), value (metres or vertices),
/// message (what is wrong and what to do). `inputs` names centers and blocks; it may be null
/// when the diagnostics hold no center or block findings (the osm command).
OutputLayer diagnostics_layer(const planner::Network& network, const planner::Inputs* inputs,
                              const planner::NetworkDiagnostics& diagnostics);

/// The counts as a "diagnostics" object: rules and one number per kind.
void diagnostics_json(JsonWriter& json, const planner::NetworkDiagnostics& diagnostics);

/// One line per kind that was found, for the printed summary ("" when the network is healthy).
std::string diagnostics_text(const planner::NetworkDiagnostics& diagnostics);

}  // namespace io
