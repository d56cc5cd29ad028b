// Demand points in the output tables (issue #13 point 3, docs/outputs.md): the blocks' requests
// field and summary.json's demand_points object. Only a run with --demand-points has them, so
// other outputs keep their schema and bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/gdal/layer_reader.h"
#include "io/gdal/output_layer.h"
#include "io/tables/json_writer.h"
#include "planner/coverage/demand_points.h"

namespace io {

/// A run's demand points as reported: how they were read and where they went.
struct DemandPointsReport {
  std::string weight_field;  ///< --demand-points-weight as found in the layer; empty: 1 each
  double snap_m = planner::default_demand_snap_m;
  planner::DemandAggregation aggregation;
  LayerRead read{};  ///< the --demand-points layer as read (fields, CRS, encoding)
};

/// requests (real) on blocks, when demand is given.
void add_block_request_field(OutputLayer& blocks, const DemandPointsReport* demand);
void add_block_request_value(std::vector<FieldValue>& row, const DemandPointsReport* demand,
                             std::size_t block);

/// summary.json's "demand_points": weight_field (null: each point weighs 1), snap_m, points,
/// inside, nearest, unassigned (point counts), and with a weight field "weights" with total,
/// inside, nearest and unassigned (summed weights).
void demand_points_json(JsonWriter& json, const DemandPointsReport& demand);

/// One line for the command's printout: "demand points: 127 (120 inside blocks, 5 nearest
/// within 100 m, 2 unassigned); weight 310 (...)".
std::string demand_points_text(const DemandPointsReport& demand);

}  // namespace io
