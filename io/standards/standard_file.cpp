#include "io/standards/standard_file.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "io/errors.h"
#include "io/scenario/scenario_file.h"
#include "io/scenario/scenario_reader.h"
#include "planner/parameters.h"

// A named namespace around the helpers: io/ is compiled as a unity build, where an anonymous
// namespace is shared with the other files of the batch (scenario_file.cpp has its own readers).
namespace io::standard_file_detail {
namespace {

namespace fs = std::filesystem;
using scenario_detail::parse_guarded_toml;
using scenario_detail::pos_of;
using scenario_detail::Reader;

/// A network or radius reach: any positive, finite distance (Reader::number refuses inf/nan).
constexpr planner::Range metres_range{"metres", 0.0, 100000.0, true, false, "m"};
constexpr planner::Range min_share_range{"min-share", 0.0, 1.0, true, false, ""};

const std::set<std::string_view> top_keys{"name", "tier"};
const std::set<std::string_view> tier_keys{"name", "centers", "within", "higher-serves"};
const std::set<std::string_view> within_keys{"minutes", "metres", "metric", "min-share"};

/// Likely slips (American spelling, snake case, singular/plural) and the key meant.
const std::map<std::string_view, std::string_view> key_hints{
    {"meters", "metres"},      {"meter", "metres"},    {"metre", "metres"},
    {"minute", "minutes"},     {"min", "minutes"},     {"min_share", "min-share"},
    {"minshare", "min-share"}, {"share", "min-share"}, {"higher_serves", "higher-serves"},
    {"centres", "centers"},    {"center", "centers"},  {"tiers", "tier"},
    {"reach", "within"},       {"distance", "within"}};

std::string in_quotes(std::string_view s) {
  return "'" + std::string(s) + "'";
}

std::string line_of(SourcePos pos) {
  return "line " + std::to_string(pos.line);
}

/// Reader::members with the error this file needs: an unknown key lists the keys `where` takes
/// (Reader's own message points to docs/scenarios.md) and names the key probably meant.
void each_member(const Reader& r, const toml::table& t, const std::set<std::string_view>& known,
                 std::string_view where,
                 const std::function<void(std::string_view, const toml::node&)>& handle) {
  for (auto&& [k, v] : t) {
    if (known.contains(k.str())) continue;
    std::string msg = "unknown key " + in_quotes(k.str()) + " in " + std::string(where);
    if (auto hint = key_hints.find(k.str());
        hint != key_hints.end() && known.contains(hint->second)) {
      msg += " (did you mean " + in_quotes(hint->second) + "?)";
    }
    msg += "; the keys are";
    const char* sep = " ";
    for (std::string_view key : known) {
      msg += sep + in_quotes(key);
      sep = ", ";
    }
    msg += " (docs/standards.md)";
    r.fail(pos_of(k.source()), msg);
  }
  r.members(t, known, where, handle);
}

/// `within`: `{ minutes = X }` (walk_min), `{ metres = X }` or `{ metres = X, metric =
/// "network" }` (network_m), `{ metres = X, metric = "radius", min-share = S }` (radius_m).
void read_within(const Reader& r, const toml::node& node, planner::StandardTier& tier) {
  if (!node.is_table()) {
    r.wrong_type(node, "within", "a table such as { minutes = 10 } or { metres = 500 }");
  }
  const toml::node *minutes = nullptr, *metres = nullptr, *metric = nullptr, *share = nullptr;
  each_member(r, *node.as_table(), within_keys, "'within'",
              [&](std::string_view k, const toml::node& v) {
                if (k == "minutes") minutes = &v;
                if (k == "metres") metres = &v;
                if (k == "metric") metric = &v;
                if (k == "min-share") share = &v;
              });
  bool radius = false;
  if (metric) {
    const std::string word = r.text(*metric, "metric");
    if (word != "network" && word != "radius") {
      r.fail(*metric, "unknown metric " + in_quotes(word) +
                          " in 'within': use \"network\" (along the streets, the default) or "
                          "\"radius\" (straight line)");
    }
    radius = word == "radius";
  }
  if (minutes && metres) r.fail(*metres, "'within' gives both 'minutes' and 'metres'; give one");
  if (!minutes && !metres) {
    r.fail(node, "'within' needs 'minutes' or 'metres', e.g. { minutes = 10 } or { metres = 500 }");
  }
  if (minutes && radius) {
    r.fail(*minutes, "'minutes' cannot be a radius: metric = \"radius\" takes 'metres'");
  }
  if (share && !radius) {
    r.fail(*share,
           "'min-share' applies to metric = \"radius\" only (a network reach is met or not)");
  }
  if (minutes) {
    tier.definition = planner::TierDefinition::walk_min;
    tier.threshold = r.number_in(*minutes, planner::minutes_range);
  } else {
    tier.definition =
        radius ? planner::TierDefinition::radius_m : planner::TierDefinition::network_m;
    tier.threshold = r.number_in(*metres, metres_range);
  }
  if (share) tier.min_share = r.number_in(*share, min_share_range);
}

/// One tier as read, with the positions the checks across tiers name.
struct TierRead {
  planner::StandardTier tier;
  SourcePos name_pos;
  std::vector<SourcePos> center_pos;  ///< of each of tier.center_tiers
};

/// `centers`: the values of the centers' tier field, strings (integers taken as their digits,
/// for a numeric tier field), none empty, none twice.
void read_centers(const Reader& r, const toml::node& node, TierRead& out) {
  const toml::array& list = r.array(node, "centers");
  if (list.empty()) {
    r.fail(node,
           "'centers' is empty: list the values of the centers' tier field that "
           "belong to this tier, e.g. [\"村社区级\", \"站点\"]");
  }
  for (const toml::node& v : list) {
    const std::string value =
        v.is_integer() ? std::to_string(*v.value<std::int64_t>()) : r.text(v, "centers");
    if (value.find_first_not_of(" \t") == std::string::npos) {
      r.fail(v, "'centers' has an empty value; centers without a tier cannot be listed");
    }
    for (std::size_t i = 0; i < out.tier.center_tiers.size(); ++i) {
      if (out.tier.center_tiers[i] == value) {
        r.fail(v, "'centers' lists " + in_quotes(value) + " twice (also at " +
                      line_of(out.center_pos[i]) + ")");
      }
    }
    out.tier.center_tiers.push_back(value);
    out.center_pos.push_back(pos_of(v.source()));
  }
}

TierRead read_tier(const Reader& r, const toml::node& node, std::size_t index) {
  const toml::table& t = r.table(node, "tier");
  TierRead out;
  bool has_centers = false, has_within = false;
  each_member(r, t, tier_keys, "a [[tier]]", [&](std::string_view k, const toml::node& v) {
    if (k == "name") {
      out.tier.name = r.text(v, k);
      out.name_pos = pos_of(v.source());
      if (out.tier.name.find_first_not_of(" \t") == std::string::npos) {
        r.fail(v, "'name' is empty: a tier's name labels it in every output");
      }
    } else if (k == "centers") {
      read_centers(r, v, out);
      has_centers = true;
    } else if (k == "within") {
      read_within(r, v, out.tier);
      has_within = true;
    } else {
      out.tier.higher_serves = r.flag(v, k);
    }
  });
  const std::string which = "tier " + std::to_string(index + 1);
  if (out.tier.name.empty()) r.fail(node, which + " needs a 'name', e.g. name = \"社区级\"");
  if (!has_centers) {
    r.fail(node, which + " (" + in_quotes(out.tier.name) +
                     ") needs 'centers': the centers' tier values it takes, e.g. [\"区镇级\"]");
  }
  if (!has_within) {
    r.fail(node, which + " (" + in_quotes(out.tier.name) +
                     ") needs 'within', e.g. { minutes = 15 } or { metres = 500 }");
  }
  return out;
}

/// The [[tier]] sections in order; names unique, and each center value in one tier only (a
/// higher tier serves a lower one through higher-serves, not by listing its values again).
std::vector<planner::StandardTier> read_tiers(const Reader& r, const toml::node& node) {
  if (!node.is_array()) r.wrong_type(node, "tier", "[[tier]] sections (an array of tables)");
  const toml::array& list = *node.as_array();
  if (list.empty()) r.fail(node, "'tier' is empty: the standard needs at least one [[tier]]");
  std::vector<planner::StandardTier> tiers;
  std::map<std::string, SourcePos> names;
  std::map<std::string, std::pair<std::string, SourcePos>> owner;  // center value -> tier
  for (std::size_t i = 0; i < list.size(); ++i) {
    TierRead t = read_tier(r, list[i], i);
    if (auto [it, fresh] = names.emplace(t.tier.name, t.name_pos); !fresh) {
      r.fail(t.name_pos, "two tiers are named " + in_quotes(t.tier.name) + " (the other at " +
                             line_of(it->second) +
                             "); 'name' labels a tier in every output, "
                             "rename one");
    }
    for (std::size_t c = 0; c < t.tier.center_tiers.size(); ++c) {
      const std::string& value = t.tier.center_tiers[c];
      auto [it, fresh] = owner.emplace(value, std::make_pair(t.tier.name, t.center_pos[c]));
      if (!fresh) {
        r.fail(t.center_pos[c], "'centers': " + in_quotes(value) + " is listed by tier " +
                                    in_quotes(it->second.first) + " (" +
                                    line_of(it->second.second) + ") and by tier " +
                                    in_quotes(t.tier.name) +
                                    "; a tier value belongs to one tier (higher-serves lets a "
                                    "higher tier's centers serve the lower ones)");
      }
    }
    tiers.push_back(std::move(t.tier));
  }
  return tiers;
}

planner::Standard standard_from(std::string_view text, const std::string& path) {
  const toml::table root = parse_guarded_toml(text, path);
  const Reader r(path);
  planner::Standard out;
  out.source = path;
  out.name = fs::path(path).stem().string();
  const toml::node* tiers = nullptr;
  each_member(r, root, top_keys, "the standard", [&](std::string_view k, const toml::node& v) {
    if (k == "name") {
      out.name = r.text(v, k);
      if (out.name.find_first_not_of(" \t") == std::string::npos) {
        r.fail(v, "'name' is empty (leave it out to use the file's name)");
      }
    } else {
      tiers = &v;
    }
  });
  if (!tiers) {
    r.fail(SourcePos{1, 1},
           "no 'tier': the standard needs at least one [[tier]] section (docs/standards.md)");
  }
  out.tiers = read_tiers(r, *tiers);
  return out;
}

}  // namespace
}  // namespace io::standard_file_detail

namespace io {

planner::Standard read_standard(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw_scenario_error(path, {}, "no such standard file (check the path)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    throw_scenario_error(path, {}, "cannot read the standard file (check its permissions)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return standard_file_detail::standard_from(text.str(), path);
}

planner::Standard parse_standard(std::string_view toml_text, const std::string& path) {
  return standard_file_detail::standard_from(toml_text, path);
}

}  // namespace io
