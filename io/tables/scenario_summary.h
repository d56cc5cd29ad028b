// summary.csv and summary.json of a scenario run (and of a batch over many): one row per
// scenario and variant (planner/scenario/variant_summary.h). Deterministic bytes.
#pragma once

#include <string>
#include <vector>

#include "planner/scenario/variant_summary.h"

namespace io {

/// A header and one line per row; tier columns for the union of tiers of all rows (sorted).
std::string summary_csv(const std::vector<planner::VariantRow>& rows);
/// {"rows": [...]} with the same content.
std::string summary_json(const std::vector<planner::VariantRow>& rows);

}  // namespace io
