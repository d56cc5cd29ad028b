// Accessibility results in the output tables (docs/accessibility.md): the blocks' score fields
// (acc_<method> per method asked, acc_rank), the centers' demand, ratio and load, and their part
// of summary.json (most_loaded, worst_served). Only a run with --access has them, so other
// outputs keep their schema.
#pragma once

#include <vector>

#include "io/gdal/output_layer.h"
#include "io/tables/json_writer.h"
#include "planner/coverage/evaluation.h"
#include "planner/inputs.h"

namespace io {

/// acc_<method>..., acc_rank on blocks; capacity, demand, ratio, load on centers (when
/// ev.access).
void add_block_access_fields(OutputLayer& blocks, const planner::Evaluation& ev);
void add_block_access_values(std::vector<FieldValue>& row, const planner::Evaluation& ev,
                             std::size_t block);
void add_center_access_fields(OutputLayer& centers, const planner::Evaluation& ev);
void add_center_access_values(std::vector<FieldValue>& row, const planner::Inputs& inputs,
                              const planner::Evaluation& ev, std::size_t center);

/// summary.json's "access" object: methods, catchment, steps, centers without capacity, and
/// the most loaded centers and worst served blocks with their figures.
void access_json(JsonWriter& json, const planner::Inputs& inputs, const planner::Evaluation& ev);

}  // namespace io
