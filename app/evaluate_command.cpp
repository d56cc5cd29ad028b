// `circleplan evaluate`: reads roads, centers and blocks, builds the walking network, runs one
// multi-source search from every center, applies the coverage rule (DESIGN.md §7) to every
// block, checks the network's health, and writes blocks, centers, communities, summary,
// diagnostics (and nodes) layers (io/run/evaluate_run.h). Stops cleanly on Ctrl-C and over
// --max-memory.
#include "app/evaluate_command.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

#include "app/access_options.h"
#include "app/input_options.h"
#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "app/output_options.h"
#include "app/range_check.h"
#include "app/usage_error.h"
#include "io/run/evaluate_run.h"
#include "io/run/load_inputs.h"
#include "io/scenario/service_area_words.h"
#include "io/tables/demand_layers.h"
#include "io/tables/diagnostics_layer.h"
#include "io/tables/standard_layers.h"

namespace app {
namespace {

/// Per tier of the standard: blocks (and people) meeting it; blocks meeting every tier; grids
/// without a service point (一网格一站点).
void print_standard(const io::EvaluateOutcome& out) {
  const planner::Evaluation& ev = out.run.ev;
  if (out.params.standard && ev.standard) {
    const planner::Standard& standard = *out.params.standard;
    std::printf("standard '%s':\n", standard.name.c_str());
    for (std::size_t t = 0; t < standard.tiers.size(); ++t) {
      const planner::StandardTier& tier = standard.tiers[t];
      const planner::ComplianceRow& all = ev.standard->compliance[t];
      std::printf("  %s (%s %g): %u of %u blocks met (%.1f%%)", tier.name.c_str(),
                  std::string(planner::to_string(tier.definition)).c_str(), tier.threshold,
                  all.met_blk, all.blocks, 100.0 * all.sh_blk);
      if (ev.has_population) std::printf(", population %.1f%%", 100.0 * all.sh_pop);
      std::printf("\n");
    }
    std::uint32_t comply = 0;
    for (std::uint8_t c : ev.standard->comply) comply += c;
    std::printf("  every tier: %u of %zu blocks comply\n", comply, ev.standard->comply.size());
    std::printf("compliance: %s\n", out.compliance_csv_path.c_str());
  }
  if (!ev.grids.ids.empty()) {
    const std::vector<std::string> without =
        planner::grids_without_point(ev.grids, ev.grid_outcomes);
    std::printf("grids: %zu, without a service point: %zu", ev.grids.ids.size(), without.size());
    for (std::size_t i = 0; i < without.size(); ++i) {
      std::printf("%s%s", i == 0 ? " (" : ", ", without[i].c_str());
    }
    std::printf("%s\n", without.empty() ? "" : ")");
  }
}

/// The most loaded centers and the worst served blocks by the first --access method.
void print_access(const io::EvaluateOutcome& out) {
  const planner::Evaluation& ev = out.run.ev;
  if (!ev.access) return;
  const planner::AccessResult& a = *ev.access;
  const std::string method(planner::to_string(a.methods.front()));
  std::printf("access (%s, %g minutes): most loaded centers (load 1 = average):", method.c_str(),
              a.t0_minutes);
  for (const std::uint32_t c : a.most_loaded) {
    std::printf(" %s %.2f;", out.inputs.centers[c].id.c_str(), a.load[c].value_or(0.0));
  }
  std::printf("\n  worst served blocks (capacity per 1,000 residents):");
  for (const std::uint32_t b : a.worst_served) {
    std::printf(" %s %.3g;", out.inputs.blocks[b].id.c_str(), a.score[0][b].value_or(0.0));
  }
  std::printf("\n");
}

void print_summary(const io::EvaluateOutcome& out) {
  const planner::Evaluation& ev = out.run.ev;
  const io::RunInfo& run = out.info;
  const planner::Totals& t = ev.totals;
  std::fputs(io::layers_read_text(run.layers).c_str(), stdout);
  std::printf("network: %zu vertices, %zu edges, %zu components (largest %zu vertices)\n",
              run.network_vertices, run.network_edges, run.network_components,
              run.largest_component_vertices);
  std::printf("centers: %zu (%u not within the snapping distance)\n", ev.centers.size(),
              ev.unsnapped_centers);
  std::printf("blocks: %u, within %g minutes: %u covered, %u uncovered, %u unreachable\n", t.blocks,
              ev.cover_s / 60.0, t.covered, t.uncovered, t.unreachable);
  std::printf("area: %.0f m2 in blocks, %.0f m2 covered (%.1f%%)\n", t.area_m2, t.covered_area_m2,
              t.area_m2 > 0 ? 100.0 * t.covered_area_m2 / t.area_m2 : 0.0);
  if (ev.has_population) {
    std::printf("population: %.0f, covered %.0f (%.1f%%), area-weighted %.0f\n", t.pop,
                t.covered_pop, t.pop > 0 ? 100.0 * t.covered_pop / t.pop : 0.0,
                t.area_weighted_pop);
  } else {
    std::printf("population: not given (figures are block counts and areas)\n");
  }
  for (const planner::TierTotals& tier : ev.tiers) {
    std::printf("  tier %s (%u centers): %u of %u blocks covered\n", tier.tier.c_str(),
                tier.centers, tier.totals.covered, tier.totals.blocks);
  }
  print_standard(out);
  print_access(out);
  if (out.demand) std::printf("%s\n", io::demand_points_text(*out.demand).c_str());
  const std::string health = io::diagnostics_text(out.run.diagnostics);
  if (health.empty()) {
    std::printf("network health: no findings\n");
  } else {
    std::printf("network health (%zu findings in the diagnostics layer):\n%s",
                out.run.diagnostics.findings.size(), health.c_str());
  }
  std::printf("summary: %s\n", out.summary_path.c_str());
}

void run_evaluate(const EvaluateCli& cli) {
  io::EvaluateConfig run = evaluate_config(cli);
  run.params.cancel = cancel_token();
  const MemoryGuard memory(cli.max_memory);
  run.before_stage = [&](const std::string& stage, std::uint64_t bytes) {
    memory.before_stage(stage, bytes);
  };
  const io::EvaluateOutcome out = io::run_evaluate(run);
  std::fprintf(stderr, "timings:\n%s", out.timer.report().c_str());
  print_summary(out);
}

void add_diagnostics_options(CLI::App& cmd, planner::DiagnosticsParams& diagnostics) {
  cmd.add_option("--long-edge-m", diagnostics.long_edge_m,
                 "diagnostics: report edges longer than this many metres (docs/diagnostics.md)")
      ->check(in_range(planner::long_edge_range))
      ->capture_default_str();
  cmd.add_option("--island-share", diagnostics.island_share,
                 "a component under this share of the largest one's vertices is a small island: "
                 "reported in diagnostics, and snapped to only when no other street is within "
                 "--max-snap")
      ->check(in_range(planner::island_share_range))
      ->capture_default_str();
  cmd.add_option("--island-vertices", diagnostics.island_min_vertices,
                 "a component under this many vertices is always a small island (as above)")
      ->capture_default_str();
}

}  // namespace

io::EvaluateConfig evaluate_config(const EvaluateCli& cli) {
  io::EvaluateConfig run = cli.run;
  if (cli.cover_minutes_option->count() > 0) run.params.cover_minutes = cli.cover_minutes;
  run.params.access = access_params(cli.access, run.params.cover_threshold_minutes());
  run.areas.bands = *io::mode_of(io::band_words, cli.bands);
  run.areas.overlap = *io::mode_of(io::overlap_words, cli.overlap);
  run.areas.hull = *io::mode_of(io::hull_words, cli.hull);
  run.reach_edges = *io::mode_of(io::reach_edges_words, cli.reach_edges);
  run.areas.polygons = cli.service_areas;
  for (const CLI::Option* o : cli.area_options) run.areas.polygons |= o->count() > 0;
  for (const std::string& extra : cli.extra_layers) run.nodes_layer |= extra == "nodes";
  const std::vector<double>& m = run.params.minutes;
  if (std::adjacent_find(m.begin(), m.end(), std::greater_equal<double>()) != m.end()) {
    throw UsageError("--minutes must be strictly ascending, e.g. 5,10,15");
  }
  return run;
}

CLI::App* add_evaluate_options(CLI::App& root, EvaluateCli& cli) {
  EvaluateCli* cfg = &cli;
  CLI::App* cmd = root.add_subcommand(
      "evaluate",
      "Which residential blocks lie within a walk of a service center, and how many people.");
  cmd->footer(
      "Example:\n  circleplan evaluate --roads city.gpkg --roads-layer roads --centers city.gpkg "
      "--centers-layer centers --blocks city.gpkg --blocks-layer blocks --crs EPSG:4549 "
      "--out result.gpkg\nSee docs/user-guide.md for every option and docs/outputs.md for every "
      "output field.");
  add_input_options(*cmd, cfg->run.inputs);
  add_output_options(*cmd, cfg->run.output, "result.gpkg");
  cmd->add_option("--speed-kmh", cfg->run.params.speed_kmh, "walking speed in km/h")
      ->check(in_range(planner::speed_kmh_range))
      ->capture_default_str();
  cmd->add_option("--minutes", cfg->run.params.minutes, "walking-time thresholds, e.g. 5,10,15")
      ->delimiter(',')
      ->check(in_range(planner::minutes_range))
      ->capture_default_str();
  cfg->cover_minutes_option =
      cmd->add_option(
             "--cover-minutes", cfg->cover_minutes,
             "threshold for a block to count as covered (default: the largest of --minutes)")
          ->check(in_range(planner::cover_minutes_range));
  cmd->add_option("--max-snap", cfg->run.params.max_snap_m,
                  "metres a center, block access point or cov_share sample point may lie from the "
                  "network")
      ->check(in_range(planner::max_snap_range))
      ->capture_default_str();
  cmd->add_option("--sample-spacing", cfg->run.params.sample_spacing_m,
                  "grid spacing in metres of the cov_share sample points")
      ->check(in_range(planner::sample_spacing_range))
      ->capture_default_str();
  cmd->add_option("--search-limit", cfg->run.params.search_limit_minutes,
                  "minutes the search looks beyond which a block gets no minutes")
      ->check(in_range(planner::search_limit_range))
      ->capture_default_str();
  cmd->add_flag("--service-areas", cfg->service_areas,
                "also write service_areas polygons and reach_edges lines for every band of "
                "--minutes (implied by --bands, --overlap, --buffer-m, --simplify-m, --hull, "
                "--reach-edges)");
  cfg->area_options.push_back(
      cmd->add_option("--bands", cfg->bands,
                      "service areas as rings (5-10, 10-15...) or disks (0-5, 0-10...)")
          ->check(CLI::IsMember(io::words_of(io::band_words)))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--overlap", cfg->overlap,
                      "service-area grouping: per-center | dissolve (per band and tier) | split "
                      "(dissolved area divided among the nearest centers)")
          ->check(CLI::IsMember(io::words_of(io::overlap_words)))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--buffer-m", cfg->run.areas.buffer_m,
                      "metres around the reached streets that a service area covers")
          ->check(in_range(planner::buffer_range))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--simplify-m", cfg->run.areas.simplify_m,
                      "simplify service-area outlines to this tolerance in metres (0: off)")
          ->check(in_range(planner::simplify_range))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--hull", cfg->hull,
                      "none (follow the network) | convex (a convex hull, crosses water and gaps)")
          ->check(CLI::IsMember(io::words_of(io::hull_words)))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--reach-edges", cfg->reach_edges,
                      "reach_edges lines: merged (one MultiLineString per center and band; per "
                      "band and tier for dissolve/split) | pieces (one row per street piece and "
                      "center) | none")
          ->check(CLI::IsMember(io::words_of(io::reach_edges_words)))
          ->capture_default_str());
  cmd->add_option("--threads", cfg->run.params.threads, "threads (default 0: all cores)")
      ->capture_default_str();
  add_diagnostics_options(*cmd, cfg->run.diagnostics);
  add_access_options(*cmd, cfg->access);
  cmd->add_option("--standard", cfg->run.standard_path,
                  "service standard file (TOML): tiers of centers, each with its own walk time, "
                  "network distance or radius; writes block_tiers, compliance and "
                  "<output>.compliance.csv (docs/standards.md)");
  add_memory_option(*cmd, cfg->max_memory);
  cmd->add_option("--layers", cfg->extra_layers, "extra layers to write: nodes")
      ->delimiter(',')
      ->check(CLI::IsMember({"nodes"}));
  return cmd;
}

Command register_evaluate(CLI::App& root) {
  auto cli = std::make_shared<EvaluateCli>();
  CLI::App* cmd = add_evaluate_options(root, *cli);
  return {cmd, [cli] {
            settle_output(cli->run.output);
            run_evaluate(*cli);
          }};
}

}  // namespace app
