#include "io/tables/standard_layers.h"

#include <cmath>

#include "io/tables/csv_text.h"
#include "io/tables/result_layers.h"

namespace io {
namespace {

using planner::invalid_id;

/// A block's value for a tier: minutes or metres (null when nothing serving is in reach), or a
/// share of its area.
FieldValue tier_value(const planner::BlockTierValue& v) {
  if (!std::isfinite(v.value)) return std::monostate{};
  return v.value;
}

}  // namespace

OutputLayer block_tiers_layer(const planner::Inputs& inputs, const planner::Evaluation& ev,
                              const planner::Standard& standard) {
  OutputLayer layer{"block_tiers",
                    GeometryKind::none,
                    {{"block_id", FieldType::text},
                     {"std_tier", FieldType::text},
                     {"value", FieldType::real},
                     {"unit", FieldType::text},
                     {"center_id", FieldType::text},
                     {"met", FieldType::integer}},
                    {},
                    {}};
  const planner::StandardOutcome& outcome = *ev.standard;
  for (std::size_t b = 0; b < inputs.blocks.size(); ++b) {
    for (std::size_t t = 0; t < standard.tiers.size(); ++t) {
      const planner::StandardTier& tier = standard.tiers[t];
      const planner::BlockTierValue& v = outcome.values[t][b];
      layer.rows.push_back({inputs.blocks[b].id, tier.name, tier_value(v),
                            std::string(planner::value_unit(tier.definition)),
                            center_id_field(inputs, v.center), std::int64_t{v.met ? 1 : 0}});
    }
  }
  return layer;
}

OutputLayer compliance_layer(const planner::Evaluation& ev) {
  OutputLayer layer{"compliance",
                    GeometryKind::none,
                    {{"scope", FieldType::text},
                     {"scope_id", FieldType::text},
                     {"std_tier", FieldType::text},
                     {"definition", FieldType::text},
                     {"blocks", FieldType::integer},
                     {"met_blk", FieldType::integer},
                     {"pop", FieldType::real},
                     {"met_pop", FieldType::real},
                     {"area_m2", FieldType::real},
                     {"met_area", FieldType::real},
                     {"sh_blk", FieldType::real},
                     {"sh_pop", FieldType::real},
                     {"sh_area", FieldType::real}},
                    {},
                    {}};
  const bool p = ev.has_population;
  for (const planner::ComplianceRow& r : ev.standard->compliance) {
    layer.rows.push_back(
        {r.scope, r.scope_id, r.std_tier, std::string(planner::to_string(r.definition)),
         static_cast<std::int64_t>(r.blocks), static_cast<std::int64_t>(r.met_blk),
         p ? FieldValue(r.pop) : FieldValue(), p ? FieldValue(r.met_pop) : FieldValue(), r.area_m2,
         r.met_area, r.sh_blk, p ? FieldValue(r.sh_pop) : FieldValue(), r.sh_area});
  }
  return layer;
}

OutputLayer grids_layer(const planner::Inputs& inputs, const planner::Evaluation& ev) {
  const bool spatial = !inputs.grids.empty();
  OutputLayer layer{"grids",
                    spatial ? GeometryKind::polygon : GeometryKind::none,
                    {{"grid_id", FieldType::text},
                     {"name", FieldType::text},
                     {"blocks", FieldType::integer},
                     {"pop", FieldType::real},
                     {"points", FieldType::integer},
                     {"has_point", FieldType::integer},
                     {"comply_sh", FieldType::real}},
                    {},
                    {}};
  for (std::size_t g = 0; g < ev.grids.ids.size(); ++g) {
    const planner::GridOutcome& out = ev.grid_outcomes[g];
    layer.rows.push_back({ev.grids.ids[g], ev.grids.names[g], static_cast<std::int64_t>(out.blocks),
                          ev.has_population ? FieldValue(out.pop) : FieldValue(),
                          static_cast<std::int64_t>(out.points),
                          std::int64_t{out.has_point ? 1 : 0},
                          out.comply_share < 0.0 ? FieldValue() : FieldValue(out.comply_share)});
    if (spatial) {
      layer.geometries.emplace_back(ev.grids.has_shape[g] ? inputs.grids[g].shape
                                                          : planner::MultiPolygon{});
    }
  }
  return layer;
}

std::string compliance_csv(const planner::Evaluation& ev) {
  std::string out =
      "scope,scope_id,std_tier,definition,blocks,met_blk,pop,met_pop,area_m2,met_area,sh_blk,"
      "sh_pop,sh_area\n";
  const bool p = ev.has_population;
  for (const planner::ComplianceRow& r : ev.standard->compliance) {
    out += csv_quoted(r.scope) + "," + csv_quoted(r.scope_id) + "," + csv_quoted(r.std_tier) + "," +
           std::string(planner::to_string(r.definition)) + "," + std::to_string(r.blocks) + "," +
           std::to_string(r.met_blk) + "," + (p ? csv_number(r.pop) : "") + "," +
           (p ? csv_number(r.met_pop) : "") + "," + csv_number(r.area_m2) + "," +
           csv_number(r.met_area) + "," + csv_number(r.sh_blk) + "," +
           (p ? csv_number(r.sh_pop) : "") + "," + csv_number(r.sh_area) + "\n";
  }
  return out;
}

void standard_json(JsonWriter& json, const planner::EvaluationParams& params,
                   const planner::Inputs& inputs, const planner::Evaluation& ev) {
  if (params.standard && ev.standard) {
    const planner::Standard& standard = *params.standard;
    json.key("standard").begin_object();
    json.key("name").value(standard.name);
    json.key("file").value(standard.source);
    json.key("tiers").begin_array();
    for (std::size_t t = 0; t < standard.tiers.size(); ++t) {
      const planner::StandardTier& tier = standard.tiers[t];
      const planner::ComplianceRow& all = ev.standard->compliance[t];  // scope "all" comes first
      json.begin_object();
      json.key("name").value(tier.name);
      json.key("definition").value(planner::to_string(tier.definition));
      json.key("threshold").value(tier.threshold);
      json.key("unit").value(planner::value_unit(tier.definition));
      if (tier.definition == planner::TierDefinition::radius_m)
        json.key("min_share").value(tier.min_share);
      json.key("higher_serves").value(tier.higher_serves);
      json.key("blocks").value(all.blocks);
      json.key("met_blocks").value(all.met_blk);
      if (ev.has_population) {
        json.key("population").value(all.pop);
        json.key("met_population").value(all.met_pop);
      }
      json.key("met_share").value(planner::met_share(all, ev.has_population));
      json.end_object();
    }
    json.end_array();
    std::uint32_t comply = 0;
    double comply_pop = 0.0;
    for (std::size_t b = 0; b < inputs.blocks.size(); ++b) {
      if (!ev.standard->comply[b]) continue;
      ++comply;
      comply_pop += inputs.blocks[b].pop.value_or(0.0);
    }
    json.key("complying_blocks").value(comply);
    if (ev.has_population) json.key("complying_population").value(comply_pop);
    json.end_object();
  }
  if (!ev.grids.ids.empty()) {
    json.key("grids").value(static_cast<std::int64_t>(ev.grids.ids.size()));
    json.key("grids_without_point").begin_array();
    for (const std::string& id : planner::grids_without_point(ev.grids, ev.grid_outcomes)) {
      json.value(id);
    }
    json.end_array();
  }
}

}  // namespace io
