// `circleplan batch`: runs many scenario files (io/run/batch_run.h: each into <out>/<file stem>/,
// on --jobs threads, one summary table over all of them, the whole folder staged and swapped into
// place at the end) and prints one line per scenario. A scenario that fails is a row with its
// error; the others are still run and written, and the exit code is then 1.
#include "app/batch_command.h"

#include <cstdio>
#include <memory>

#include "app/exit_codes.h"
#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "io/errors.h"
#include "io/run/batch_run.h"
#include "io/run/load_inputs.h"

namespace app {
namespace {

struct BatchConfig {
  io::BatchOptions options;
  std::string max_memory;
};

void run_batch(BatchConfig& cfg) {
  const MemoryGuard memory(cfg.max_memory);
  io::BatchOptions& o = cfg.options;
  o.cancel = cancel_token();
  // A scenario over the memory limit stops the whole batch (the others share that memory).
  o.before_stage = [&memory](const std::string& stage, std::uint64_t bytes) {
    try {
      memory.before_stage(stage, bytes);
    } catch (const MemoryLimitError&) {
      request_stop(StopReason::memory, resident_bytes(), memory.limit());
      throw;
    }
  };
  // A failed scenario's row says what main() would have said, exit-code label included.
  o.describe_failure = [](std::exception_ptr error) {
    const Failure f = failure_of(error);
    return f.exit_code == 3 ? "internal error: " + f.what : f.what;
  };
  const io::BatchResult result = io::run_batch(o);
  for (const io::BatchScenario& s : result.scenarios) {
    if (s.error.empty()) {
      std::printf("%s: %zu results in %s\n", s.name.c_str(), s.results, s.folder.c_str());
      std::fputs(io::layers_read_text(s.layers).c_str(), stdout);
    } else {
      std::fprintf(stderr, "circleplan: scenario %s failed: %s\n", s.file.c_str(), s.error.c_str());
    }
  }
  std::printf("summary: %s (%zu rows)\n", result.summary_csv_path.c_str(), result.rows.size());
  if (result.failed > 0) {
    throw io::InputError({}, std::to_string(result.failed) + " of " +
                                 std::to_string(result.scenarios.size()) +
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
      "status 'failed' and its error, and has no folder; the exit code is then 1. The folder is "
      "written under a hidden temporary name and moved into place at the end, with "
      "circleplan-manifest.txt listing its files: an interrupted batch leaves the previous "
      "folder as it was. See docs/scenarios.md.");
  cmd->add_option("files", cfg->options.files, "scenario files (TOML)")->required();
  cmd->add_option("--out", cfg->options.out, "output folder")->required();
  cmd->add_option("--jobs", cfg->options.jobs, "scenarios run at the same time")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--threads", cfg->options.threads,
                  "evaluation threads per scenario (default: the cores divided among the jobs)");
  cmd->add_flag("--overwrite", cfg->options.overwrite,
                "replace an existing output folder that holds only files circleplan wrote there "
                "(its circleplan-manifest.txt lists them); default: refuse a non-empty one");
  add_memory_option(*cmd, cfg->max_memory);
  return {cmd, [cfg] { run_batch(*cfg); }};
}

}  // namespace app
