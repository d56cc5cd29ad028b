// The output folder of a batch (docs/scenarios.md §4): staged under a hidden temporary name
// beside <out>, one folder per scenario file (<file stem>) in it, and at the end the summary
// table over every scenario (summary.csv, summary.json: rows in the order of the files, a failed
// scenario one row with its error and no folder) before the whole is swapped into place with its
// manifest. Destroyed before commit(): the temporary folder is removed and <out> left as it was.
// Shared by `circleplan batch` (io/run/batch_run.h) and the Dask batch (python/circleplan/dask.py),
// whose scenarios run elsewhere and write into staged_folder().
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "io/gdal/atomic_output.h"
#include "io/run/batch_run.h"

namespace io {

class BatchFolder {
 public:
  /// Refuses before anything is written: no --out, an output folder that holds or is an input,
  /// an existing one without `overwrite` (or holding files circleplan did not write). Throws
  /// UsageError, OutputError. Two files of one stem: the second is a failed scenario already.
  BatchFolder(const std::vector<std::string>& files, const std::string& out, bool overwrite);

  /// In the order of the files; `folder` is where each ends up (<out>/<name>).
  std::vector<BatchScenario>& scenarios() { return m_result.scenarios; }
  /// Where scenario `i` is written meanwhile: <temporary>/<name>.
  std::filesystem::path staged_folder(std::size_t i) const;
  /// Scenario `i` failed with `error`: its row says so and its folder is removed (no half-written
  /// scenario beside the good ones).
  void fail(std::size_t i, const std::string& error);
  /// Scenario `i` was written, with these summary rows (the base, then each variant).
  void succeed(std::size_t i, std::vector<planner::VariantRow> rows);
  /// Writes summary.csv and summary.json and moves the folder into place (nothing when a stop
  /// was asked: throws planner::Cancelled). Throws OutputError.
  BatchResult commit(const planner::CancelToken& cancel = {});

 private:
  std::string m_out;
  detail::StagedOutput m_staged;
  BatchResult m_result;
  std::vector<std::vector<planner::VariantRow>> m_rows;
};

}  // namespace io
