// The file-level `site` (docs/siting.md): on the network, load the city like evaluate plus the
// candidate sites and allowed land, site, and write the layers sites, site_blocks, site_curve,
// summary, summary.json and timings.json; on a precomputed cost matrix, read it and solve. What
// the command runs, and what a Python caller runs without the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "io/run/demand_inputs.h"
#include "io/run/load_inputs.h"
#include "io/run/output_files.h"
#include "io/run/run_errors.h"
#include "io/run/stage_timer.h"
#include "io/siting/matrix_reader.h"
#include "io/tables/result_layers.h"
#include "planner/scenario/run.h"
#include "planner/siting/network.h"

namespace io {

struct SiteRunConfig {
  InputOptions inputs;  ///< the city; its centers are the existing ones (`site`'s --existing)
  OutputOptions output;
  /// Speed, snapping, search limit, threads and cancel; minutes are set from cover_minutes.
  planner::EvaluationParams params;
  double cover_minutes = 15.0;
  /// Model, k, exact, time limit and curve; the cover threshold is set from cover_minutes.
  planner::SitingOptions siting;
  LayerRef candidates;  ///< empty path: candidates are generated on the network
  FieldMap candidate_fields;
  std::string site_cost_field;  ///< empty: every candidate costs 1
  LayerRef allowed;             ///< empty path: a site may go anywhere
  double candidate_spacing_m = 100.0;
  bool all_vertices = false;
  bool existing_removable = false;
  /// Called before each stage (network, coverage structure, solve, write) with a memory
  /// estimate, e.g. to stop a run over a memory limit. May be empty.
  planner::StageHook before_stage;
  WarningSink warn;  ///< empty: warnings to stderr
  /// What the figures mean (block counts, no candidate): empty: "circleplan: note: ..." to stderr.
  WarningSink note;
  /// --demand-weight and --request-weight (docs/siting.md): what a block weighs. requests and
  /// both need inputs.demand_points (a UsageError without); the requests per block are filled
  /// from those points.
  planner::DemandWeight demand_weight = planner::DemandWeight::population;
  double request_weight = 1.0;
  /// cmclp, cpmedian: the capacity of every candidate and existing center without its own
  /// (--site-capacity). Candidates' own come from candidate_fields.capacity
  /// (--site-capacity-field), the existing centers' from inputs.center_fields.capacity.
  std::optional<double> site_capacity{};
  /// --island-sites: keep candidates that reach only a small island of the network.
  bool island_sites = false;
};

struct SiteOutcome {
  planner::NetworkSiting run;
  RunInfo info;              ///< inputs, CRS and network figures, as in summary.json
  std::string summary_path;  ///< where summary.json was written
  StageTimer timer;
  /// With --demand-points: the requests per block and where the points went.
  std::optional<DemandPointsReport> demand{};
};

/// Runs `site` on the network and writes its outputs. Throws UsageError, InputError,
/// OutputError, what the engine throws (planner::InvalidValue, planner::Cancelled...).
SiteOutcome run_site(const SiteRunConfig& config);

struct MatrixSiteConfig {
  MatrixFiles files;
  planner::SitingOptions options;   ///< with the threshold in the matrix's unit, if any
  planner::StageHook before_stage;  ///< before "solve"; may be empty
  planner::CancelToken cancel;      ///< asked once the solver returns (the solvers do not poll)
  /// cmclp, cpmedian: every candidate's capacity (--site-capacity; the matrix has no other).
  std::optional<double> site_capacity{};
  WarningSink warn{};  ///< empty: warnings to stderr (fewer sites than k, and why)
};

struct MatrixSiteOutcome {
  MatrixInput input;
  planner::SitingSolution solution;
  planner::SitingProblem problem{};  ///< as solved (with the capacities, if any)
};

/// Reads a precomputed problem (io/siting/matrix_reader.h) and solves it. Throws InputError,
/// planner::InvalidValue for options out of range (a capacitated model without
/// site_capacity too), planner::Cancelled.
MatrixSiteOutcome run_matrix_site(const MatrixSiteConfig& config);

}  // namespace io
