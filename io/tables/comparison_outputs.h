// Writing a comparison: the `changes` layer (changed blocks with their geometry), changes.csv
// (the same rows as a table without geometry) and comparison.json (counts, totals by scope,
// centers, changed blocks). Rows are the changed blocks in the comparison's order (by id), so
// the same two results always give the same bytes. Fields: docs/compare.md.
#pragma once

#include <string>

#include "io/gdal/output_layer.h"
#include "planner/scenario/comparison.h"

namespace io {

/// The `changes` layer: one MultiPolygon row per changed block (planner::is_change), its
/// geometry taken from `after` (from `before` for a removed block).
OutputLayer changes_layer(const planner::Comparison& comparison,
                          const planner::ResultSnapshot& before,
                          const planner::ResultSnapshot& after);

/// changes.csv: the changes layer's fields, a header row, RFC 4180 quoting, LF line ends,
/// numbers with enough digits to round-trip, null as an empty cell.
std::string changes_csv(const planner::Comparison& comparison);

/// comparison.json: which results were compared (the labels, e.g. file paths or variant names),
/// counts, scopes before/after, centers that changed, changed blocks.
std::string comparison_json(const planner::Comparison& comparison, const std::string& before_label,
                            const std::string& after_label);

/// One line per tier of the service standard (when either side had one): "  区镇级 compliance
/// (population): 92.0% -> 85.0% (-7.0 points)". Empty without a standard.
std::string standard_change_text(const std::vector<planner::StandardTierChange>& changes,
                                 bool has_population);

/// One line per accessibility method both sides computed: "  access e2sfca: of 1100 blocks
/// scored on both sides, 120 better served, 30 worse, 950 the same". Empty without scores.
std::string access_change_text(const planner::Comparison& comparison);

/// What write_comparison writes and where.
struct ComparisonFiles {
  std::string folder;
  std::string before_label, after_label;  ///< for comparison.json (paths or variant names)
  std::string crs_wkt;                    ///< CRS of the changes layer; empty: none written
  bool overwrite = false;
};

/// Writes <folder>/changes.gpkg (layer `changes`), <folder>/changes.csv and
/// <folder>/comparison.json, each atomically. Without overwrite, any of the three existing is an
/// OutputError before anything is written.
void write_comparison(const ComparisonFiles& files, const planner::Comparison& comparison,
                      const planner::ResultSnapshot& before, const planner::ResultSnapshot& after);

}  // namespace io
