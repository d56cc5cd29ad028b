// `circleplan evaluate`: reads roads, centers and blocks, builds the walking network, runs one
// multi-source search from every center, applies the coverage rule (DESIGN.md §7) to every
// block, checks the network's health, and writes blocks, centers, communities, summary,
// diagnostics (and nodes) layers. Stops cleanly on Ctrl-C and over --max-memory.
#include "app/evaluate_command.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/input_options.h"
#include "app/interrupt.h"
#include "app/memory_estimate.h"
#include "app/memory_limit.h"
#include "app/output_options.h"
#include "app/service_area_words.h"
#include "app/stage_timer.h"
#include "app/usage_error.h"
#include "io/crs/crs.h"
#include "io/gdal/layer_writer.h"
#include "io/tables/diagnostics_layer.h"
#include "io/tables/result_layers.h"
#include "io/tables/service_area_layers.h"
#include "planner/areas/service_areas.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/network/network.h"

namespace app {
namespace {

struct EvaluateConfig {
  InputOptions inputs;
  OutputOptions output;
  planner::EvaluationParams params;
  CLI::Option* cover_minutes_option = nullptr;
  double cover_minutes = 0.0;  ///< used when --cover-minutes was given
  std::vector<std::string> extra_layers;
  std::string bands = "rings";
  std::string overlap = "per-center";
  std::string hull = "none";
  bool service_areas = false;
  /// --bands, --overlap, --buffer-m, --simplify-m, --hull: asking for one means asking for the
  /// polygons, so `--minutes 5,10,15 --overlap dissolve` needs no --service-areas as well.
  std::vector<CLI::Option*> area_options;
  planner::ServiceAreaParams areas;
  planner::DiagnosticsParams diagnostics;
  std::string max_memory;
};

planner::ServiceAreaParams area_params(const EvaluateConfig& cfg,
                                       const planner::EvaluationParams& p) {
  planner::ServiceAreaParams a = cfg.areas;
  a.minutes = p.minutes;
  a.speed_mps = p.speed_mps();
  a.threads = p.threads;
  set_area_modes(a, cfg.bands, cfg.overlap, cfg.hull);
  a.polygons = cfg.service_areas;
  for (const CLI::Option* o : cfg.area_options) a.polygons = a.polygons || o->count() > 0;
  return a;
}

void print_summary(const planner::Evaluation& ev, const io::RunInfo& run,
                   const planner::NetworkDiagnostics& diagnostics,
                   const std::string& summary_path) {
  const planner::Totals& t = ev.totals;
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
  const std::string health = io::diagnostics_text(diagnostics);
  if (health.empty()) {
    std::printf("network health: no findings\n");
  } else {
    std::printf("network health (%zu findings in the diagnostics layer):\n%s",
                diagnostics.findings.size(), health.c_str());
  }
  std::printf("summary: %s\n", summary_path.c_str());
}

/// What was left out or looks doubtful goes to stderr, so a planner can fix the data.
void report_warnings(const LoadedInputs& loaded, const planner::Evaluation& ev) {
  if (loaded.missing_osm_node_refs > 0) {
    std::fprintf(stderr,
                 "circleplan: warning: %zu way node references have no location in the extract "
                 "(ways cut there; normal for a clipped extract)\n",
                 loaded.missing_osm_node_refs);
  }
  constexpr std::size_t max_listed = 20;
  std::size_t listed = 0;
  for (std::size_t c = 0; c < ev.centers.size(); ++c) {
    if (ev.centers[c].snap) continue;
    if (listed++ < max_listed) {
      std::fprintf(stderr,
                   "circleplan: warning: center '%s' is farther than --max-snap from every road; "
                   "it serves nobody (move it onto the network or raise --max-snap)\n",
                   loaded.inputs.centers[c].id.c_str());
    }
  }
  if (listed > max_listed) {
    std::fprintf(stderr, "circleplan: warning: ... and %zu more unsnapped centers\n",
                 listed - max_listed);
  }
  if (ev.unlinked_entrances > 0) {
    std::fprintf(stderr,
                 "circleplan: warning: %u entrances match no block (unknown block id, or more than "
                 "1 m from every block) and are ignored\n",
                 ev.unlinked_entrances);
  }
  // A --blocks layer's invalid polygons were already listed by the read (report_read), with
  // feature ids and reasons; only blocks from an OSM extract are not read through it.
  if (ev.repaired_blocks > 0 && loaded.blocks_from_extract) {
    std::fprintf(stderr,
                 "circleplan: warning: --roads: %u invalid block polygons of the OSM extract were "
                 "repaired (GEOS MakeValid); fix them in OSM if their shape matters\n",
                 ev.repaired_blocks);
  }
  if (ev.has_population && ev.totals.without_pop > 0) {
    std::fprintf(stderr,
                 "circleplan: warning: %u blocks have no population value; they are left out of "
                 "population sums\n",
                 ev.totals.without_pop);
  }
}

void run_evaluate(const EvaluateConfig& cfg) {
  StageTimer timer;
  planner::EvaluationParams params = cfg.params;
  if (cfg.cover_minutes_option->count() > 0) params.cover_minutes = cfg.cover_minutes;
  params.cancel = cancel_token();
  planner::ServiceAreaParams sa_params = area_params(cfg, params);
  sa_params.cancel = params.cancel;
  try {
    planner::validate(params);
    planner::validate(sa_params);
    planner::validate(cfg.diagnostics);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  check_output(cfg.output);  // refuse now, not after minutes of computing
  const MemoryGuard memory(cfg.max_memory);

  LoadedInputs loaded = load_inputs(cfg.inputs, timer);
  memory.before_stage("network", network_bytes(loaded.inputs.roads));
  timer.start("network");
  planner::SplitOptions split;
  split.node_tolerance_m = cfg.inputs.node_tolerance_m;
  planner::Network network = planner::build_network(loaded.inputs.roads, split);

  memory.before_stage("evaluate", evaluation_bytes(network, loaded.inputs, params));
  timer.start("evaluate");
  planner::Evaluation ev = planner::evaluate(network, loaded.inputs, params);

  memory.before_stage("diagnostics");
  timer.start("diagnostics");
  planner::NetworkDiagnostics diagnostics = planner::diagnose_network(network, cfg.diagnostics);
  planner::diagnose_snapping(diagnostics, network, loaded.inputs, ev);

  memory.before_stage("service areas", service_area_bytes(network, ev.sources.size(), sa_params));
  timer.start("service areas");
  const planner::ServiceAreas areas = planner::build_service_areas(
      network, loaded.inputs, ev.sources, ev.sites, ev.cover_s, sa_params);
  report_warnings(loaded, ev);

  memory.before_stage("write");
  timer.start("write");
  io::RunInfo run;
  run.inputs = {{"roads", io::layer_label(cfg.inputs.roads)}};
  run.inputs.emplace_back("centers",
                          loaded.centers_from_extract
                              ? io::layer_label(cfg.inputs.roads) + " (OSM civic stand-ins)"
                              : io::layer_label(cfg.inputs.centers));
  run.inputs.emplace_back("blocks",
                          loaded.blocks_from_extract
                              ? io::layer_label(cfg.inputs.roads) + " (OSM landuse=residential)"
                              : io::layer_label(cfg.inputs.blocks));
  if (!cfg.inputs.entrances.path.empty()) {
    run.inputs.emplace_back("entrances", io::layer_label(cfg.inputs.entrances));
  }
  if (!cfg.inputs.communities.path.empty()) {
    run.inputs.emplace_back("communities", io::layer_label(cfg.inputs.communities));
  }
  run.run_crs = loaded.run_crs;
  run.length_model = io::to_string(loaded.length_model);
  run.missing_osm_node_refs = loaded.missing_osm_node_refs;
  run.network_vertices = network.edges.vertex_count();
  run.network_edges = network.edges.edge_count();
  run.network_components = network.graph->component_size().size();
  run.largest_component_vertices =
      network.graph->component_size()[network.graph->largest_component()];

  std::vector<io::OutputLayer> layers;
  layers.push_back(io::blocks_layer(loaded.inputs, ev));
  layers.push_back(io::centers_layer(loaded.inputs, ev, areas.reach));
  if (sa_params.polygons) {
    layers.push_back(io::service_areas_layer(loaded.inputs, areas, ev.has_population));
    layers.push_back(io::reach_edges_layer(network, loaded.inputs, areas));
  }
  layers.push_back(io::communities_layer(loaded.inputs, ev));
  layers.push_back(io::summary_layer(ev, &diagnostics));
  layers.push_back(io::diagnostics_layer(network, &loaded.inputs, diagnostics));
  for (const std::string& extra : cfg.extra_layers) {
    if (extra == "nodes") layers.push_back(io::nodes_layer(network, loaded.inputs, ev));
  }
  const std::string summary =
      write_results(cfg.output, layers, io::crs_to_wkt(loaded.run_crs),
                    io::summary_json(run, params, loaded.inputs, ev, &diagnostics));
  timer.stop();
  io::write_text_file(timings_path(cfg.output), timer.json());
  std::fprintf(stderr, "timings:\n%s", timer.report().c_str());
  print_summary(ev, run, diagnostics, summary);
}

}  // namespace

Command register_evaluate(CLI::App& root) {
  auto cfg = std::make_shared<EvaluateConfig>();
  CLI::App* cmd = root.add_subcommand(
      "evaluate",
      "Which residential blocks lie within a walk of a service center, and how many people.");
  cmd->footer(
      "Example:\n  circleplan evaluate --roads city.gpkg --roads-layer roads --centers city.gpkg "
      "--centers-layer centers --blocks city.gpkg --blocks-layer blocks --crs EPSG:4549 "
      "--out result.gpkg\nSee docs/user-guide.md for every option and docs/outputs.md for every "
      "output field.");
  add_input_options(*cmd, cfg->inputs);
  add_output_options(*cmd, cfg->output, "result.gpkg");
  cmd->add_option("--speed-kmh", cfg->params.speed_kmh, "walking speed in km/h")
      ->capture_default_str();
  cmd->add_option("--minutes", cfg->params.minutes, "walking-time thresholds, e.g. 5,10,15")
      ->delimiter(',')
      ->capture_default_str();
  cfg->cover_minutes_option = cmd->add_option(
      "--cover-minutes", cfg->cover_minutes,
      "threshold for a block to count as covered (default: the largest of --minutes)");
  cmd->add_option("--max-snap", cfg->params.max_snap_m,
                  "metres a center, block access point or cov_share sample point may lie from the "
                  "network")
      ->capture_default_str();
  cmd->add_option("--sample-spacing", cfg->params.sample_spacing_m,
                  "grid spacing in metres of the cov_share sample points")
      ->capture_default_str();
  cmd->add_option("--search-limit", cfg->params.search_limit_minutes,
                  "minutes the search looks beyond which a block gets no minutes")
      ->capture_default_str();
  cmd->add_flag("--service-areas", cfg->service_areas,
                "also write service_areas polygons and reach_edges lines for every band of "
                "--minutes (implied by --bands, --overlap, --buffer-m, --simplify-m, --hull)");
  cfg->area_options.push_back(
      cmd->add_option("--bands", cfg->bands,
                      "service areas as rings (5-10, 10-15...) or disks (0-5, 0-10...)")
          ->check(CLI::IsMember({"rings", "disks"}))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--overlap", cfg->overlap,
                      "service-area grouping: per-center | dissolve (per band and tier) | split "
                      "(dissolved area divided among the nearest centers)")
          ->check(CLI::IsMember({"per-center", "dissolve", "split"}))
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--buffer-m", cfg->areas.buffer_m,
                      "metres around the reached streets that a service area covers")
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--simplify-m", cfg->areas.simplify_m,
                      "simplify service-area outlines to this tolerance in metres (0: off)")
          ->capture_default_str());
  cfg->area_options.push_back(
      cmd->add_option("--hull", cfg->hull,
                      "none (follow the network) | convex (a convex hull, crosses water and gaps)")
          ->check(CLI::IsMember({"none", "convex"}))
          ->capture_default_str());
  cmd->add_option("--threads", cfg->params.threads, "threads (default 0: all cores)")
      ->capture_default_str();
  cmd->add_option("--long-edge-m", cfg->diagnostics.long_edge_m,
                  "diagnostics: report edges longer than this many metres (docs/diagnostics.md)")
      ->capture_default_str();
  cmd->add_option("--island-share", cfg->diagnostics.island_share,
                  "diagnostics: a component under this share of the largest one's vertices is a "
                  "small island")
      ->capture_default_str();
  cmd->add_option("--island-vertices", cfg->diagnostics.island_min_vertices,
                  "diagnostics: a component under this many vertices is always a small island")
      ->capture_default_str();
  add_memory_option(*cmd, cfg->max_memory);
  cmd->add_option("--layers", cfg->extra_layers, "extra layers to write: nodes")
      ->delimiter(',')
      ->check(CLI::IsMember({"nodes"}));
  return {cmd, [cfg] { run_evaluate(*cfg); }};
}

}  // namespace app
