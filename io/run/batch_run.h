// Running many scenario files as one batch (docs/scenarios.md §4): each as run_scenario would,
// into <out>/<file stem>/, on `jobs` threads, and one summary table over all of them
// (<out>/summary.csv and summary.json, rows in the order the files were given whatever finished
// first). The whole <out> folder is staged (written under a hidden temporary name beside it) and
// swapped into place at the end with its manifest, so a stopped batch leaves the previous folder
// as it was. A scenario that fails is a row with its error and its folder is left out; the others
// are still run and written. Shared by `circleplan batch` and the Python/Dask batches.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "io/gdal/layer_reader.h"
#include "io/run/run_errors.h"
#include "planner/cancel.h"
#include "planner/scenario/run.h"
#include "planner/scenario/variant_summary.h"

namespace io {

struct BatchOptions {
  std::vector<std::string> files;  ///< scenario files (TOML)
  std::string out;                 ///< the batch's output folder
  bool overwrite = false;
  unsigned jobs = 1;     ///< scenarios run at the same time (>= 1)
  unsigned threads = 0;  ///< evaluation threads per scenario; 0: the cores divided among the jobs
  planner::CancelToken cancel{};
  planner::StageHook before_stage{};  ///< as ScenarioRunOptions::before_stage; may be empty
  /// How a failed scenario's exception reads in its summary row (e.g. the command's own
  /// "internal error: ..." labelling). Empty: the exception's what().
  std::function<std::string(std::exception_ptr)> describe_failure{};
  WarningSink warn{};
};

/// One scenario of the batch.
struct BatchScenario {
  std::string file;
  std::string name;               ///< the file's stem: its folder in <out>
  std::string folder;             ///< <out>/<name>
  std::size_t results = 0;        ///< base + variants written (0 when failed)
  std::string error;              ///< non-empty: failed, nothing of it written
  std::vector<LayerRead> layers;  ///< what was read from each input layer (printed per scenario)
};

struct BatchResult {
  std::vector<BatchScenario> scenarios;   ///< in the order of the files
  std::vector<planner::VariantRow> rows;  ///< summary.csv's rows
  std::string summary_csv_path;
  std::size_t failed = 0;
};

/// Runs the batch. Refuses before any scenario runs: an output folder that holds or is an input,
/// or an existing one without `overwrite` (or holding files circleplan did not write). Throws
/// UsageError, OutputError, and planner::Cancelled (or whatever a stopped scenario threw) when a
/// stop was asked: nothing is then written. Failed scenarios do not throw: see `failed`.
BatchResult run_batch(const BatchOptions& options);

}  // namespace io
