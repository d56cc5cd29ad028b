// The file-level `evaluate`: load the city, build the network, evaluate, diagnose, build the
// service areas and write the layers, summary.json and timings.json. What the command runs, and
// what a Python caller runs without the command line.
#pragma once

#include <optional>
#include <string>

#include "io/run/demand_inputs.h"
#include "io/run/load_inputs.h"
#include "io/run/output_files.h"
#include "io/run/run_errors.h"
#include "io/run/stage_timer.h"
#include "io/tables/reach_edges_layer.h"
#include "io/tables/result_layers.h"
#include "planner/areas/service_areas.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/scenario/run.h"

namespace io {

struct EvaluateConfig {
  InputOptions inputs;
  OutputOptions output;
  planner::EvaluationParams params;
  /// Bands, overlap, hull, buffer, simplify and whether to draw polygons; minutes, speed,
  /// threads and cancel are taken from params.
  planner::ServiceAreaParams areas;
  planner::DiagnosticsParams diagnostics;
  bool nodes_layer = false;  ///< also write the nodes layer
  /// A service standard file (docs/standards.md); empty: none. Read into params.standard
  /// before anything is computed.
  std::string standard_path;
  /// Called before each stage (read, network, evaluate, ..., write) with a memory estimate, e.g.
  /// to stop a run over a memory limit. May be empty.
  planner::StageHook before_stage;
  WarningSink warn;  ///< empty: warnings to stderr
  /// The shape of the reach_edges layer (written with the service areas; --reach-edges).
  ReachEdges reach_edges{};
};

struct EvaluateOutcome {
  planner::EvaluationRun run;
  RunInfo info;                      ///< inputs, CRS and network figures, as in summary.json
  std::string summary_path;          ///< where summary.json was written
  std::string compliance_csv_path;   ///< where the compliance CSV was written; empty: none
  planner::EvaluationParams params;  ///< as run (with the standard read)
  planner::Inputs inputs;            ///< as evaluated, in the run CRS; roads left out
  StageTimer timer;
  /// With --demand-points (inputs.demand_points): the requests per block and where the points
  /// went, as written in blocks.requests and summary.json's demand_points.
  std::optional<DemandPointsReport> demand{};
};

/// Runs `evaluate` and writes its outputs. Throws UsageError, InputError, OutputError, what the
/// engine throws (planner::InvalidValue, planner::Cancelled...).
EvaluateOutcome run_evaluate(const EvaluateConfig& config);

}  // namespace io
