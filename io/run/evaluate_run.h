// The file-level `evaluate`: load the city, build the network, evaluate, diagnose, build the
// service areas and write the layers, summary.json and timings.json. What the command runs, and
// what a Python caller runs without the command line: there the computation (compute_evaluate)
// and the writing (write_evaluate) are two calls, so a result can be looked at in memory and
// written later, byte for byte as the command writes it.
#pragma once

#include <optional>
#include <string>

#include "io/gdal/output_layer.h"
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
  std::string summary_path;          ///< where summary.json was written; empty: not yet
  std::string compliance_csv_path;   ///< where the compliance CSV was written; empty: none
  planner::EvaluationParams params;  ///< as run (with the standard read)
  planner::Inputs inputs;            ///< as evaluated, in the run CRS; roads left out
  StageTimer timer;
  /// With --demand-points (inputs.demand_points): the requests per block and where the points
  /// went, as written in blocks.requests and summary.json's demand_points.
  std::optional<DemandPointsReport> demand{};
  // What write_evaluate writes, built by compute_evaluate (the "write" stage of the timings
  // starts there, as it did when both were one call).
  std::vector<OutputLayer> layers{};  ///< evaluation_layers(), in writing order
  std::string crs_wkt{};              ///< of the run CRS
  std::string summary_json{};         ///< summary.json's text
  std::string compliance_csv{};       ///< <output>.compliance.csv's text; empty: no standard
};

/// A city loaded and its network built once, for many evaluations that change only the centers,
/// the speed, the thresholds or the service areas (the Python module's Network): blocks snapped
/// and the network diagnosed once (planner::NetworkReuse, the cache scenarios use).
struct PreparedNetwork {
  InputOptions inputs;  ///< as loaded: the centers come with each evaluation
  LoadedInputs loaded;  ///< in the run CRS; roads left out (the network holds them)
  planner::Network network;
  planner::NetworkReuse reuse;
  StageTimer timer;  ///< read, project, network, prepare
};

/// Reads config.inputs (centers only when given: an OSM extract's stand-ins, or a layer that
/// each evaluation may replace), builds the network and snaps the blocks with config.params.
/// Throws what compute_evaluate throws for its inputs.
PreparedNetwork prepare_network(const EvaluateConfig& config);

/// Loads, evaluates and builds the output layers and summary; writes nothing. With `prepared`
/// (built from the same input options: the caller's duty), only the centers layer and the demand
/// points are read, projected into its run CRS, and its network and snapped blocks are used.
/// Throws UsageError, InputError, what the engine throws (planner::InvalidValue,
/// planner::Cancelled...).
EvaluateOutcome compute_evaluate(const EvaluateConfig& config,
                                 const PreparedNetwork* prepared = nullptr);

/// Writes what compute_evaluate built: the layers, summary.json, the compliance CSV and
/// timings.json, where and how `output` says (its format settled). Refuses an output that is one
/// of config's inputs or exists without overwrite. Sets outcome.summary_path and
/// compliance_csv_path. Throws UsageError, OutputError.
void write_evaluate(const EvaluateConfig& config, const OutputOptions& output,
                    EvaluateOutcome& outcome);

/// Runs `evaluate` and writes its outputs (compute_evaluate, then write_evaluate; the output is
/// checked before anything is computed). Throws UsageError, InputError, OutputError, what the
/// engine throws (planner::InvalidValue, planner::Cancelled...).
EvaluateOutcome run_evaluate(const EvaluateConfig& config);

}  // namespace io
