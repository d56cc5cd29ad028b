#include "io/run/batch_run.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "io/errors.h"
#include "io/run/batch_folder.h"
#include "io/run/scenario_run.h"

namespace io {
namespace {

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
  BatchFolder folder(o.files, o.out, o.overwrite);
  std::vector<BatchScenario>& scenarios = folder.scenarios();
  const std::size_t n = scenarios.size();
  // Without a thread count, the cores are shared among the jobs; results do not depend on it.
  const unsigned threads =
      o.threads > 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency() / o.jobs);

  std::atomic<std::size_t> next{0};
  std::mutex io_lock, stop_lock, folder_lock;
  std::exception_ptr stop;  // a stop asked meanwhile: the whole batch ends, nothing written
  auto run_one = [&](std::size_t i) {
    BatchScenario& s = scenarios[i];
    ScenarioRunOptions so;
    so.out = folder.staged_folder(i).string();
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
      std::vector<planner::VariantRow> rows = run_scenario(s.file, so);
      const std::lock_guard<std::mutex> lock(folder_lock);
      folder.succeed(i, std::move(rows));
    } catch (...) {
      if (o.cancel.requested()) {
        const std::lock_guard<std::mutex> lock(stop_lock);
        if (!stop) stop = std::current_exception();
        return;
      }
      const std::string error = describe(o, std::current_exception());
      const std::lock_guard<std::mutex> lock(folder_lock);
      folder.fail(i, error);
    }
  };
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      if (scenarios[i].error.empty() && !o.cancel.requested()) run_one(i);
    }
  };
  std::vector<std::thread> pool;
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(o.jobs, n));
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (stop) std::rethrow_exception(stop);
  o.cancel.check();
  return folder.commit(o.cancel);
}

}  // namespace io
