#include "io/tables/result_layers.h"

#include <cmath>

#include "io/tables/access_layers.h"
#include "io/tables/diagnostics_layer.h"
#include "io/tables/json_writer.h"
#include "io/tables/standard_layers.h"

namespace io {
namespace {

using planner::inf_time;
using planner::invalid_id;

FieldValue minutes_of(double seconds) {
  if (seconds == inf_time) return std::monostate{};
  return seconds / 60.0;
}

void totals_json(JsonWriter& json, const planner::Totals& t, bool has_population) {
  json.begin_object();
  json.key("blocks").value(t.blocks);
  json.key("covered_blocks").value(t.covered);
  json.key("not_covered_blocks").value(t.uncovered + t.unreachable);
  json.key("uncovered_blocks").value(t.uncovered);
  json.key("unreachable_blocks").value(t.unreachable);
  json.key("area_m2").value(t.area_m2);
  json.key("covered_area_m2").value(t.covered_area_m2);
  if (has_population) {
    json.key("blocks_without_population").value(t.without_pop);
    json.key("population").value(t.pop);
    json.key("covered_population").value(t.covered_pop);
    json.key("uncovered_population").value(t.uncovered_pop);
    json.key("area_weighted_covered_population").value(t.area_weighted_pop);
  }
  json.key("covered_share").value(covered_share(t, has_population));
  json.end_object();
}

/// Fields only a run with grids, subdistricts or a standard has, so other outputs keep their
/// schema: grid_id, subdist_id, tiers_met, comply.
void add_unit_fields(OutputLayer& layer, const planner::Evaluation& ev) {
  if (!ev.grids.ids.empty()) layer.fields.push_back({"grid_id", FieldType::text});
  if (!ev.subdistricts.ids.empty()) layer.fields.push_back({"subdist_id", FieldType::text});
  if (ev.standard) {
    layer.fields.push_back({"tiers_met", FieldType::integer});
    layer.fields.push_back({"comply", FieldType::integer});
  }
}

void add_unit_values(std::vector<FieldValue>& row, const planner::Evaluation& ev, std::size_t b) {
  auto unit = [&](const planner::CommunityAssignment& a) {
    const std::uint32_t u = a.block_community[b];
    return u == invalid_id ? FieldValue() : FieldValue(a.ids[u]);
  };
  if (!ev.grids.ids.empty()) row.push_back(unit(ev.grids));
  if (!ev.subdistricts.ids.empty()) row.push_back(unit(ev.subdistricts));
  if (ev.standard) {
    row.push_back(static_cast<std::int64_t>(ev.standard->tiers_met[b]));
    row.push_back(std::int64_t{ev.standard->comply[b] ? 1 : 0});
  }
}

}  // namespace

FieldValue center_id_field(const planner::Inputs& inputs, std::uint32_t center) {
  if (center == invalid_id) return std::monostate{};
  return inputs.centers[center].id;
}

OutputLayer blocks_layer(const planner::Inputs& inputs, const planner::Evaluation& ev,
                         const DemandPointsReport* demand) {
  OutputLayer layer{"blocks",
                    GeometryKind::polygon,
                    {{"block_id", FieldType::text},
                     {"name", FieldType::text},
                     {"pop", FieldType::real},
                     {"minutes", FieldType::real},
                     {"center_id", FieldType::text},
                     {"cov_share", FieldType::real},
                     {"status", FieldType::text},
                     {"reason", FieldType::text},
                     {"comm_id", FieldType::text},
                     {"area_m2", FieldType::real},
                     {"access", FieldType::text}},
                    {},
                    {}};
  add_unit_fields(layer, ev);
  add_block_access_fields(layer, ev);
  add_block_request_field(layer, demand);
  for (std::size_t b = 0; b < inputs.blocks.size(); ++b) {
    const planner::Block& block = inputs.blocks[b];
    const planner::BlockCoverage& cov = ev.blocks[b];
    const std::uint32_t comm = ev.communities.block_community[b];
    // Assigned rather than built with ?: which trips GCC 12's -Wmaybe-uninitialized on variants.
    FieldValue pop;
    if (block.pop) pop = *block.pop;
    layer.rows.push_back(
        {block.id, block.name, pop, minutes_of(cov.time_s), center_id_field(inputs, cov.center),
         cov.cov_share, std::string(planner::to_string(cov.status)),
         cov.reason == planner::NotCoveredReason::none
             ? FieldValue()
             : FieldValue(std::string(planner::to_string(cov.reason))),
         comm == invalid_id ? FieldValue() : FieldValue(ev.communities.ids[comm]),
         ev.sites[b].area_m2, std::string(ev.sites[b].from_entrances ? "entrances" : "point")});
    add_unit_values(layer.rows.back(), ev, b);
    add_block_access_values(layer.rows.back(), ev, b);
    add_block_request_value(layer.rows.back(), demand, b);
    layer.geometries.emplace_back(block.shape);
  }
  return layer;
}

OutputLayer centers_layer(const planner::Inputs& inputs, const planner::Evaluation& ev,
                          const std::vector<planner::CenterReach>& reach) {
  OutputLayer layer{"centers",
                    GeometryKind::point,
                    {{"center_id", FieldType::text},
                     {"name", FieldType::text},
                     {"tier", FieldType::text},
                     {"snap_m", FieldType::real},
                     {"reach_blk", FieldType::integer},
                     {"reach_pop", FieldType::real},
                     {"comp_size", FieldType::integer},
                     {"served_blk", FieldType::integer},
                     {"served_pop", FieldType::real}},
                    {},
                    {}};
  add_center_access_fields(layer, ev);
  for (std::size_t c = 0; c < inputs.centers.size(); ++c) {
    const planner::Center& center = inputs.centers[c];
    const planner::CenterOutcome& out = ev.centers[c];
    layer.rows.push_back(
        {center.id, center.name, center.tier, out.snap ? FieldValue(out.snap->leg_m) : FieldValue(),
         static_cast<std::int64_t>(reach[c].blocks),
         ev.has_population ? FieldValue(reach[c].pop) : FieldValue(),
         static_cast<std::int64_t>(out.component_size), static_cast<std::int64_t>(out.served_blk),
         ev.has_population ? FieldValue(out.served_pop) : FieldValue()});
    add_center_access_values(layer.rows.back(), inputs, ev, c);
    layer.geometries.emplace_back(center.pos);
  }
  return layer;
}

OutputLayer communities_layer(const planner::Inputs& inputs, const planner::Evaluation& ev) {
  const bool spatial = !inputs.communities.empty();
  OutputLayer layer{"communities",
                    spatial ? GeometryKind::polygon : GeometryKind::none,
                    {{"comm_id", FieldType::text},
                     {"name", FieldType::text},
                     {"blocks", FieldType::integer},
                     {"pop", FieldType::real},
                     {"cov_pop", FieldType::real},
                     {"cov_blk", FieldType::integer},
                     {"cov_share", FieldType::real},
                     {"uncov_blk", FieldType::integer}},
                    {},
                    {}};
  for (std::size_t c = 0; c < ev.communities.ids.size(); ++c) {
    const planner::Totals& t = ev.community_totals[c];
    layer.rows.push_back({ev.communities.ids[c], ev.communities.names[c],
                          static_cast<std::int64_t>(t.blocks),
                          ev.has_population ? FieldValue(t.pop) : FieldValue(),
                          ev.has_population ? FieldValue(t.covered_pop) : FieldValue(),
                          static_cast<std::int64_t>(t.covered), covered_share(t, ev.has_population),
                          static_cast<std::int64_t>(t.uncovered + t.unreachable)});
    if (spatial) {
      if (ev.communities.has_shape[c]) {
        layer.geometries.emplace_back(inputs.communities[c].shape);
      } else {
        layer.geometries.emplace_back(planner::MultiPolygon{});
      }
    }
  }
  return layer;
}

OutputLayer summary_layer(const planner::Evaluation& ev,
                          const planner::NetworkDiagnostics* diagnostics) {
  OutputLayer layer{"summary",
                    GeometryKind::none,
                    {{"scope", FieldType::text},
                     {"blocks", FieldType::integer},
                     {"cov_blk", FieldType::integer},
                     {"uncov_blk", FieldType::integer},
                     {"unreach", FieldType::integer},
                     {"nopop_blk", FieldType::integer},
                     {"pop", FieldType::real},
                     {"cov_pop", FieldType::real},
                     {"aw_pop", FieldType::real},
                     {"cov_share", FieldType::real},
                     {"area_m2", FieldType::real},
                     {"cov_area", FieldType::real},
                     {"components", FieldType::integer},
                     {"islands", FieldType::integer},
                     {"isl_ctr", FieldType::integer},
                     {"isl_blk", FieldType::integer},
                     {"long_edges", FieldType::integer},
                     {"zero_edges", FieldType::integer},
                     {"dup_edges", FieldType::integer}},
                    {},
                    {}};
  auto add = [&](const std::string& scope, const planner::Totals& t) {
    const bool p = ev.has_population;
    layer.rows.push_back(
        {scope, static_cast<std::int64_t>(t.blocks), static_cast<std::int64_t>(t.covered),
         static_cast<std::int64_t>(t.uncovered + t.unreachable),
         static_cast<std::int64_t>(t.unreachable), static_cast<std::int64_t>(t.without_pop),
         p ? FieldValue(t.pop) : FieldValue(), p ? FieldValue(t.covered_pop) : FieldValue(),
         p ? FieldValue(t.area_weighted_pop) : FieldValue(), covered_share(t, p), t.area_m2,
         t.covered_area_m2});
    const bool health = diagnostics != nullptr && scope == "all";
    auto count = [&](std::uint32_t n) {
      return health ? FieldValue(static_cast<std::int64_t>(n)) : FieldValue();
    };
    const planner::DiagnosticsCounts c =
        diagnostics ? diagnostics->counts : planner::DiagnosticsCounts{};
    for (std::uint32_t n : {c.components, c.islands, c.centers_on_islands, c.blocks_on_islands,
                            c.long_edges, c.zero_edges, c.duplicate_edges}) {
      layer.rows.back().push_back(count(n));
    }
  };
  add("all", ev.totals);
  for (const planner::TierTotals& tier : ev.tiers) add("tier:" + tier.tier, tier.totals);
  for (std::size_t c = 0; c < ev.communities.ids.size(); ++c) {
    add("community:" + ev.communities.ids[c], ev.community_totals[c]);
  }
  return layer;
}

OutputLayer nodes_layer(const planner::Network& network, const planner::Inputs& inputs,
                        const planner::Evaluation& ev) {
  OutputLayer layer{"nodes",
                    GeometryKind::point,
                    {{"node_id", FieldType::integer},
                     {"minutes", FieldType::real},
                     {"center_id", FieldType::text}},
                    {},
                    {}};
  const planner::EdgeSet& edges = network.edges;
  for (std::size_t v = 0; v < edges.vertex_count(); ++v) {
    layer.rows.push_back({edges.vertex_external_id[v], minutes_of(ev.vertex_time_s[v]),
                          center_id_field(inputs, ev.vertex_center[v])});
    layer.geometries.emplace_back(edges.vertex_xy[v]);
  }
  return layer;
}

void layers_read_json(JsonWriter& json, const std::vector<LayerRead>& layers) {
  json.key("layers").begin_array();
  for (const LayerRead& l : layers) {
    json.begin_object();
    json.key("option").value(l.option);
    json.key("file").value(l.where.file);
    json.key("layer").value(l.where.layer);
    json.key("driver").value(l.use.driver);
    json.key("features").value(static_cast<std::int64_t>(l.features));
    json.key("crs").value(l.use.crs);
    json.key("encoding").value(l.use.encoding);
    json.key("encoding_from").value(l.use.encoding_from);
    json.key("fields").begin_object();
    for (const auto& [role, field] : l.use.fields) {
      json.key(role);
      if (field.empty()) {
        json.null();
      } else {
        json.value(field);
      }
    }
    json.end_object();
    json.end_object();
  }
  json.end_array();
}

std::string summary_json(const RunInfo& run, const planner::EvaluationParams& params,
                         const planner::Inputs& inputs, const planner::Evaluation& ev,
                         const planner::NetworkDiagnostics* diagnostics,
                         const DemandPointsReport* demand) {
  JsonWriter json;
  json.begin_object();
  json.key("inputs").begin_object();
  for (const auto& [role, path] : run.inputs) json.key(role).value(path);
  json.end_object();
  layers_read_json(json, run.layers);
  json.key("parameters").begin_object();
  json.key("crs").value(run.run_crs);
  json.key("length_model").value(run.length_model);
  json.key("speed_kmh").value(params.speed_kmh);
  json.key("minutes").begin_array();
  for (double m : params.minutes) json.value(m);
  json.end_array();
  json.key("cover_minutes").value(params.cover_threshold_minutes());
  json.key("max_snap_m").value(params.max_snap_m);
  json.key("sample_spacing_m").value(params.sample_spacing_m);
  json.key("search_limit_minutes").value(params.effective_search_limit_minutes());
  json.end_object();
  json.key("network").begin_object();
  json.key("vertices").value(static_cast<std::int64_t>(run.network_vertices));
  json.key("edges").value(static_cast<std::int64_t>(run.network_edges));
  json.key("components").value(static_cast<std::int64_t>(run.network_components));
  json.key("missing_osm_node_refs").value(static_cast<std::int64_t>(run.missing_osm_node_refs));
  json.key("largest_component_vertices")
      .value(static_cast<std::int64_t>(run.largest_component_vertices));
  json.end_object();
  if (diagnostics != nullptr) {
    json.key("diagnostics");
    diagnostics_json(json, *diagnostics);
  }
  json.key("centers").begin_object();
  json.key("count").value(static_cast<std::int64_t>(inputs.centers.size()));
  json.key("unsnapped").value(ev.unsnapped_centers);
  json.end_object();
  json.key("entrances").begin_object();
  json.key("count").value(static_cast<std::int64_t>(inputs.entrances.size()));
  json.key("unlinked").value(ev.unlinked_entrances);
  json.end_object();
  json.key("population_known").value(ev.has_population);
  if (!ev.has_population) {
    json.key("note").value(
        "no block has a population value: figures are block counts and areas, not people");
  } else if (ev.totals.without_pop > 0) {
    json.key("note").value(
        "some blocks have no population value: they count as blocks and areas, not in population "
        "sums");
  }
  json.key("repaired_blocks").value(ev.repaired_blocks);
  json.key("totals");
  totals_json(json, ev.totals, ev.has_population);
  json.key("tiers").begin_array();
  for (const planner::TierTotals& tier : ev.tiers) {
    json.begin_object();
    json.key("tier").value(tier.tier);
    json.key("centers").value(tier.centers);
    json.key("totals");
    totals_json(json, tier.totals, ev.has_population);
    json.end_object();
  }
  json.end_array();
  json.key("communities").begin_array();
  for (std::size_t c = 0; c < ev.communities.ids.size(); ++c) {
    json.begin_object();
    json.key("id").value(ev.communities.ids[c]);
    json.key("name").value(ev.communities.names[c]);
    json.key("totals");
    totals_json(json, ev.community_totals[c], ev.has_population);
    json.end_object();
  }
  json.end_array();
  standard_json(json, params, inputs, ev);
  access_json(json, inputs, ev);
  if (demand != nullptr) demand_points_json(json, *demand);
  json.end_object();
  return json.str();
}

}  // namespace io
