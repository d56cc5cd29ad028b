// What one task of a distributed batch hands to the next (io/run/scenario_tasks.h) as bytes:
// the base's snapshot and service areas, a variant's summary row and kept figures. A plain
// binary copy of the values (native byte order, the same build on every worker), so a result
// read back is equal to the one written and the report and summaries built from it are
// byte-identical to a run on one machine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/run/scenario_driver.h"

namespace io {

/// The base task's result: its summary row, snapshot and service areas.
struct BaseOutcome {
  planner::VariantRow row;
  planner::ResultSnapshot snapshot;
  std::vector<planner::ServiceAreaPolygon> areas;
};

/// A variant task's result: its summary row and what the report keeps of it.
struct VariantOutcome {
  planner::VariantRow row;
  KeptVariant kept;
};

std::string to_bytes(const BaseOutcome& outcome);
std::string to_bytes(const VariantOutcome& outcome);
std::string to_bytes(const std::vector<planner::VariantRow>& rows);

/// Throw std::runtime_error on bytes not written by the matching to_bytes.
BaseOutcome base_outcome_of(std::string_view bytes);
VariantOutcome variant_outcome_of(std::string_view bytes);
std::vector<planner::VariantRow> rows_of(std::string_view bytes);

}  // namespace io
