// `circleplan batch`: runs many scenario files (each as `circleplan run` would, into
// <out>/<file stem>/) on --jobs threads, and writes one summary table over all of them:
// <out>/summary.csv and <out>/summary.json, one row per scenario and variant, rows in the order
// the files were given whatever finished first. A scenario that fails is a row with its error;
// the others are still run and written, and the exit code is then 1.
#include "app/batch_command.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "app/exit_codes.h"
#include "app/usage_error.h"
#include "io/errors.h"
#include "io/gdal/layer_writer.h"
#include "io/run/scenario_run.h"
#include "io/tables/scenario_summary.h"

namespace app {
namespace {

namespace fs = std::filesystem;

struct BatchConfig {
  std::vector<std::string> files;
  std::string out;
  bool overwrite = false;
  unsigned jobs = 1;
  unsigned threads = 0;
  CLI::Option* threads_option = nullptr;
};

struct Outcome {
  std::vector<planner::VariantRow> rows;
  std::string error;
};

Outcome run_one(const std::string& file, const std::string& folder, const BatchConfig& cfg,
                unsigned threads, std::mutex& io_lock) {
  Outcome out;
  io::ScenarioRunOptions o;
  o.out = folder;
  o.overwrite = cfg.overwrite;
  o.threads = threads;
  o.io_lock = &io_lock;
  o.batch_out = cfg.out;
  // A failed scenario is a row with its error; the exit code is mapped once, in main.cpp.
  try {
    out.rows = io::run_scenario(file, o);
  } catch (const std::exception&) {
    const Failure f = failure_of(std::current_exception());
    out.error = f.exit_code == 3 ? "internal error: " + f.what : f.what;
  }
  return out;
}

/// Every scenario file and what it reads against the whole output folder, before any scenario
/// runs (docs/errors.md §6).
void refuse_batch_over_inputs(const BatchConfig& cfg) {
  std::vector<io::NamedPath> inputs;
  for (const std::string& file : cfg.files) {
    for (io::NamedPath& in : io::scenario_input_paths(file)) inputs.push_back(std::move(in));
  }
  io::refuse_output_over_input(inputs, {{"--out", cfg.out, true}});
}

void run_batch(const BatchConfig& cfg) {
  if (cfg.jobs < 1) throw UsageError("--jobs must be at least 1");
  refuse_batch_over_inputs(cfg);
  std::error_code ec;
  if (!cfg.overwrite && fs::exists(cfg.out, ec) && !fs::is_empty(cfg.out, ec)) {
    throw io::OutputError("output folder '" + cfg.out +
                          "' exists and is not empty; use --overwrite to replace its files");
  }
  fs::create_directories(cfg.out, ec);
  if (ec)
    throw io::OutputError("cannot create output folder '" + cfg.out + "': " + ec.message() +
                          "; check the path and that you may write there");

  // Each scenario writes into a folder named after its file; two files of one name clash.
  const std::size_t n = cfg.files.size();
  std::vector<std::string> names(n), clash(n);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n; ++i) {
    names[i] = fs::path(cfg.files[i]).stem().string();
    if (!seen.insert(names[i]).second) {
      clash[i] = "another scenario file given earlier has the same name '" + names[i] +
                 "' (outputs go to <out>/<name>/); rename one";
    }
  }
  // Without --threads, the cores are shared among the jobs; results do not depend on it.
  unsigned threads = cfg.threads;
  if (cfg.threads_option->count() == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency() / cfg.jobs);
  }

  std::vector<Outcome> outcomes(n);
  std::atomic<std::size_t> next{0};
  std::mutex io_lock;
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      if (!clash[i].empty()) {
        outcomes[i].error = clash[i];
        continue;
      }
      outcomes[i] =
          run_one(cfg.files[i], (fs::path(cfg.out) / names[i]).string(), cfg, threads, io_lock);
    }
  };
  std::vector<std::thread> pool;
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(cfg.jobs, n));
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  std::vector<planner::VariantRow> rows;
  std::size_t failed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (outcomes[i].error.empty()) {
      std::printf("%s: %zu results in %s\n", names[i].c_str(), outcomes[i].rows.size(),
                  (fs::path(cfg.out) / names[i]).string().c_str());
      rows.insert(rows.end(), outcomes[i].rows.begin(), outcomes[i].rows.end());
    } else {
      ++failed;
      std::fprintf(stderr, "circleplan: scenario %s failed: %s\n", cfg.files[i].c_str(),
                   outcomes[i].error.c_str());
      planner::VariantRow r;
      r.scenario = names[i];
      r.error = outcomes[i].error;
      rows.push_back(std::move(r));
    }
  }
  io::write_text_file((fs::path(cfg.out) / "summary.csv").string(), io::summary_csv(rows));
  io::write_text_file((fs::path(cfg.out) / "summary.json").string(), io::summary_json(rows));
  std::printf("summary: %s (%zu rows)\n", (fs::path(cfg.out) / "summary.csv").string().c_str(),
              rows.size());
  if (failed > 0) {
    throw io::InputError({}, std::to_string(failed) + " of " + std::to_string(n) +
                                 " scenarios failed (marked in summary.csv); the others were "
                                 "written. Fix the files named above and run them again");
  }
}

}  // namespace

Command register_batch(CLI::App& root) {
  auto cfg = std::make_shared<BatchConfig>();
  CLI::App* cmd = root.add_subcommand(
      "batch", "Run many scenario files; one summary table (CSV and JSON) over all variants.");
  cmd->footer(
      "Example:\n  circleplan batch scenarios/*.toml --out out/batch --jobs 2\n"
      "Each scenario is written to <out>/<file stem>/ as by `circleplan run`; <out>/summary.csv "
      "and summary.json have one row per scenario and variant. A failed scenario is a row with "
      "status 'failed' and its error; the exit code is then 1. See docs/scenarios.md.");
  cmd->add_option("files", cfg->files, "scenario files (TOML)")->required();
  cmd->add_option("--out", cfg->out, "output folder")->required();
  cmd->add_option("--jobs", cfg->jobs, "scenarios run at the same time")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cfg->threads_option = cmd->add_option(
      "--threads", cfg->threads,
      "evaluation threads per scenario (default: the cores divided among the jobs)");
  cmd->add_flag("--overwrite", cfg->overwrite,
                "replace files in an existing output folder (default: refuse a non-empty one)");
  return {cmd, [cfg] { run_batch(*cfg); }};
}

}  // namespace app
