#include "io/run/batch_run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "io/errors.h"
#include "io/gdal/atomic_output.h"
#include "io/gdal/layer_writer.h"
#include "io/run/output_over_input.h"
#include "io/run/scenario_run.h"
#include "io/tables/scenario_summary.h"

namespace io {
namespace {

namespace fs = std::filesystem;

/// Every scenario file and what it reads against the whole output folder (docs/errors.md §6).
void refuse_batch_over_inputs(const BatchOptions& o) {
  std::vector<NamedPath> inputs;
  for (const std::string& file : o.files) {
    for (NamedPath& in : scenario_input_paths(file)) inputs.push_back(std::move(in));
  }
  refuse_output_over_input(inputs, {{"--out", o.out, true}});
}

/// The scenarios with their folders; two files of one stem clash (the second is an error row).
std::vector<BatchScenario> scenarios_of(const BatchOptions& o) {
  std::vector<BatchScenario> out;
  std::set<std::string> seen;
  for (const std::string& file : o.files) {
    BatchScenario s;
    s.file = file;
    s.name = fs::path(file).stem().string();
    s.folder = (fs::path(o.out) / s.name).string();
    if (!seen.insert(s.name).second) {
      s.error = "another scenario file given earlier has the same name '" + s.name +
                "' (outputs go to <out>/<name>/); rename one";
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string describe(const BatchOptions& o, std::exception_ptr error) {
  if (o.describe_failure) return o.describe_failure(error);
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

}  // namespace

BatchResult run_batch(const BatchOptions& o) {
  if (o.jobs < 1) throw UsageError("--jobs must be at least 1");
  if (o.out.empty()) throw UsageError("--out is required");
  refuse_batch_over_inputs(o);
  detail::StagedOutput staged(o.out, detail::StagedOutput::Kind::run_folder, o.overwrite);

  BatchResult result;
  result.scenarios = scenarios_of(o);
  const std::size_t n = result.scenarios.size();
  // Without a thread count, the cores are shared among the jobs; results do not depend on it.
  const unsigned threads =
      o.threads > 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency() / o.jobs);

  std::vector<std::vector<planner::VariantRow>> rows(n);
  std::atomic<std::size_t> next{0};
  std::mutex io_lock, stop_lock;
  std::exception_ptr stop;  // a stop asked meanwhile: the whole batch ends, nothing written
  auto run_one = [&](std::size_t i) {
    BatchScenario& s = result.scenarios[i];
    const fs::path folder = staged.temp_path() / s.name;
    ScenarioRunOptions so;
    so.out = folder.string();
    so.staged = false;
    so.overwrite = o.overwrite;
    so.threads = threads;
    so.io_lock = &io_lock;
    so.batch_out = o.out;
    so.cancel = o.cancel;
    so.before_stage = o.before_stage;
    so.warn = o.warn;
    so.on_layers_read = [&s](const std::vector<LayerRead>& layers) { s.layers = layers; };
    try {
      rows[i] = run_scenario(s.file, so);
      s.results = rows[i].size();
    } catch (...) {
      if (o.cancel.requested()) {
        const std::lock_guard<std::mutex> lock(stop_lock);
        if (!stop) stop = std::current_exception();
        return;
      }
      s.error = describe(o, std::current_exception());
      std::error_code ignored;
      fs::remove_all(folder, ignored);  // no half-written scenario beside the good ones
    }
  };
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      if (result.scenarios[i].error.empty() && !o.cancel.requested()) run_one(i);
    }
  };
  std::vector<std::thread> pool;
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(o.jobs, n));
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (stop) std::rethrow_exception(stop);
  o.cancel.check();

  for (std::size_t i = 0; i < n; ++i) {
    const BatchScenario& s = result.scenarios[i];
    if (s.error.empty()) {
      result.rows.insert(result.rows.end(), rows[i].begin(), rows[i].end());
    } else {
      ++result.failed;
      planner::VariantRow r;
      r.scenario = s.name;
      r.error = s.error;
      result.rows.push_back(std::move(r));
    }
  }
  write_csv_text_file((staged.temp_path() / "summary.csv").string(), summary_csv(result.rows));
  write_text_file((staged.temp_path() / "summary.json").string(), summary_json(result.rows));
  o.cancel.check();
  staged.commit();
  result.summary_csv_path = (fs::path(o.out) / "summary.csv").string();
  return result;
}

}  // namespace io
