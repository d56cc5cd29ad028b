#include "io/run/scenario_tasks.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "io/errors.h"
#include "io/run/output_files.h"
#include "io/run/scenario_driver.h"
#include "io/run/task_bytes.h"
#include "io/scenario/scenario_file.h"

namespace io {
namespace {

namespace fs = std::filesystem;

/// One prepared scenario, used by one task at a time.
struct CachedScenario {
  std::string key;
  std::mutex lock;   ///< held for a whole task
  WarningSink warn;  ///< the running task's
  /// Raised while the running task's batch folder is gone (the client stopped the batch and
  /// removed it: Dask cannot stop a running task, so the task notices by itself).
  std::atomic<bool> stop{false};
  std::optional<ScenarioDriver> driver;
};

/// Two scenarios at most: a worker moves from one scenario to the next; a third would only
/// hold memory (the tasks of one scenario are submitted together).
constexpr std::size_t cache_size = 2;
std::mutex cache_lock;
std::list<std::shared_ptr<CachedScenario>> cache;  ///< most recently used first

std::string key_of(const ScenarioTask& task) {
  std::error_code ec;
  const fs::path path = fs::absolute(task.scenario, ec);
  const auto mtime = fs::last_write_time(path, ec);
  return path.string() + '\n' + std::to_string(mtime.time_since_epoch().count()) + '\n' +
         std::to_string(task.threads);
}

/// Raises `stop` once the batch's staged folder (the parent of the scenario's) is gone, checked
/// every 100 ms while the task runs.
class FolderWatch {
 public:
  FolderWatch(const std::string& scenario_folder, std::atomic<bool>& stop)
      : m_root(fs::path(scenario_folder).parent_path()),
        m_stop(stop),
        m_thread([this] { watch(); }) {}
  ~FolderWatch() {
    {
      const std::lock_guard<std::mutex> guard(m_lock);
      m_done = true;
    }
    m_wake.notify_all();
    m_thread.join();
  }
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

 private:
  void watch() {
    std::unique_lock<std::mutex> guard(m_lock);
    while (!m_done) {
      std::error_code ec;
      if (!fs::exists(m_root, ec) && !ec) m_stop = true;
      m_wake.wait_for(guard, std::chrono::milliseconds(100));
    }
  }
  fs::path m_root;
  std::atomic<bool>& m_stop;
  std::mutex m_lock;
  std::condition_variable m_wake;
  bool m_done = false;
  std::thread m_thread;
};

/// The prepared scenario of `task`, locked for the caller, its warnings going to task.warn.
/// Preparing again after a failure: a bad file throws the same error in every task.
std::shared_ptr<CachedScenario> prepared(const ScenarioTask& task,
                                         std::unique_lock<std::mutex>& held,
                                         std::optional<FolderWatch>& watch) {
  const std::string key = key_of(task);
  std::shared_ptr<CachedScenario> entry;
  {
    const std::lock_guard<std::mutex> guard(cache_lock);
    for (auto it = cache.begin(); it != cache.end(); ++it) {
      if ((*it)->key == key) {
        entry = *it;
        cache.erase(it);
        break;
      }
    }
    if (!entry) {
      entry = std::make_shared<CachedScenario>();
      entry->key = key;
    }
    cache.push_front(entry);
    if (cache.size() > cache_size) cache.pop_back();
  }
  held = std::unique_lock<std::mutex>(entry->lock);
  entry->warn = task.warn;
  entry->stop = false;
  const fs::path root = fs::path(task.folder).parent_path();
  if (!fs::is_directory(root)) {
    throw OutputError("the batch's staged folder '" + root.string() +
                      "' is gone: the batch was stopped");
  }
  watch.emplace(task.folder, entry->stop);
  if (!entry->driver) {
    ScenarioRunOptions o;
    o.out = task.folder;
    o.staged = false;
    o.threads = task.threads;
    o.cancel = planner::CancelToken(&entry->stop);
    CachedScenario* raw = entry.get();
    o.warn = [raw](const std::string& message) {
      if (raw->warn) {
        raw->warn(message);
      } else {
        std::fprintf(stderr, "circleplan: warning: %s\n", message.c_str());
      }
    };
    try {
      entry->driver.emplace(task.scenario, std::move(o));
      entry->driver->prepare();
    } catch (...) {
      entry->driver.reset();
      throw;
    }
  }
  entry->driver->set_folder(task.folder);
  entry->driver->state() = {};
  return entry;
}

/// A task stopped because its batch was (its folder is gone) fails as an output error, not as a
/// stop of the worker's own process.
template <class Fn>
std::string stopped_as_output_error(Fn&& fn) {
  try {
    return fn();
  } catch (const planner::Cancelled&) {
    throw OutputError("the batch was stopped: its staged folder is gone");
  }
}

/// Removes what an earlier attempt of this variant's task may have left (a worker killed while
/// writing): its GeoPackage with SQLite's side files, its sidecars and its changes folder.
void remove_leftovers(const fs::path& folder, const std::string& name) {
  std::error_code ignored;
  for (const char* suffix :
       {".gpkg", ".gpkg-journal", ".gpkg-wal", ".gpkg-shm", ".summary.json", ".compliance.csv"}) {
    fs::remove(folder / (name + suffix), ignored);
  }
  fs::remove_all(folder / ("changes-" + name), ignored);
}

}  // namespace

std::size_t scenario_variant_count(const std::string& scenario) {
  try {
    return read_scenario(scenario).variants.size();
  } catch (const InputError&) {
    return 0;
  }
}

std::string run_base_task(const ScenarioTask& task) {
  return stopped_as_output_error([&] {
    std::shared_ptr<CachedScenario> entry;  // destroyed last: the others use it
    std::unique_lock<std::mutex> held;
    std::optional<FolderWatch> watch;
    entry = prepared(task, held, watch);
    ScenarioDriver& d = *entry->driver;
    remove_leftovers(task.folder, "base");
    d.evaluate_base();
    ScenarioRunState& s = d.state();
    BaseOutcome out{std::move(s.rows.at(0)), std::move(s.base), std::move(s.base_areas)};
    s = {};
    return to_bytes(out);
  });
}

std::string run_variant_task(const ScenarioTask& task, std::size_t index,
                             const std::string& base_bytes) {
  return stopped_as_output_error([&] {
    std::shared_ptr<CachedScenario> entry;  // destroyed last: the others use it
    std::unique_lock<std::mutex> held;
    std::optional<FolderWatch> watch;
    entry = prepared(task, held, watch);
    ScenarioDriver& d = *entry->driver;
    if (index >= d.variant_count()) throw UsageError("no variant " + std::to_string(index));
    ScenarioRunState& s = d.state();
    s.base = base_outcome_of(base_bytes).snapshot;
    // The variant's name is known once it is evaluated; its leftovers are removed by the name the
    // file gives it, which is the same.
    remove_leftovers(task.folder, read_scenario(task.scenario).variants.at(index).name);
    d.evaluate_variant(index);
    VariantOutcome out{std::move(s.rows.at(0)), std::move(s.kept.at(0))};
    s = {};
    return to_bytes(out);
  });
}

std::string finish_scenario_task(const ScenarioTask& task, const std::string& base_bytes,
                                 const std::vector<std::string>& variant_bytes) {
  return stopped_as_output_error([&] {
    std::shared_ptr<CachedScenario> entry;  // destroyed last: the others use it
    std::unique_lock<std::mutex> held;
    std::optional<FolderWatch> watch;
    entry = prepared(task, held, watch);
    ScenarioDriver& d = *entry->driver;
    ScenarioRunState& s = d.state();
    BaseOutcome base = base_outcome_of(base_bytes);
    s.rows.push_back(std::move(base.row));
    s.base = std::move(base.snapshot);
    s.base_areas = std::move(base.areas);
    for (const std::string& bytes : variant_bytes) {
      VariantOutcome v = variant_outcome_of(bytes);
      s.rows.push_back(std::move(v.row));
      s.kept.push_back(std::move(v.kept));
    }
    d.write_summaries();
    std::string rows = to_bytes(s.rows);
    s = {};
    return rows;
  });
}

void clear_scenario_cache() {
  const std::lock_guard<std::mutex> guard(cache_lock);
  cache.clear();
}

}  // namespace io
