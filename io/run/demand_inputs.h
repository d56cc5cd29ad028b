// Demand points for a run (issue #13 point 3): the --demand-points layer read, put in the run
// CRS like the other inputs, and summed per block (planner/coverage/demand_points.h). Shared by
// evaluate and site, and by a Python caller through them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/run/load_inputs.h"
#include "io/tables/demand_layers.h"

namespace io {

/// nullopt without --demand-points. Reads options.demand_points (an InputError names the option,
/// file, layer, feature and field), converts GCJ-02 with --gcj02, projects into loaded.run_crs,
/// and sums the points per block of loaded.inputs. What the read skipped and the points left
/// unassigned go to `warn`. Throws planner::InvalidValue for a snap distance out of range.
std::optional<DemandPointsReport> load_demand_points(const InputOptions& options,
                                                     const LoadedInputs& loaded,
                                                     const WarningSink& warn = {});

/// The run's input list entry for summary.json ("demand_points" -> path[:layer]), when given.
void add_demand_input(std::vector<std::pair<std::string, std::string>>& inputs,
                      const InputOptions& options);

}  // namespace io
