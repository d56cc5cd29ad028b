// Running one scenario file (docs/scenarios.md): load and project the inputs once, build the
// network once, evaluate the base and every variant with its edits applied to that loaded data
// (planner/scenario/run.h), and write each result, the comparisons with the base, the HTML
// report, summary.csv, summary.json and timings.json into one folder. Shared by `circleplan run`
// (one file), `circleplan batch` (many) and any other caller.
//
// The folder is staged: written under a hidden temporary name beside it and swapped into place
// at the end with its manifest (io/gdal/run_manifest.h), so no partial variant file is ever
// visible and an interrupted or failed run leaves the previous folder as it was. Each variant is
// written as soon as it is evaluated and compared, then dropped: memory holds the base's result,
// one variant at a time, one summary row per variant, and the report's maps of the first
// variants (ReportInput::max_mapped_variants); the others are kept as table figures only.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "io/gdal/layer_reader.h"
#include "io/run/output_over_input.h"
#include "io/run/run_errors.h"
#include "planner/cancel.h"
#include "planner/scenario/run.h"
#include "planner/scenario/variant_summary.h"

namespace io {

struct ScenarioRunOptions {
  std::string out;  ///< the scenario's output folder
  bool overwrite = false;
  /// False: `out` lies inside a folder the caller stages and commits (batch); it is then
  /// written directly, without a manifest of its own.
  bool staged = true;
  unsigned threads = 0;  ///< evaluation threads (0: all cores)
  /// Held around every GDAL/PROJ/OSM read and write, so scenarios may run on several threads
  /// while file access stays on one. Null: no lock (one scenario at a time).
  std::mutex* io_lock = nullptr;
  /// Called once each variant (the base first) is written, e.g. to print a line. May be empty.
  std::function<void(const planner::VariantRun&)> on_variant;
  WarningSink warn;  ///< empty: warnings to stderr
  /// `batch`: the whole output folder (options.out is one scenario's folder in it); no input
  /// may lie inside either. Empty: only options.out.
  std::string batch_out{};
  planner::CancelToken cancel{};  ///< asked between variants and inside every evaluation
  /// Called before each stage ("read", "network", then per variant "edit", "site", "evaluate",
  /// "write ...") with an estimate of the memory it adds: --max-memory. May be empty.
  planner::StageHook before_stage{};
  /// Called once the base layers are read, with what each read used (fields, CRS, encoding),
  /// e.g. to print them. May be empty.
  std::function<void(const std::vector<LayerRead>&)> on_layers_read{};
};

/// What the scenario file reads (itself, its layers and standards, its variants' layers), named
/// for refuse_output_over_input; only the file itself when it cannot be read (its error comes
/// when it runs).
std::vector<NamedPath> scenario_input_paths(const std::string& scenario_path);

/// Runs the scenario and writes everything into options.out. Returns one row per base and
/// variant. Throws InputError (bad scenario or data, naming file, line and column where the
/// scenario is at fault), UsageError, OutputError.
std::vector<planner::VariantRow> run_scenario(const std::string& scenario_path,
                                              const ScenarioRunOptions& options);

}  // namespace io
