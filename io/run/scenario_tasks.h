// A scenario cut into tasks for a distributed batch (docs/distributed.md): one task for the
// base, one per variant (given the base's snapshot as bytes), and one that writes the scenario's
// report and summaries from the others' results. Each task writes its own files into the
// scenario's folder inside the batch's staged folder (a file system every worker shares) and
// returns the few values the next tasks read, as bytes (io/run/task_bytes.h).
//
// The scenario is read, its network built and its variants resolved once per process (a worker)
// and scenario file: kept in a small cache keyed by the file's path, modification time and the
// thread count, so the tasks of one scenario that land on one worker share that work.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/run/run_errors.h"

namespace io {

struct ScenarioTask {
  std::string scenario;  ///< the scenario file
  std::string folder;    ///< its folder inside the staged batch folder: <staged>/<file stem>
  unsigned threads = 1;  ///< evaluation threads of the task
  WarningSink warn{};    ///< empty: stderr
};

/// The number of variants the file declares (it is read, nothing else); 0 when it cannot be read
/// (the base task then fails with the file's error).
std::size_t scenario_variant_count(const std::string& scenario);

/// Evaluates and writes the base; returns its BaseOutcome bytes. Throws what run_scenario throws
/// for a bad scenario, bad data or a bad variant (every task of that scenario throws the same).
std::string run_base_task(const ScenarioTask& task);

/// Evaluates, writes and compares variant `index` (0-based, file order) with the base of
/// `base_bytes`; returns its VariantOutcome bytes. Files a killed attempt left are replaced.
std::string run_variant_task(const ScenarioTask& task, std::size_t index,
                             const std::string& base_bytes);

/// Writes report.html, summary.csv, summary.json and timings.json of the scenario from its base
/// and variants (in file order); returns its summary rows as bytes (io::rows_of).
std::string finish_scenario_task(const ScenarioTask& task, const std::string& base_bytes,
                                 const std::vector<std::string>& variant_bytes);

/// Forgets the cached scenarios (their networks' memory is freed).
void clear_scenario_cache();

}  // namespace io
