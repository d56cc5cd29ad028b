// A service standard's results as tables (docs/standards.md): block_tiers (one row per block and
// tier, so the blocks layer stays within Shapefile's limits), compliance (one row per scope and
// tier), grids (网格 polygons with their service points), <output>.compliance.csv, and their
// part of summary.json.
#pragma once

#include <string>
#include <vector>

#include "io/gdal/output_layer.h"
#include "io/tables/json_writer.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/standard.h"
#include "planner/inputs.h"

namespace io {

/// block_id, std_tier, value, unit, center_id, met: blocks in input order, each block's tiers
/// in the standard's order. A walk or network value with no serving center in reach is null.
OutputLayer block_tiers_layer(const planner::Inputs& inputs, const planner::Evaluation& ev,
                              const planner::Standard& standard);

/// scope, scope_id, std_tier, definition, blocks, met_blk, pop, met_pop, area_m2, met_area,
/// sh_blk, sh_pop, sh_area (population fields null when no block has a population).
OutputLayer compliance_layer(const planner::Evaluation& ev);

/// grid_id, name, blocks, pop, points, has_point, comply_sh: polygons for grids read from a
/// layer, no geometry for grids named only by a block field.
OutputLayer grids_layer(const planner::Inputs& inputs, const planner::Evaluation& ev);

/// The compliance table as CSV (UTF-8, header row, RFC 4180 quoting), for submission.
std::string compliance_csv(const planner::Evaluation& ev);

/// summary.json's "standard" object: name, file, tiers with their definition, threshold and
/// "all" compliance figures, the blocks (and people) meeting every tier; then "grids" and
/// "grids_without_point" when there are grids.
void standard_json(JsonWriter& json, const planner::EvaluationParams& params,
                   const planner::Inputs& inputs, const planner::Evaluation& ev);

}  // namespace io
