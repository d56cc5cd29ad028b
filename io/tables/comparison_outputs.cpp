#include "io/tables/comparison_outputs.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "io/errors.h"
#include "io/gdal/layer_writer.h"
#include "io/styles/default_styles.h"
#include "io/tables/csv_text.h"
#include "io/tables/json_writer.h"

namespace io {
namespace {

using planner::BlockChange;
using planner::Comparison;
using planner::invalid_id;

FieldValue real_or_null(const std::optional<double>& value) {
  FieldValue out;
  if (value) out = *value;
  return out;
}

FieldValue status_or_null(const std::optional<planner::CoverStatus>& status) {
  FieldValue out;
  if (status) out = std::string(planner::to_string(*status));
  return out;
}

FieldValue text_or_null(const std::string& text) {
  FieldValue out;
  if (!text.empty()) out = text;
  return out;
}

const std::vector<OutputField>& coverage_change_fields() {
  static const std::vector<OutputField> fields{
      {"block_id", FieldType::text},   {"name", FieldType::text},
      {"comm_id", FieldType::text},    {"pop", FieldType::real},
      {"min_before", FieldType::real}, {"min_after", FieldType::real},
      {"min_change", FieldType::real}, {"st_before", FieldType::text},
      {"st_after", FieldType::text},   {"ctr_before", FieldType::text},
      {"ctr_after", FieldType::text},  {"change", FieldType::text}};
  return fields;
}

/// The coverage fields, then per accessibility method both sides computed bef_<m>, aft_<m> and
/// chg_<m> (e.g. chg_e2sfca: within Shapefile's 10 characters).
std::vector<OutputField> change_fields(const Comparison& comparison) {
  std::vector<OutputField> fields = coverage_change_fields();
  for (planner::AccessMethod m : comparison.access_methods) {
    const std::string word(planner::to_string(m));
    for (const char* prefix : {"bef_", "aft_", "chg_"}) {
      fields.push_back({prefix + word, FieldType::real});
    }
  }
  return fields;
}

std::vector<FieldValue> change_row(const BlockChange& c) {
  FieldValue name = c.name;  // "" stays "" (as in the blocks layer), unlike a missing id
  std::vector<FieldValue> row{c.id,
                              name,
                              text_or_null(c.community),
                              real_or_null(c.pop),
                              real_or_null(c.minutes_before),
                              real_or_null(c.minutes_after),
                              real_or_null(c.minutes_change),
                              status_or_null(c.status_before),
                              status_or_null(c.status_after),
                              text_or_null(c.center_before),
                              text_or_null(c.center_after),
                              std::string(planner::to_string(c.kind))};
  for (std::size_t m = 0; m < c.access_before.size(); ++m) {
    const std::optional<double>& b = c.access_before[m];
    const std::optional<double>& a = c.access_after[m];
    row.push_back(real_or_null(b));
    row.push_back(real_or_null(a));
    row.push_back(real_or_null(a && b ? std::optional<double>(*a - *b) : std::nullopt));
  }
  return row;
}

std::string csv_cell(const FieldValue& value) {
  if (const auto* real = std::get_if<double>(&value)) {
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, *real);
    return std::string(buf, res.ptr);
  }
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  const auto* text = std::get_if<std::string>(&value);
  if (text == nullptr) return {};
  return csv_quoted(*text);
}

void optional_number(JsonWriter& json, const char* key, const std::optional<double>& value) {
  json.key(key);
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

void optional_count(JsonWriter& json, const char* key, const std::optional<std::uint32_t>& value) {
  json.key(key);
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

void figures_json(JsonWriter& json, const char* key,
                  const std::optional<planner::ScopeFigures>& f) {
  json.key(key);
  if (!f) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("blocks").value(f->blocks);
  json.key("covered_blocks").value(f->covered);
  optional_number(json, "population", f->pop);
  optional_number(json, "covered_population", f->covered_pop);
  json.key("covered_share").value(f->covered_share);
  json.end_object();
}

void counts_json(JsonWriter& json, const Comparison& comparison) {
  const planner::ComparisonCounts& n = comparison.counts;
  json.key("counts").begin_object();
  json.key("newly_covered").value(n.newly_covered);
  json.key("newly_uncovered").value(n.newly_uncovered);
  json.key("status").value(n.status);
  json.key("minutes").value(n.minutes);
  json.key("center").value(n.center);
  if (!comparison.access_methods.empty()) json.key("access").value(n.access);
  json.key("removed").value(n.removed);
  json.key("added").value(n.added);
  json.key("unchanged").value(n.unchanged);
  json.key("minutes_lower").value(n.minutes_lower);
  json.key("minutes_higher").value(n.minutes_higher);
  json.key("centers_opened").value(n.centers_opened);
  json.key("centers_closed").value(n.centers_closed);
  json.key("centers_reach_changed").value(n.centers_reach_changed);
  json.end_object();
}

void compliance_json(JsonWriter& json, const char* key,
                     const std::optional<planner::ComplianceRow>& row, bool has_population) {
  json.key(key);
  if (!row) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("blocks").value(row->blocks);
  json.key("met_blocks").value(row->met_blk);
  if (has_population) json.key("met_population").value(row->met_pop);
  json.key("met_share").value(planner::met_share(*row, has_population));
  json.end_object();
}

/// The service standard's tiers over all blocks, before and after (when either side had one).
void standard_changes_json(JsonWriter& json, const Comparison& comparison) {
  if (comparison.standard.empty()) return;
  const bool p = comparison.has_population;
  json.key("standard").begin_array();
  for (const planner::StandardTierChange& t : comparison.standard) {
    json.begin_object();
    json.key("std_tier").value(t.std_tier);
    compliance_json(json, "before", t.before, p);
    compliance_json(json, "after", t.after, p);
    json.key("met_share_change")
        .value((t.after ? planner::met_share(*t.after, p) : 0.0) -
               (t.before ? planner::met_share(*t.before, p) : 0.0));
    json.end_object();
  }
  json.end_array();
}

/// Per accessibility method both sides computed: blocks compared, better and worse served.
void access_changes_json(JsonWriter& json, const Comparison& comparison) {
  if (comparison.access.empty()) return;
  json.key("access").begin_array();
  for (const planner::AccessChange& a : comparison.access) {
    json.begin_object();
    json.key("method").value(planner::to_string(a.method));
    json.key("blocks_compared").value(a.compared);
    json.key("higher").value(a.higher);
    json.key("lower").value(a.lower);
    json.end_object();
  }
  json.end_array();
}

}  // namespace

std::string access_change_text(const Comparison& comparison) {
  std::string out;
  for (const planner::AccessChange& a : comparison.access) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "  access %s: of %u blocks scored on both sides, %u better served, %u worse, "
                  "%u the same\n",
                  std::string(planner::to_string(a.method)).c_str(), a.compared, a.higher, a.lower,
                  a.compared - a.higher - a.lower);
    out += line;
  }
  return out;
}

std::string standard_change_text(const std::vector<planner::StandardTierChange>& changes,
                                 bool has_population) {
  std::string out;
  const bool p = has_population;
  for (const planner::StandardTierChange& t : changes) {
    char line[256];
    auto share = [&](const std::optional<planner::ComplianceRow>& r) {
      return r ? planner::met_share(*r, p) * 100.0 : 0.0;
    };
    std::snprintf(line, sizeof line, "  %s compliance (%s): %.1f%% -> %.1f%% (%+.1f points)%s\n",
                  t.std_tier.c_str(), p ? "population" : "blocks", share(t.before), share(t.after),
                  share(t.after) - share(t.before),
                  !t.before  ? ", tier only after"
                  : !t.after ? ", tier only before"
                             : "");
    out += line;
  }
  return out;
}

OutputLayer changes_layer(const Comparison& comparison, const planner::ResultSnapshot& before,
                          const planner::ResultSnapshot& after) {
  OutputLayer layer{"changes", GeometryKind::polygon, change_fields(comparison), {}, {}};
  for (const BlockChange& c : comparison.blocks) {
    if (!planner::is_change(c)) continue;
    layer.rows.push_back(change_row(c));
    const planner::MultiPolygon& shape = c.after_index != invalid_id
                                             ? after.blocks[c.after_index].shape
                                             : before.blocks[c.before_index].shape;
    layer.geometries.emplace_back(shape);
  }
  layer.style_qml = default_style_qml(layer, {});
  return layer;
}

std::string changes_csv(const Comparison& comparison) {
  std::string out;
  const std::vector<OutputField> fields = change_fields(comparison);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += fields[i].name;
  }
  out += '\n';
  for (const BlockChange& c : comparison.blocks) {
    if (!planner::is_change(c)) continue;
    const std::vector<FieldValue> row = change_row(c);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_cell(row[i]);
    }
    out += '\n';
  }
  return out;
}

std::string comparison_json(const Comparison& comparison, const std::string& before_label,
                            const std::string& after_label) {
  JsonWriter json;
  json.begin_object();
  json.key("before").value(before_label);
  json.key("after").value(after_label);
  json.key("population_known").value(comparison.has_population);
  json.key("minutes_tolerance").value(planner::minutes_tolerance);
  counts_json(json, comparison);
  access_changes_json(json, comparison);
  json.key("scopes").begin_array();
  for (const planner::ScopeChange& s : comparison.scopes) {
    json.begin_object();
    json.key("scope").value(s.scope);
    figures_json(json, "before", s.before);
    figures_json(json, "after", s.after);
    json.key("change").begin_object();
    const std::int64_t covered_before = s.before ? s.before->covered : 0;
    const std::int64_t covered_after = s.after ? s.after->covered : 0;
    json.key("covered_blocks").value(static_cast<std::int64_t>(covered_after - covered_before));
    std::optional<double> pop_change;
    if (comparison.has_population) {
      pop_change = (s.after && s.after->covered_pop ? *s.after->covered_pop : 0.0) -
                   (s.before && s.before->covered_pop ? *s.before->covered_pop : 0.0);
    }
    optional_number(json, "covered_population", pop_change);
    json.key("covered_share")
        .value((s.after ? s.after->covered_share : 0.0) -
               (s.before ? s.before->covered_share : 0.0));
    json.end_object();
    json.end_object();
  }
  json.end_array();
  standard_changes_json(json, comparison);
  json.key("centers").begin_array();
  for (const planner::CenterChange& c : comparison.centers) {
    json.begin_object();
    json.key("id").value(c.id);
    json.key("name").value(c.name);
    json.key("tier").value(c.tier);
    json.key("change").value(planner::to_string(c.kind));
    optional_count(json, "reach_blk_before", c.reach_blk_before);
    optional_count(json, "reach_blk_after", c.reach_blk_after);
    optional_number(json, "reach_pop_before", c.reach_pop_before);
    optional_number(json, "reach_pop_after", c.reach_pop_after);
    optional_count(json, "served_blk_before", c.served_blk_before);
    optional_count(json, "served_blk_after", c.served_blk_after);
    optional_number(json, "served_pop_before", c.served_pop_before);
    optional_number(json, "served_pop_after", c.served_pop_after);
    json.end_object();
  }
  json.end_array();
  json.key("blocks").begin_array();
  const std::vector<OutputField> fields = change_fields(comparison);
  for (const BlockChange& c : comparison.blocks) {
    if (!planner::is_change(c)) continue;
    json.begin_object();
    const std::vector<FieldValue> row = change_row(c);
    for (std::size_t i = 0; i < row.size(); ++i) {
      json.key(fields[i].name);
      if (const auto* real = std::get_if<double>(&row[i])) {
        json.value(*real);
      } else if (const auto* text = std::get_if<std::string>(&row[i])) {
        json.value(*text);
      } else {
        json.null();
      }
    }
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str();
}

void write_comparison(const ComparisonFiles& files, const Comparison& comparison,
                      const planner::ResultSnapshot& before, const planner::ResultSnapshot& after) {
  namespace fs = std::filesystem;
  const fs::path folder(files.folder);
  const std::string gpkg = (folder / "changes.gpkg").string();
  const std::string csv = (folder / "changes.csv").string();
  const std::string json = (folder / "comparison.json").string();
  if (!files.overwrite) {
    for (const std::string& path : {gpkg, csv, json}) {
      if (fs::exists(path)) {
        throw OutputError("output '" + path + "' exists; use --overwrite to replace it");
      }
    }
  }
  WriteOptions options;
  options.format = OutputFormat::gpkg;
  options.overwrite = files.overwrite;
  options.crs_wkt = files.crs_wkt;
  write_layers(gpkg, {changes_layer(comparison, before, after)}, options);
  write_csv_text_file(csv, changes_csv(comparison));
  write_text_file(json, comparison_json(comparison, files.before_label, files.after_label));
}

}  // namespace io
