#include "io/run/site_run.h"

#include <cstdio>
#include <string>
#include <vector>

#include "io/crs/crs.h"
#include "io/crs/gcj02.h"
#include "io/crs/projection.h"
#include "io/run/match_warnings.h"
#include "io/run/output_over_input.h"
#include "io/siting/siting_layers.h"
#include "io/styles/default_styles.h"
#include "planner/errors.h"
#include "planner/network/network.h"
#include "planner/scenario/memory_estimate.h"
#include "planner/siting/solve.h"

namespace io {
namespace {

void note(const WarningSink& sink, const std::string& message) {
  if (sink) {
    sink(message);
  } else {
    std::fprintf(stderr, "circleplan: note: %s\n", message.c_str());
  }
}

planner::NetworkSitingParams siting_params(const SiteRunConfig& cfg) {
  planner::NetworkSitingParams np;
  np.evaluation = cfg.params;
  np.evaluation.minutes = {cfg.cover_minutes};
  np.siting = cfg.siting;
  np.siting.cover_cost = cfg.cover_minutes * 60.0;
  np.candidate_spacing_m = cfg.candidate_spacing_m;
  np.existing_removable = cfg.existing_removable;
  np.island_sites = cfg.island_sites;
  np.all_vertices = cfg.all_vertices;
  np.demand.kind = cfg.demand_weight;
  np.demand.request_weight = cfg.request_weight;
  np.site_capacity = cfg.site_capacity;
  return np;
}

/// --demand-weight requests or both weigh blocks by the points of --demand-points.
void check_demand_weight(const SiteRunConfig& cfg) {
  if (cfg.demand_weight == planner::DemandWeight::population) return;
  if (cfg.inputs.demand_points.points.path.empty()) {
    throw UsageError("--demand-weight " + std::string(planner::to_string(cfg.demand_weight)) +
                     " needs --demand-points (the service requests to weigh blocks by)");
  }
  planner::check_range(planner::request_weight_range, cfg.request_weight);
}

struct SiteLayers {
  std::vector<planner::SiteCandidate> candidates;
  std::vector<planner::MultiPolygon> allowed;
  std::vector<LayerRead> layers;  ///< --candidates, --allowed as read
};

/// Candidates and allowed land, read in lon/lat and put in the run's CRS like the other inputs.
SiteLayers load_site_layers(const SiteRunConfig& cfg, const LoadedInputs& loaded) {
  SiteLayers out;
  planner::Inputs extra;
  InputSources sources;  // candidates travel as centers, allowed land as communities
  const ReadSettings& settings = cfg.inputs.settings;
  if (!cfg.candidates.path.empty()) {
    ReadReport report;
    out.candidates = read_role("--candidates", [&] {
      return read_candidates(cfg.candidates, cfg.candidate_fields, cfg.site_cost_field, settings,
                             report);
    });
    report_read("--candidates", report, cfg.warn);
    const bool gcj02 = cfg.inputs.gcj02.has("candidates");
    if (gcj02) report.use.crs = Gcj02Layers::converted_crs_text(report.use.crs);
    out.layers.push_back({"--candidates", report.layer, report.features, report.use});
    sources.centers = {"--candidates", report.layer, "candidate"};
    for (const planner::SiteCandidate& c : out.candidates)
      extra.centers.push_back({c.id, "", "", gcj02 ? gcj02_to_wgs84(c.pos) : c.pos});
  }
  if (!cfg.allowed.path.empty()) {
    ReadReport report;
    std::vector<planner::Community> land =
        read_role("--allowed", [&] { return read_communities(cfg.allowed, {}, settings, report); });
    report_read("--allowed", report, cfg.warn);
    const bool gcj02 = cfg.inputs.gcj02.has("allowed");
    if (gcj02) report.use.crs = Gcj02Layers::converted_crs_text(report.use.crs);
    out.layers.push_back({"--allowed", report.layer, report.features, report.use});
    sources.communities = {"--allowed", report.layer, "allowed polygon"};
    // Allowed land travels as communities: converted on its own, before the candidates join it.
    planner::Inputs allowed;
    allowed.communities = std::move(land);
    if (gcj02) convert_gcj02_to_wgs84(allowed);
    for (planner::Community& c : allowed.communities) extra.communities.push_back(std::move(c));
  }
  project_inputs(extra, loaded.run_crs, sources);
  for (std::size_t c = 0; c < out.candidates.size(); ++c)
    out.candidates[c].pos = extra.centers[c].pos;
  for (planner::Community& c : extra.communities) out.allowed.push_back(std::move(c.shape));
  return out;
}

/// --k larger than the sites that help: fewer are proposed, and the run says why.
void warn_fewer_sites(const planner::NetworkSiting& run, const SiteRunConfig& cfg) {
  if (run.candidates.empty()) return;  // the note "no candidate sites" says it
  FewerSitesFacts f;
  f.k = cfg.siting.k;
  f.sites = run.solution.sites.size();
  // Existing centers kept open (cmclp, cpmedian) are among the candidates but never proposed.
  f.candidates = run.candidates.size() - run.solution.open_existing.size();
  f.reason = planner::fewer_sites(run.solution, f.k, f.candidates, run.problem.total_weight());
  f.threshold = minutes_text(run.cover_s);
  f.candidates_hint = run.generated ? "a smaller --candidate-spacing or --all-vertices"
                                    : "more points in --candidates";
  const std::string text = fewer_sites_text(f);
  if (!text.empty()) warn(cfg.warn, text);
}

/// What was left out, and what the figures mean, so a planner reads them right.
void siting_warnings(const planner::NetworkSiting& run, const SiteRunConfig& cfg) {
  if (run.unsnapped_candidates > 0) {
    warn(cfg.warn, std::to_string(run.unsnapped_candidates) +
                       " candidates are farther than --max-snap from every road and are left out");
  }
  if (run.island_candidates > 0) {
    warn(cfg.warn, std::to_string(run.island_candidates) +
                       " candidates reach only a small island of the network (a gap in the road "
                       "data, see the diagnostics layer) and are left out; --island-sites keeps "
                       "them");
  }
  if (run.blocks_without_population > 0) {
    warn(cfg.warn, std::to_string(run.blocks_without_population) +
                       " blocks have no population value; they weigh 0");
  }
  if (run.weight_kind == planner::DemandWeight::population && !run.weights_are_population) {
    note(cfg.note, "blocks carry no population; every block weighs 1, so figures are block counts");
  }
  if (run.weight_kind == planner::DemandWeight::both && !run.base.has_population) {
    note(cfg.note,
         "blocks carry no population; --demand-weight both weighs blocks by their requests alone");
  }
  if (run.candidates.empty()) {
    note(cfg.note, "no candidate sites (every block is covered, or none is near the network)");
  }
  warn_fewer_sites(run, cfg);
}

RunInfo run_info(const SiteRunConfig& cfg, const LoadedInputs& loaded,
                 const planner::Network& network) {
  RunInfo info;
  info.inputs = {{"roads", layer_label(cfg.inputs.roads)}};
  if (!cfg.inputs.centers.path.empty())
    info.inputs.emplace_back("existing", layer_label(cfg.inputs.centers));
  if (!cfg.inputs.blocks.path.empty())
    info.inputs.emplace_back("blocks", layer_label(cfg.inputs.blocks));
  if (!cfg.candidates.path.empty())
    info.inputs.emplace_back("candidates", layer_label(cfg.candidates));
  if (!cfg.allowed.path.empty()) info.inputs.emplace_back("allowed", layer_label(cfg.allowed));
  add_demand_input(info.inputs, cfg.inputs);
  info.layers = loaded.layers;
  info.run_crs = loaded.run_crs;
  info.network_vertices = network.edges.vertex_count();
  info.network_edges = network.edges.edge_count();
  return info;
}

/// What site reads, for refuse_output_over_input.
std::vector<NamedPath> site_inputs(const SiteRunConfig& cfg) {
  std::vector<NamedPath> in = input_paths(cfg.inputs);
  if (!cfg.candidates.path.empty()) in.push_back({"--candidates", cfg.candidates.path});
  if (!cfg.allowed.path.empty()) in.push_back({"--allowed", cfg.allowed.path});
  return in;
}

// --- Capacitated models (cmclp, cpmedian) ------------------------------------------------------

/// The matrix mode's capacities: one --site-capacity for every candidate (a matrix has no
/// existing centers).
void set_matrix_capacities(planner::SitingProblem& problem, const MatrixSiteConfig& cfg) {
  if (!cfg.site_capacity) {
    throw planner::InvalidValue(std::string(planner::to_string(cfg.options.model)) +
                                " in --matrix mode needs --site-capacity (every site's capacity, "
                                "in the demand's weight unit)");
  }
  problem.set_capacities(std::vector<double>(problem.candidate_count(), *cfg.site_capacity));
}

}  // namespace

SiteOutcome run_site(const SiteRunConfig& cfg) {
  SiteOutcome out;
  StageTimer& timer = out.timer;
  const planner::StageHook stage = [&](const std::string& name, std::uint64_t bytes) {
    if (cfg.before_stage) cfg.before_stage(name, bytes);
    timer.start(name);
  };
  planner::NetworkSitingParams np = siting_params(cfg);
  check_demand_weight(cfg);
  refuse_output_over_input(site_inputs(cfg), output_paths(cfg.output));
  check_output(cfg.output);  // refuse now, not after siting

  const LoadedInputs loaded = load_inputs(cfg.inputs, timer, cfg.warn);
  const SiteLayers site_layers = load_site_layers(cfg, loaded);
  if (!cfg.inputs.demand_points.points.path.empty()) timer.start("demand points");
  out.demand = load_demand_points(cfg.inputs, loaded, cfg.warn);
  if (out.demand) np.demand.requests = out.demand->aggregation.block_weight;
  stage("network", planner::network_bytes(loaded.inputs.roads));
  planner::SplitOptions split;
  split.node_tolerance_m = cfg.inputs.node_tolerance_m;
  const planner::Network network = planner::build_network(loaded.inputs.roads, split);

  stage("coverage structure", planner::evaluation_bytes(network, loaded.inputs, np.evaluation));
  out.run = planner::prepare_siting(network, loaded.inputs, site_layers.candidates,
                                    site_layers.allowed, np);
  stage("solve", 0);
  planner::solve_prepared(out.run, np.siting);
  np.evaluation.cancel.check();  // the solvers do not poll: a stop asked meanwhile counts here
  siting_warnings(out.run, cfg);

  stage("write", 0);
  out.info = run_info(cfg, loaded, network);
  out.info.layers.insert(out.info.layers.end(), site_layers.layers.begin(),
                         site_layers.layers.end());
  if (out.demand) out.info.layers.push_back(out.demand->read);
  std::vector<OutputLayer> layers{sites_layer(out.run), site_blocks_layer(out.run, loaded.inputs),
                                  site_curve_layer(out.run), site_summary_layer(out.run)};
  attach_default_styles(layers, {np.evaluation.minutes, np.evaluation.cover_threshold_minutes()});
  out.summary_path =
      write_results(cfg.output, layers, crs_to_wkt(loaded.run_crs),
                    site_summary_json(out.info, np, out.run, out.demand ? &*out.demand : nullptr));
  timer.stop();
  write_timings(cfg.output, timer.json());
  return out;
}

MatrixSiteOutcome run_matrix_site(const MatrixSiteConfig& cfg) {
  planner::validate(cfg.options);
  MatrixSiteOutcome out;
  out.input = read_matrix_input(cfg.files);
  out.problem = out.input.problem();
  if (planner::capacitated(cfg.options.model)) set_matrix_capacities(out.problem, cfg);
  if (cfg.before_stage) cfg.before_stage("solve", 0);
  out.solution = planner::solve_siting(out.problem, cfg.options);
  cfg.cancel.check();  // the solvers do not poll: a stop asked meanwhile is honoured here
  FewerSitesFacts f;
  f.k = cfg.options.k;
  f.sites = out.solution.sites.size();
  f.candidates = out.input.candidate_ids.size();
  f.reason = planner::fewer_sites(out.solution, f.k, f.candidates, out.problem.total_weight());
  if (cfg.options.cover_cost) {
    char text[48];
    std::snprintf(text, sizeof text, "--max-cost %g", *cfg.options.cover_cost);
    f.threshold = text;
  }
  f.candidates_hint = "more candidates in --site-costs or --matrix";
  const std::string text = fewer_sites_text(f);
  if (!text.empty()) warn(cfg.warn, text);
  return out;
}

}  // namespace io
