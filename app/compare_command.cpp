// `circleplan compare BEFORE AFTER --out DIR`: reads two result GeoPackages back, compares them
// block by block and writes the changes layer, changes.csv and comparison.json (docs/compare.md).
#include "app/compare_command.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "io/run/match_warnings.h"
#include "io/run/output_over_input.h"
#include "io/run/run_errors.h"
#include "io/tables/comparison_outputs.h"
#include "io/tables/result_reader.h"
#include "planner/scenario/comparison.h"

namespace app {
namespace {

/// The files compare writes never replace BEFORE or AFTER (docs/errors.md §6).
void refuse_compare_over_inputs(const CompareCli& cfg) {
  const std::filesystem::path folder(cfg.out);
  io::refuse_output_over_input({{"BEFORE", cfg.before}, {"AFTER", cfg.after}},
                               {{"--out", cfg.out},
                                {"--out", (folder / "changes.gpkg").string()},
                                {"--out", (folder / "changes.csv").string()},
                                {"--out", (folder / "comparison.json").string()}});
}

void run_compare(const CompareCli& cfg) {
  const planner::Comparison comparison = compare_results(cfg);
  const planner::ComparisonCounts& n = comparison.counts;
  const std::uint32_t changed = static_cast<std::uint32_t>(comparison.blocks.size()) - n.unchanged;
  std::printf(
      "%u of %zu blocks changed: %u newly covered, %u newly uncovered, %u other status, %u "
      "minutes only (%u lower, %u higher), %u nearest center only, %u access score only, %u only "
      "before, %u only after; centers: %u opened, %u closed\nwritten: %s/changes.gpkg, "
      "changes.csv, "
      "comparison.json\n",
      changed, comparison.blocks.size(), n.newly_covered, n.newly_uncovered, n.status, n.minutes,
      n.minutes_lower, n.minutes_higher, n.center, n.access, n.removed, n.added, n.centers_opened,
      n.centers_closed, cfg.out.c_str());
  std::printf("%s",
              io::standard_change_text(comparison.standard, comparison.has_population).c_str());
  std::printf("%s", io::access_change_text(comparison).c_str());
}

}  // namespace

planner::Comparison compare_results(const CompareCli& cfg, const io::WarningSink& warn) {
  refuse_compare_over_inputs(cfg);
  const io::ResultFile before = io::read_result(cfg.before);
  const io::ResultFile after = io::read_result(cfg.after);
  if (before.crs_wkt != after.crs_wkt) {
    io::warn(warn, "'" + cfg.before + "' and '" + cfg.after +
                       "' are in different CRSs; blocks are matched by id, and the changes layer "
                       "takes the CRS of '" +
                       cfg.after + "'");
  }
  const planner::Comparison comparison = planner::compare(before.snapshot, after.snapshot);
  if (const std::string few = io::few_common_blocks_text(comparison, cfg.before, cfg.after);
      !few.empty()) {
    io::warn(warn, few);
  }
  io::ComparisonFiles files;
  files.folder = cfg.out;
  files.before_label = cfg.before;
  files.after_label = cfg.after;
  files.crs_wkt = after.crs_wkt;
  files.overwrite = cfg.overwrite;
  io::write_comparison(files, comparison, before.snapshot, after.snapshot);
  return comparison;
}

CLI::App* add_compare_options(CLI::App& root, CompareCli& cli) {
  CompareCli* cfg = &cli;
  CLI::App* cmd = root.add_subcommand(
      "compare",
      "What changed between two results of 'circleplan evaluate' (before, after): per block "
      "minutes and status, per center reach, covered population by tier and community.");
  cmd->footer(
      "Example:\n  circleplan compare before.gpkg after.gpkg --out changes/\nWrites "
      "changes/changes.gpkg (layer 'changes': the changed blocks), changes/changes.csv and "
      "changes/comparison.json. Blocks and centers are matched by id (fewer than half the blocks "
      "in common: a warning that the ids differ). See docs/compare.md.");
  cmd->add_option("before", cfg->before, "the first result (GeoPackage of circleplan evaluate)")
      ->required();
  cmd->add_option("after", cfg->after, "the second result, compared with the first")->required();
  cmd->add_option("--out", cfg->out, "output folder for changes.gpkg, changes.csv, comparison.json")
      ->required();
  cmd->add_flag("--overwrite", cfg->overwrite, "replace existing outputs (default: refuse)");
  return cmd;
}

Command register_compare(CLI::App& root) {
  auto cli = std::make_shared<CompareCli>();
  CLI::App* cmd = add_compare_options(root, *cli);
  return {cmd, [cli] { run_compare(*cli); }};
}

}  // namespace app
