// `circleplan run`: reads a scenario file (docs/scenarios.md), loads and projects its inputs
// once, builds the network once, evaluates the base and every variant, and writes into --out:
// <variant>.gpkg per variant (the layers of `evaluate`), changes-<variant>/ (the comparison
// with the base), report.html, summary.csv, summary.json and timings.json (io/run/scenario_run.h).
#include "app/run_command.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "io/run/load_inputs.h"
#include "io/run/scenario_run.h"
#include "io/tables/comparison_outputs.h"
#include "planner/scenario/comparison.h"

namespace app {
namespace {

/// "base: 12 centers, 300 of 420 blocks covered within 15 minutes, population ..."; for a
/// variant with a service standard, each tier's compliance against the base's.
void print_variant(const planner::VariantRun& r,
                   std::optional<std::vector<planner::ComplianceRow>>& base_compliance) {
  const planner::Evaluation& ev = r.run.ev;
  const planner::Totals& t = ev.totals;
  std::printf("%s: %zu centers, %u of %u blocks covered within %g minutes", r.name.c_str(),
              r.inputs.centers.size(), t.covered, t.blocks, ev.cover_s / 60.0);
  if (ev.has_population) {
    std::printf(", population %.0f of %.0f (%.1f%%)", t.covered_pop, t.pop,
                t.pop > 0 ? 100.0 * t.covered_pop / t.pop : 0.0);
  }
  std::printf("\n");
  const std::vector<planner::ComplianceRow> none;
  const std::vector<planner::ComplianceRow>& rows = ev.standard ? ev.standard->compliance : none;
  if (!base_compliance) {
    base_compliance = rows;  // the base comes first
    for (const planner::ComplianceRow& row : rows) {
      if (row.scope != "all") continue;
      std::printf("  %s compliance (%s): %.1f%%\n", row.std_tier.c_str(),
                  ev.has_population ? "population" : "blocks",
                  100.0 * planner::met_share(row, ev.has_population));
    }
    return;
  }
  std::printf("%s", io::standard_change_text(planner::standard_changes(*base_compliance, rows),
                                             ev.has_population)
                        .c_str());
}

void run_run(RunCli& cfg) {
  const MemoryGuard memory(cfg.max_memory);
  cfg.options.cancel = cancel_token();
  cfg.options.before_stage = [&memory](const std::string& stage, std::uint64_t bytes) {
    memory.before_stage(stage, bytes);
  };
  std::optional<std::vector<planner::ComplianceRow>> base_compliance;
  cfg.options.on_layers_read = [](const std::vector<io::LayerRead>& layers) {
    std::fputs(io::layers_read_text(layers).c_str(), stdout);
  };
  cfg.options.on_variant = [&](const planner::VariantRun& r) { print_variant(r, base_compliance); };
  const std::vector<planner::VariantRow> rows = io::run_scenario(cfg.scenario, cfg.options);
  std::printf("%zu results, comparisons and report.html in %s\n", rows.size(),
              cfg.options.out.c_str());
}

}  // namespace

CLI::App* add_run_options(CLI::App& root, RunCli& cli) {
  RunCli* cfg = &cli;
  CLI::App* cmd = root.add_subcommand(
      "run",
      "Evaluate a scenario file: the base and every variant (closed centers, new centers, "
      "closed roads, footpaths, speeds, siting), compared block by block.");
  cmd->footer(
      "Example:\n  circleplan run data/porto-scenario.toml --out out/porto-scenario\n"
      "Writes base.gpkg and <variant>.gpkg (the layers of evaluate), changes-<variant>/ "
      "(changes.gpkg, changes.csv, comparison.json), report.html (one self-contained file with "
      "interactive Leaflet maps from libjs-leaflet, else SVG maps), summary.csv, summary.json and "
      "timings.json, and circleplan-manifest.txt listing them. The folder is written under a "
      "hidden temporary name and moved into place at the end: an interrupted or failed run "
      "leaves the previous folder as it was. The scenario file format: docs/scenarios.md.");
  cmd->add_option("scenario", cfg->scenario, "the scenario file (TOML)")->required();
  cmd->add_option("--out", cfg->options.out, "output folder")->required();
  cmd->add_flag("--overwrite", cfg->options.overwrite,
                "replace an existing output folder that holds only files circleplan wrote there "
                "(its circleplan-manifest.txt lists them); default: refuse a non-empty one");
  cmd->add_option("--threads", cfg->options.threads, "threads (default 0: all cores)")
      ->capture_default_str();
  add_memory_option(*cmd, cfg->max_memory);
  return cmd;
}

Command register_run(CLI::App& root) {
  auto cli = std::make_shared<RunCli>();
  CLI::App* cmd = add_run_options(root, *cli);
  return {cmd, [cli] { run_run(*cli); }};
}

}  // namespace app
