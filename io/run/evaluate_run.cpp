#include "io/run/evaluate_run.h"

#include <optional>

#include "io/crs/crs.h"
#include "io/run/evaluation_layers.h"
#include "io/run/match_warnings.h"
#include "io/run/output_over_input.h"
#include "io/standards/standard_file.h"
#include "io/tables/standard_layers.h"
#include "planner/network/network.h"
#include "planner/scenario/memory_estimate.h"

namespace io {
namespace {

/// What was left out or looks doubtful, so a planner can fix the data.
void evaluation_warnings(const LoadedInputs& loaded, const planner::Evaluation& ev,
                         const WarningSink& sink) {
  if (loaded.missing_osm_node_refs > 0) {
    warn(sink, std::to_string(loaded.missing_osm_node_refs) +
                   " way node references have no location in the extract (ways cut there; "
                   "normal for a clipped extract)");
  }
  constexpr std::size_t max_listed = 20;
  std::size_t listed = 0;
  for (std::size_t c = 0; c < ev.centers.size(); ++c) {
    if (ev.centers[c].snap) continue;
    if (listed++ < max_listed) {
      warn(sink, "center '" + loaded.inputs.centers[c].id +
                     "' is farther than --max-snap from every road; it serves nobody (move it "
                     "onto the network or raise --max-snap)");
    }
  }
  if (listed > max_listed) {
    warn(sink, "... and " + std::to_string(listed - max_listed) + " more unsnapped centers");
  }
  if (ev.unlinked_entrances > 0) {
    warn(sink, std::to_string(ev.unlinked_entrances) +
                   " entrances match no block (unknown block id, or more than 1 m from every "
                   "block) and are ignored");
  }
  // A --blocks layer's invalid polygons were already listed by the read (report_read), with
  // feature ids and reasons; only blocks from an OSM extract are not read through it.
  if (ev.repaired_blocks > 0 && loaded.blocks_from_extract) {
    warn(sink, "--roads: " + std::to_string(ev.repaired_blocks) +
                   " invalid block polygons of the OSM extract were repaired (GEOS MakeValid); "
                   "fix them in OSM if their shape matters");
  }
  if (ev.has_population && ev.totals.without_pop > 0) {
    warn(sink, std::to_string(ev.totals.without_pop) +
                   " blocks have no population value; they are left out of population sums");
  }
  if (ev.standard) {
    for (const std::string& w : ev.standard->warnings) warn(sink, w);
  }
  if (ev.access && ev.access->centers_without_capacity > 0) {
    warn(sink, std::to_string(ev.access->centers_without_capacity) +
                   " centers have no capacity value; they count as capacity 0 in the "
                   "accessibility scores (give --capacity-field, docs/accessibility.md)");
  }
}

RunInfo run_info(const InputOptions& in, const LoadedInputs& loaded,
                 const planner::Network& network) {
  RunInfo run;
  run.inputs = {{"roads", layer_label(in.roads)}};
  run.inputs.emplace_back("centers", loaded.centers_from_extract
                                         ? layer_label(in.roads) + " (OSM civic stand-ins)"
                                         : layer_label(in.centers));
  run.inputs.emplace_back("blocks", loaded.blocks_from_extract
                                        ? layer_label(in.roads) + " (OSM landuse=residential)"
                                        : layer_label(in.blocks));
  if (!in.entrances.path.empty()) run.inputs.emplace_back("entrances", layer_label(in.entrances));
  if (!in.communities.path.empty()) {
    run.inputs.emplace_back("communities", layer_label(in.communities));
  }
  if (!in.grids.path.empty()) run.inputs.emplace_back("grids", layer_label(in.grids));
  if (!in.subdistricts.path.empty()) {
    run.inputs.emplace_back("subdistricts", layer_label(in.subdistricts));
  }
  run.layers = loaded.layers;
  run.run_crs = loaded.run_crs;
  run.length_model = to_string(loaded.length_model);
  run.missing_osm_node_refs = loaded.missing_osm_node_refs;
  add_network_info(run, network);
  return run;
}

/// What evaluate reads, for refuse_output_over_input.
std::vector<NamedPath> evaluate_inputs(const EvaluateConfig& cfg) {
  std::vector<NamedPath> in = input_paths(cfg.inputs);
  if (!cfg.standard_path.empty()) in.push_back({"--standard", cfg.standard_path});
  return in;
}

/// The evaluation's parameters as run: a small island is what the diagnostics call one (one
/// rule: the diagnostics report them, snapping avoids them).
planner::EvaluationParams run_params(const EvaluateConfig& cfg) {
  planner::EvaluationParams params = cfg.params;
  params.islands = {cfg.diagnostics.island_share, cfg.diagnostics.island_min_vertices};
  return params;
}

/// The stage hook of one run: the caller's (memory limit), then the timer.
planner::StageHook timed_stages(const EvaluateConfig& cfg, StageTimer& timer) {
  return [&cfg, &timer](const std::string& name, std::uint64_t bytes) {
    if (cfg.before_stage) cfg.before_stage(name, bytes);
    timer.start(name);
  };
}

}  // namespace

PreparedNetwork prepare_network(const EvaluateConfig& cfg) {
  InputOptions inputs = cfg.inputs;
  inputs.centers_later = true;
  StageTimer timer;
  LoadedInputs loaded = load_inputs(inputs, timer, cfg.warn);
  timed_stages(cfg, timer)("network", planner::network_bytes(loaded.inputs.roads));
  planner::SplitOptions split;
  split.node_tolerance_m = inputs.node_tolerance_m;
  planner::Network network = planner::build_network(loaded.inputs.roads, split);
  std::vector<planner::RoadLine>().swap(loaded.inputs.roads);
  timer.start("prepare");
  planner::NetworkReuse reuse =
      planner::prepare_reuse(network, loaded.inputs, run_params(cfg), cfg.diagnostics);
  reuse.params.cancel = {};  // the caller's flag of this call; later calls bring their own
  timer.stop();
  return {std::move(inputs), std::move(loaded), std::move(network), std::move(reuse),
          std::move(timer)};
}

EvaluateOutcome compute_evaluate(const EvaluateConfig& cfg, const PreparedNetwork* prepared) {
  EvaluateOutcome out;
  StageTimer& timer = out.timer;
  const planner::StageHook stage = timed_stages(cfg, timer);
  const planner::ServiceAreaParams areas = planner::area_params_for(cfg.areas, cfg.params);
  planner::EvaluationParams params = run_params(cfg);
  if (!cfg.standard_path.empty()) params.standard = read_standard(cfg.standard_path);

  LoadedInputs loaded;
  std::optional<planner::Network> own_network;
  if (prepared != nullptr) {
    // The prepared city, with this evaluation's centers where load_inputs reads them.
    loaded = prepared->loaded;
    if (!cfg.inputs.centers.path.empty()) {
      timer.start("read");
      LayerRead read;
      loaded.inputs.centers = load_centers(cfg.inputs, loaded.run_crs, read, cfg.warn);
      loaded.centers_from_extract = false;
      loaded.layers.insert(loaded.layers.begin() + 1, read);
    } else if (!loaded.centers_from_extract && loaded.inputs.centers.empty()) {
      throw UsageError("--centers is required (unless --roads is an OSM extract)");
    }
  } else {
    loaded = load_inputs(cfg.inputs, timer, cfg.warn);
  }
  if (!cfg.inputs.demand_points.points.path.empty()) timer.start("demand points");
  out.demand = load_demand_points(cfg.inputs, loaded, cfg.warn);
  if (prepared == nullptr) {
    stage("network", planner::network_bytes(loaded.inputs.roads));
    planner::SplitOptions split;
    split.node_tolerance_m = cfg.inputs.node_tolerance_m;
    own_network = planner::build_network(loaded.inputs.roads, split);
    // Nothing after this reads the road lines (edges keep their geometry and class): a city's
    // lines and their points are a third of the peak memory while blocks are snapped.
    std::vector<planner::RoadLine>().swap(loaded.inputs.roads);
  }
  const planner::Network& network = prepared != nullptr ? prepared->network : *own_network;
  const planner::NetworkReuse* reuse = prepared != nullptr ? &prepared->reuse : nullptr;

  out.run =
      planner::run_evaluation(network, loaded.inputs, params, areas, cfg.diagnostics, stage, reuse);
  evaluation_warnings(loaded, out.run.ev, cfg.warn);
  warn_unmatched_units(loaded, out.run.ev, cfg.warn);

  stage("write", 0);
  out.info = run_info(cfg.inputs, loaded, network);
  add_demand_input(out.info.inputs, cfg.inputs);
  if (out.demand) out.info.layers.push_back(out.demand->read);
  const DemandPointsReport* demand = out.demand ? &*out.demand : nullptr;
  const EvaluationLayerChoice choice{areas.polygons, areas.overlap, cfg.reach_edges,
                                     cfg.nodes_layer};
  out.layers = evaluation_layers(network, loaded.inputs, params, out.run, choice, demand);
  out.crs_wkt = crs_to_wkt(loaded.run_crs);
  out.summary_json =
      summary_json(out.info, params, loaded.inputs, out.run.ev, &out.run.diagnostics, demand);
  if (out.run.ev.standard) out.compliance_csv = compliance_csv(out.run.ev);
  out.params = std::move(params);
  out.inputs = std::move(loaded.inputs);
  return out;
}

void write_evaluate(const EvaluateConfig& cfg, const OutputOptions& output, EvaluateOutcome& out) {
  refuse_output_over_input(evaluate_inputs(cfg), output_paths(output));
  out.summary_path = write_results(output, out.layers, out.crs_wkt, out.summary_json);
  write_compliance_csv(output, out.compliance_csv);
  out.compliance_csv_path = out.compliance_csv.empty() ? ""
                            : is_postgis(output)       ? "the schema's compliance table"
                                                       : compliance_csv_path(output);
  out.timer.stop();
  write_timings(output, out.timer.json());
}

EvaluateOutcome run_evaluate(const EvaluateConfig& cfg) {
  refuse_output_over_input(evaluate_inputs(cfg), output_paths(cfg.output));
  check_output(cfg.output);  // refuse now, not after minutes of computing
  EvaluateOutcome out = compute_evaluate(cfg);
  write_evaluate(cfg, cfg.output, out);
  // The command prints from the figures; the tables are written and need not stay in memory.
  std::vector<OutputLayer>().swap(out.layers);
  return out;
}

}  // namespace io
