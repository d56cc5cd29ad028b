#include "io/siting/siting_layers.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "io/errors.h"
#include "io/tables/json_writer.h"

namespace io {
namespace {

using planner::SitingModel;

/// Network costs are seconds; what people read is minutes.
double in_model_unit(SitingModel m, double v) {
  return m == SitingModel::pmedian || m == SitingModel::pcenter || m == SitingModel::cpmedian
             ? v / 60.0
             : v;
}

// --- Capacitated models (cmclp, cpmedian): the assignment's figures -------------------------

/// summary.json's capacity figures: served, unassigned (the shortfall), the open capacity,
/// and each existing center kept open with its capacity and the weight it serves.
void capacity_json(JsonWriter& json, const planner::SitingSolution& s,
                   const std::vector<std::string>& ids, const planner::SitingProblem& problem) {
  json.key("served_weight").value(s.served_weight);
  json.key("unassigned_weight").value(s.unassigned_weight);
  json.key("unassigned_demands").value(s.unassigned_count);
  json.key("open_capacity").value(s.total_capacity);
  json.key("assigned").begin_array();
  for (const planner::RankedSite& r : s.sites) json.value(r.assigned);
  json.end_array();
  json.key("existing_centers").begin_array();
  for (const planner::RankedSite& e : s.open_existing) {
    json.begin_object();
    json.key("id").value(ids[e.candidate]);
    json.key("capacity").value(problem.capacity(e.candidate));
    json.key("assigned").value(e.assigned);
    json.end_object();
  }
  json.end_array();
}

double share(double part, double total) {
  return total > 0.0 ? part / total : 0.0;
}

/// What the weights are: "population" or "blocks" (1 each), or with --demand-weight
/// "requests" or "population + requests" (both; the factor is in parameters.request_weight).
const char* weight_meaning(const planner::NetworkSiting& run) {
  switch (run.weight_kind) {
    case planner::DemandWeight::requests:
      return "requests";
    case planner::DemandWeight::both:
      return "population + requests";
    case planner::DemandWeight::population:
      break;
  }
  return run.weights_are_population ? "population" : "blocks";
}

}  // namespace

std::vector<planner::SiteCandidate> read_candidates(const LayerRef& ref, const FieldMap& fields,
                                                    const std::string& cost_field,
                                                    const ReadSettings& settings) {
  ReadReport report;
  return read_candidates(ref, fields, cost_field, settings, report);
}

std::vector<planner::SiteCandidate> read_candidates(const LayerRef& ref, const FieldMap& fields,
                                                    const std::string& cost_field,
                                                    const ReadSettings& settings,
                                                    ReadReport& report) {
  // read_centers() reads points, ids and names as for centers; its tier slot carries the cost
  // field's text, so one reader serves both roles.
  FieldMap map = fields;
  map.tier = cost_field.empty() ? std::string() : cost_field;
  const std::vector<planner::Center> points = read_centers(ref, map, settings, report);
  for (auto& [role, field] : report.use.fields) {
    if (role == "tier") role = "cost";
    if ((role == "cost" && cost_field.empty()) || (role == "capacity" && fields.capacity.empty())) {
      field.clear();
    }
  }
  std::vector<planner::SiteCandidate> out;
  out.reserve(points.size());
  for (const planner::Center& p : points) {
    planner::SiteCandidate c{p.id, p.pos, 1.0, false};
    // Capacities only from the field asked for (--site-capacity-field), never guessed.
    if (!fields.capacity.empty()) c.capacity = p.capacity;
    if (!cost_field.empty()) {
      const char* text = p.tier.c_str();
      char* end = nullptr;
      errno = 0;
      const double v = std::strtod(text, &end);
      if (p.tier.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v) || v < 0.0) {
        DataLocation where = report.layer;
        where.field = cost_field;
        throw InputError(where, "candidate '" + p.id + "': cost '" + p.tier +
                                    "' is not a number >= 0; correct it, or leave "
                                    "--site-cost-field out to give every candidate cost 1");
      }
      c.cost = v;
    }
    out.push_back(std::move(c));
  }
  return out;
}

OutputLayer sites_layer(const planner::NetworkSiting& run) {
  OutputLayer layer{"sites",
                    GeometryKind::point,
                    {{"rank", FieldType::integer},
                     {"site_id", FieldType::text},
                     {"model", FieldType::text},
                     {"gain", FieldType::real},
                     {"cum_gain", FieldType::real},
                     {"cum_share", FieldType::real},
                     {"cost", FieldType::real},
                     {"new_blk", FieldType::integer},
                     {"snap_m", FieldType::real},
                     {"existing", FieldType::integer}},
                    {},
                    {}};
  const SitingModel model = run.solution.model;
  const bool capacity = planner::capacitated(model);
  if (capacity) {
    layer.fields.push_back({"capacity", FieldType::real});
    layer.fields.push_back({"assigned", FieldType::real});
  }
  std::vector<std::int64_t> new_blocks(run.solution.sites.size(), 0);
  for (const planner::SiteBlock& sb : run.site_blocks) ++new_blocks[sb.rank];
  const double total = run.problem.total_weight();
  for (std::size_t r = 0; r < run.solution.sites.size(); ++r) {
    const planner::RankedSite& s = run.solution.sites[r];
    const planner::SiteCandidate& c = run.candidates[s.candidate];
    const auto& snap = run.candidate_snap[s.candidate];
    layer.rows.push_back({static_cast<std::int64_t>(r + 1), c.id,
                          std::string(planner::to_string(model)), in_model_unit(model, s.gain),
                          in_model_unit(model, s.cum_gain), share(s.covered, total), c.cost,
                          new_blocks[r], snap ? FieldValue(snap->leg_m) : FieldValue(),
                          static_cast<std::int64_t>(c.existing ? 1 : 0)});
    if (capacity) {
      layer.rows.back().push_back(run.problem.capacity(s.candidate));
      layer.rows.back().push_back(s.assigned);
    }
    layer.geometries.emplace_back(c.pos);
  }
  return layer;
}

OutputLayer site_blocks_layer(const planner::NetworkSiting& run, const planner::Inputs& inputs) {
  OutputLayer layer{"site_blocks",
                    GeometryKind::none,
                    {{"site_id", FieldType::text},
                     {"block_id", FieldType::text},
                     {"rank", FieldType::integer},
                     {"minutes", FieldType::real}},
                    {},
                    {}};
  const bool capacity = planner::capacitated(run.solution.model);
  if (capacity) layer.fields.push_back({"assigned", FieldType::real});
  for (const planner::SiteBlock& sb : run.site_blocks) {
    const planner::RankedSite& s = run.solution.sites[sb.rank];
    layer.rows.push_back({run.candidates[s.candidate].id, inputs.blocks[sb.block].id,
                          static_cast<std::int64_t>(sb.rank + 1), sb.time_s / 60.0});
    if (capacity) layer.rows.back().push_back(sb.assigned);
  }
  return layer;
}

OutputLayer site_curve_layer(const planner::NetworkSiting& run) {
  OutputLayer layer{"site_curve",
                    GeometryKind::none,
                    {{"k", FieldType::integer},
                     {"greedy_w", FieldType::real},
                     {"greedy_sh", FieldType::real},
                     {"best_w", FieldType::real},
                     {"best_sh", FieldType::real},
                     {"bound_w", FieldType::real},
                     {"bound_sh", FieldType::real}},
                    {},
                    {}};
  const double total = run.problem.total_weight();
  for (const planner::CurvePoint& p : run.solution.curve) {
    layer.rows.push_back({static_cast<std::int64_t>(p.k), p.greedy_weight,
                          share(p.greedy_weight, total), p.best_weight, share(p.best_weight, total),
                          p.bound_weight, share(p.bound_weight, total)});
  }
  return layer;
}

OutputLayer site_summary_layer(const planner::NetworkSiting& run) {
  OutputLayer layer{"summary",
                    GeometryKind::none,
                    {{"model", FieldType::text},
                     {"sites", FieldType::integer},
                     {"objective", FieldType::real},
                     {"bound", FieldType::real},
                     {"gap", FieldType::real},
                     {"optimal", FieldType::integer},
                     {"weight", FieldType::text},
                     {"total_w", FieldType::real},
                     {"base_w", FieldType::real},
                     {"cov_w", FieldType::real},
                     {"cov_share", FieldType::real},
                     {"cov_blk", FieldType::integer},
                     {"nocand_w", FieldType::real},
                     {"nocand_blk", FieldType::integer},
                     {"candidates", FieldType::integer},
                     {"method", FieldType::text}},
                    {},
                    {}};
  const planner::SitingSolution& s = run.solution;
  const double total = run.problem.total_weight();
  layer.rows.push_back({std::string(planner::to_string(s.model)),
                        static_cast<std::int64_t>(s.sites.size()),
                        in_model_unit(s.model, s.objective), in_model_unit(s.model, s.bound), s.gap,
                        static_cast<std::int64_t>(s.optimal ? 1 : 0),
                        std::string(weight_meaning(run)), total, s.fixed_weight, s.covered_weight,
                        share(s.covered_weight, total), static_cast<std::int64_t>(s.covered_count),
                        s.uncoverable_weight, static_cast<std::int64_t>(s.uncoverable_count),
                        static_cast<std::int64_t>(run.candidates.size()), s.method});
  if (planner::capacitated(s.model)) {
    layer.fields.push_back({"served_w", FieldType::real});
    layer.fields.push_back({"unasgn_w", FieldType::real});
    layer.fields.push_back({"open_cap", FieldType::real});
    layer.rows.back().push_back(s.served_weight);
    layer.rows.back().push_back(s.unassigned_weight);
    layer.rows.back().push_back(s.total_capacity);
  }
  return layer;
}

std::string site_summary_json(const RunInfo& info, const planner::NetworkSitingParams& params,
                              const planner::NetworkSiting& run, const DemandPointsReport* demand) {
  const planner::SitingSolution& s = run.solution;
  const double total = run.problem.total_weight();
  JsonWriter json;
  json.begin_object();
  json.key("inputs").begin_object();
  for (const auto& [role, path] : info.inputs) json.key(role).value(path);
  json.end_object();
  layers_read_json(json, info.layers);
  json.key("run_crs").value(info.run_crs);
  json.key("parameters").begin_object();
  json.key("model").value(planner::to_string(s.model));
  json.key("k").value(params.siting.k);
  json.key("exact").value(params.siting.exact);
  json.key("speed_kmh").value(params.evaluation.speed_kmh);
  json.key("cover_minutes").value(run.cover_s / 60.0);
  json.key("max_snap_m").value(params.evaluation.max_snap_m);
  json.key("search_limit_minutes").value(params.evaluation.effective_search_limit_minutes());
  json.key("candidate_spacing_m").value(params.candidate_spacing_m);
  json.key("all_vertices").value(params.all_vertices);
  json.key("existing_removable").value(params.existing_removable);
  if (demand != nullptr) {
    json.key("demand_weight").value(planner::to_string(params.demand.kind));
    json.key("request_weight").value(params.demand.request_weight);
  }
  if (planner::capacitated(s.model)) {
    json.key("split_demand").value(s.model == SitingModel::cmclp || params.siting.split_demand);
    if (params.site_capacity) {
      json.key("site_capacity").value(*params.site_capacity);
    } else {
      json.key("site_capacity").null();
    }
  }
  json.end_object();
  json.key("network").begin_object();
  json.key("vertices").value(static_cast<std::int64_t>(info.network_vertices));
  json.key("edges").value(static_cast<std::int64_t>(info.network_edges));
  json.end_object();
  json.key("candidates").begin_object();
  json.key("count").value(static_cast<std::int64_t>(run.candidates.size()));
  json.key("generated").value(run.generated);
  json.key("not_snapped").value(run.unsnapped_candidates);
  json.key("on_small_island").value(run.island_candidates);
  json.key("pairs").value(static_cast<std::int64_t>(run.entries));
  json.key("searches_from").value(run.from_demand_side ? "blocks" : "candidates");
  json.end_object();
  json.key("weight").value(weight_meaning(run));
  json.key("blocks_without_population").value(run.blocks_without_population);
  json.key("total_weight").value(total);
  json.key("result").begin_object();
  json.key("objective").value(in_model_unit(s.model, s.objective));
  json.key("objective_unit")
      .value(s.model == SitingModel::lscp                                    ? "site cost"
             : s.model == SitingModel::mclp || s.model == SitingModel::cmclp ? weight_meaning(run)
             : s.model == SitingModel::pmedian || s.model == SitingModel::cpmedian
                 ? "weight x minutes"
                 : "minutes");
  json.key("bound").value(in_model_unit(s.model, s.bound));
  json.key("gap").value(s.gap);
  json.key("optimal").value(s.optimal);
  json.key("method").value(s.method);
  json.key("sites").begin_array();
  for (const planner::RankedSite& r : s.sites) json.value(run.candidates[r.candidate].id);
  json.end_array();
  json.key("existing_weight").value(s.fixed_weight);
  json.key("existing_blocks").value(s.fixed_count);
  json.key("covered_weight").value(s.covered_weight);
  json.key("covered_blocks").value(s.covered_count);
  json.key("covered_share").value(share(s.covered_weight, total));
  json.key("uncoverable_weight").value(s.uncoverable_weight);
  json.key("uncoverable_blocks").value(s.uncoverable_count);
  json.key("unreachable_weight").value(s.unreachable_weight);
  json.key("unreachable_blocks").value(s.unreachable_count);
  if (planner::capacitated(s.model)) {
    std::vector<std::string> ids;
    for (const planner::SiteCandidate& c : run.candidates) ids.push_back(c.id);
    capacity_json(json, s, ids, run.problem);
  }
  json.end_object();
  json.key("curve").begin_array();
  for (const planner::CurvePoint& p : s.curve) {
    json.begin_object();
    json.key("k").value(p.k);
    json.key("greedy_weight").value(p.greedy_weight);
    json.key("best_weight").value(p.best_weight);
    json.key("bound_weight").value(p.bound_weight);
    json.key("best_share").value(share(p.best_weight, total));
    json.end_object();
  }
  json.end_array();
  if (demand != nullptr) demand_points_json(json, *demand);
  json.end_object();
  return json.str();
}

std::string matrix_result_json(const MatrixInput& input, const planner::SitingOptions& options,
                               const planner::SitingSolution& s,
                               const planner::SitingProblem& problem) {
  JsonWriter json;
  json.begin_object();
  json.key("model").value(planner::to_string(s.model));
  if (options.model != planner::SitingModel::lscp) json.key("k").value(options.k);
  json.key("objective").value(s.objective);
  json.key("bound").value(s.bound);
  json.key("gap").value(s.gap);
  json.key("optimal").value(s.optimal);
  json.key("selected").begin_array();
  for (const planner::RankedSite& r : s.sites) json.value(input.candidate_ids[r.candidate]);
  json.end_array();
  json.key("gains").begin_array();
  for (const planner::RankedSite& r : s.sites) json.value(r.gain);
  json.end_array();
  if (s.has_coverage) {
    json.key("max_cost").value(*options.cover_cost);
    json.key("covered_weight").value(s.covered_weight);
    json.key("covered_count").value(s.covered_count);
    json.key("uncoverable_weight").value(s.uncoverable_weight);
    json.key("uncoverable_count").value(s.uncoverable_count);
  } else {
    json.key("covered_weight").null();
    json.key("covered_count").null();
  }
  json.key("unreachable_weight").value(s.unreachable_weight);
  json.key("unreachable_count").value(s.unreachable_count);
  if (planner::capacitated(s.model)) {
    json.key("split_demand").value(s.model == SitingModel::cmclp || options.split_demand);
    capacity_json(json, s, input.candidate_ids, problem);
  }
  json.key("demand_count").value(static_cast<std::int64_t>(input.demand_ids.size()));
  json.key("candidate_count").value(static_cast<std::int64_t>(input.candidate_ids.size()));
  json.key("total_weight").value(std::accumulate(input.weights.begin(), input.weights.end(), 0.0));
  json.key("method").value(s.method);
  if (!s.curve.empty()) {
    json.key("curve").begin_array();
    for (const planner::CurvePoint& p : s.curve) {
      json.begin_object();
      json.key("k").value(p.k);
      json.key("greedy_weight").value(p.greedy_weight);
      json.key("best_weight").value(p.best_weight);
      json.key("bound_weight").value(p.bound_weight);
      json.end_object();
    }
    json.end_array();
  }
  json.key("seconds").value(s.seconds);
  json.end_object();
  return json.str();
}

}  // namespace io
