#include "planner/scenario/run.h"

#include <utility>

#include "planner/scenario/memory_estimate.h"
#include "planner/siting/network.h"

namespace planner {
namespace {

void before(const StageHook& hook, const std::string& stage, std::uint64_t bytes = 0) {
  if (hook) hook(stage, bytes);
}

}  // namespace

NetworkReuse prepare_reuse(const Network& network, const Inputs& inputs,
                           const EvaluationParams& params, const DiagnosticsParams& diagnostics) {
  return {params, block_sites_for(network, inputs, params), diagnostics,
          diagnose_network(network, diagnostics)};
}

namespace {

bool same_diagnostics(const DiagnosticsParams& a, const DiagnosticsParams& b) {
  return a.island_share == b.island_share && a.island_min_vertices == b.island_min_vertices &&
         a.long_edge_m == b.long_edge_m && a.zero_edge_m == b.zero_edge_m;
}

}  // namespace

EvaluationRun run_evaluation(const Network& network, const Inputs& inputs,
                             const EvaluationParams& params, const ServiceAreaParams& areas,
                             const DiagnosticsParams& diagnostics, const StageHook& hook,
                             const NetworkReuse* reuse) {
  // Checked once here, and the walking times built once for both the evaluation and the areas
  // (the areas' speed is the evaluation's: area_params_for). Built after the "evaluate" hook, so
  // a memory limit is asked before the arc times are allocated and they count as evaluation time.
  validate(params);
  validate(areas);
  EvaluationRun out;
  if (hook) before(hook, "evaluate", evaluation_bytes(network, inputs, params));
  const WalkTimes walk(network, params.speed_mps());
  const bool reuse_sites = reuse != nullptr && same_block_sites(reuse->params, params);
  out.ev = evaluate(network, walk, inputs, params, reuse_sites ? &reuse->sites : nullptr);
  before(hook, "diagnostics");
  out.diagnostics = reuse != nullptr && same_diagnostics(reuse->diagnostics_params, diagnostics)
                        ? reuse->diagnostics
                        : diagnose_network(network, diagnostics);
  diagnose_snapping(out.diagnostics, network, inputs, out.ev);
  if (hook) {
    before(hook, "service areas", service_area_bytes(network, out.ev.sources.size(), areas));
  }
  out.areas = build_service_areas(network, walk, inputs, out.ev.sources, out.ev.sites,
                                  out.ev.cover_s, areas);
  return out;
}

ServiceAreaParams area_params_for(ServiceAreaParams areas, const EvaluationParams& params) {
  areas.minutes = params.minutes;
  areas.speed_mps = params.speed_mps();
  areas.threads = params.threads;
  areas.cancel = params.cancel;
  return areas;
}

ScenarioCore::ScenarioCore(const Network& base, const std::vector<RoadLine>& roads, Inputs shared)
    : m_base(base), m_roads(roads), m_shared(std::move(shared)) {
  m_shared.roads.clear();
}

std::optional<Network> ScenarioCore::edited_network(const NetworkEdits& edits) const {
  if (edits.empty()) return std::nullopt;
  return network_from_edges(edit_edges(m_base.edges, m_roads, edits));
}

std::vector<Center> ScenarioCore::sited_centers(const Network& network, const Inputs& inputs,
                                                const EvaluationParams& params,
                                                const SiteRequest& site,
                                                SitedOutcome* outcome) const {
  NetworkSitingParams np;
  np.evaluation = params;
  np.siting.model = site.model;
  np.siting.k = site.k;
  np.siting.cover_cost = params.cover_threshold_minutes() * 60.0;
  const NetworkSiting run = site_on_network(network, inputs, {}, {}, np);
  if (outcome != nullptr) {
    outcome->k = site.k;
    outcome->sites = run.solution.sites.size();
    outcome->candidates = run.candidates.size();
    outcome->fewer =
        fewer_sites(run.solution, site.k, run.candidates.size(), run.problem.total_weight());
    outcome->cover_s = run.cover_s;
  }
  std::vector<Center> out;
  for (std::size_t r = 0; r < run.solution.sites.size(); ++r) {
    const SiteCandidate& c = run.candidates[run.solution.sites[r].candidate];
    out.push_back({"site-" + std::to_string(r + 1), "new site " + c.id, site.tier, c.pos});
  }
  return out;
}

void ScenarioCore::prepare(const EvaluationParams& base_params) {
  m_reuse = prepare_reuse(m_base, m_shared, base_params, DiagnosticsParams{});
}

VariantRun ScenarioCore::evaluate(const VariantSpec& spec, const StageHook& hook) const {
  VariantRun r;
  r.name = spec.name;
  r.params = spec.params;
  r.areas = area_params_for(spec.areas, spec.params);
  r.inputs = m_shared;
  const bool edits = !spec.centers.close.empty() || !spec.centers.add.empty() ||
                     !spec.centers.set_capacity.empty() || !spec.network.empty() ||
                     spec.site.has_value();
  if (edits) {
    before(hook, "edit " + spec.name);
    r.inputs.centers = edit_centers(m_shared.centers, spec.centers);
    r.edited = edited_network(spec.network);
  }
  if (spec.site) {
    before(hook, "site " + spec.name);
    r.sited.emplace();
    for (Center& c : sited_centers(r.network(m_base), r.inputs, r.params, *spec.site, &*r.sited)) {
      r.inputs.centers.push_back(std::move(c));
    }
  }
  before(hook, "evaluate " + spec.name);
  r.network_edges = r.network(m_base).edges.edge_count();
  // Blocks and entrances are never edited: the base network's snapped blocks serve every
  // variant without road edits.
  const NetworkReuse* reuse = r.edited || !m_reuse ? nullptr : &*m_reuse;
  r.run = run_evaluation(r.network(m_base), r.inputs, r.params, r.areas, DiagnosticsParams{}, {},
                         reuse);
  r.snapshot = snapshot_of(r.inputs, r.run.ev, &r.run.areas.reach);
  return r;
}

std::vector<Comparison> compare_with_base(const std::vector<const ResultSnapshot*>& snapshots) {
  std::vector<Comparison> out;
  for (std::size_t i = 1; i < snapshots.size(); ++i) {
    out.push_back(compare(*snapshots[0], *snapshots[i]));
  }
  return out;
}

}  // namespace planner
