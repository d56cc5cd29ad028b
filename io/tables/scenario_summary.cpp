#include "io/tables/scenario_summary.h"

#include <algorithm>
#include <set>

#include "io/tables/csv_text.h"
#include "io/tables/json_writer.h"

namespace io {

using planner::TierRow;
using planner::VariantRow;

namespace {

std::string summary_minutes_text(const std::vector<double>& m) {
  std::string out;
  for (double x : m) out += (out.empty() ? "" : " ") + csv_number(x);
  return out;
}

std::vector<std::string> summary_tier_names(const std::vector<VariantRow>& rows) {
  std::set<std::string> names;
  for (const VariantRow& r : rows) {
    for (const TierRow& t : r.tiers) names.insert(t.tier);
  }
  return {names.begin(), names.end()};
}

/// Standard tier names in order of first appearance (the standard's own order).
std::vector<std::string> standard_tier_names(const std::vector<VariantRow>& rows) {
  std::vector<std::string> names;
  for (const VariantRow& r : rows) {
    for (const planner::StandardShare& s : r.standard) {
      if (std::find(names.begin(), names.end(), s.std_tier) == names.end())
        names.push_back(s.std_tier);
    }
  }
  return names;
}

std::string standard_cells(const VariantRow& r, const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    const auto it =
        std::find_if(r.standard.begin(), r.standard.end(),
                     [&](const planner::StandardShare& s) { return s.std_tier == name; });
    out += "," + (it == r.standard.end() ? std::string() : csv_number(it->share));
  }
  return out;
}

}  // namespace

std::string summary_csv(const std::vector<VariantRow>& rows) {
  const std::vector<std::string> tiers = summary_tier_names(rows);
  const std::vector<std::string> std_tiers = standard_tier_names(rows);
  std::string out =
      "scenario,variant,status,error,speed_kmh,minutes,cover_minutes,max_snap,edits,centers,"
      "edges,blocks,covered,uncovered,unreachable,pop,covered_pop,cov_share,newly_covered,"
      "newly_uncovered,minutes_changed";
  for (const std::string& t : tiers) {
    out += "," + csv_quoted("tier_" + t + "_covered") + "," + csv_quoted("tier_" + t + "_cov_pop") +
           "," + csv_quoted("tier_" + t + "_cov_share");
  }
  for (const std::string& t : std_tiers) out += "," + csv_quoted("std_" + t + "_share");
  out += "\n";
  for (const VariantRow& r : rows) {
    out += csv_quoted(r.scenario) + "," + csv_quoted(r.variant) + ",";
    if (!r.error.empty()) {
      out += "failed," + csv_quoted(r.error) +
             std::string(17 + 3 * tiers.size() + std_tiers.size(), ',') + "\n";
      continue;
    }
    out += "ok,," + csv_number(r.speed_kmh) + "," + summary_minutes_text(r.minutes) + "," +
           csv_number(r.cover_minutes) + "," + csv_number(r.max_snap_m) + "," +
           csv_quoted(r.edits) + "," + std::to_string(r.centers) + "," +
           std::to_string(r.network_edges) + "," + std::to_string(r.blocks) + "," +
           std::to_string(r.covered) + "," + std::to_string(r.uncovered) + "," +
           std::to_string(r.unreachable) + ",";
    out += (r.has_population ? csv_number(r.pop) : "") + "," +
           (r.has_population ? csv_number(r.covered_pop) : "") + "," + csv_number(r.covered_share) +
           "," + std::to_string(r.newly_covered) + "," + std::to_string(r.newly_uncovered) + "," +
           std::to_string(r.minutes_changed);
    for (const std::string& name : tiers) {
      const auto it = std::find_if(r.tiers.begin(), r.tiers.end(),
                                   [&](const TierRow& t) { return t.tier == name; });
      if (it == r.tiers.end()) {
        out += ",,,";
      } else {
        out += "," + std::to_string(it->covered) + "," +
               (r.has_population ? csv_number(it->covered_pop) : "") + "," +
               csv_number(it->covered_share);
      }
    }
    out += standard_cells(r, std_tiers);
    out += "\n";
  }
  return out;
}

std::string summary_json(const std::vector<VariantRow>& rows) {
  JsonWriter j;
  j.begin_object().key("rows").begin_array();
  for (const VariantRow& r : rows) {
    j.begin_object();
    j.key("scenario").value(r.scenario);
    j.key("variant").value(r.variant);
    j.key("status").value(r.error.empty() ? "ok" : "failed");
    if (!r.error.empty()) {
      j.key("error").value(r.error);
      j.end_object();
      continue;
    }
    j.key("parameters").begin_object();
    j.key("speed_kmh").value(r.speed_kmh);
    j.key("minutes").begin_array();
    for (double m : r.minutes) j.value(m);
    j.end_array();
    j.key("cover_minutes").value(r.cover_minutes);
    j.key("max_snap_m").value(r.max_snap_m);
    j.end_object();
    j.key("edits").value(r.edits);
    j.key("centers").value(r.centers);
    j.key("network_edges").value(r.network_edges);
    j.key("blocks").value(r.blocks);
    j.key("covered").value(r.covered);
    j.key("uncovered").value(r.uncovered);
    j.key("unreachable").value(r.unreachable);
    if (r.has_population) {
      j.key("pop").value(r.pop);
      j.key("covered_pop").value(r.covered_pop);
    } else {
      j.key("pop").null();
      j.key("covered_pop").null();
    }
    j.key("cov_share").value(r.covered_share);
    j.key("newly_covered").value(r.newly_covered);
    j.key("newly_uncovered").value(r.newly_uncovered);
    j.key("minutes_changed").value(r.minutes_changed);
    j.key("tiers").begin_array();
    for (const TierRow& t : r.tiers) {
      j.begin_object();
      j.key("tier").value(t.tier);
      j.key("centers").value(t.centers);
      j.key("blocks").value(t.blocks);
      j.key("covered").value(t.covered);
      if (r.has_population) {
        j.key("covered_pop").value(t.covered_pop);
      } else {
        j.key("covered_pop").null();
      }
      j.key("cov_share").value(t.covered_share);
      j.end_object();
    }
    j.end_array();
    if (!r.standard.empty()) {
      j.key("standard").begin_array();
      for (const planner::StandardShare& s : r.standard) {
        j.begin_object();
        j.key("std_tier").value(s.std_tier);
        j.key("met_blocks").value(s.met_blk);
        j.key("share").value(s.share);
        j.end_object();
      }
      j.end_array();
    }
    j.end_object();
  }
  j.end_array().end_object();
  return j.str();
}

}  // namespace io
