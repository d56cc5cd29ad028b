#include "io/scenario/scenario_params.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planner/coverage/access_params.h"
#include "planner/errors.h"
#include "planner/parameters.h"

namespace io::scenario_detail {
namespace {

/// `access = "e2sfca"` or `access = ["e2sfca", "bfca"]`: known words, none twice.
std::vector<planner::AccessMethod> read_access_methods(const Reader& r, const toml::node& v) {
  std::vector<planner::AccessMethod> methods;
  auto one = [&](const toml::node& x) {
    const std::string word = r.text(x, "access");
    const std::optional<planner::AccessMethod> m = planner::access_method_of(word);
    if (!m) r.fail(x, "'access' methods are 2sfca, e2sfca, g2sfca and bfca (got '" + word + "')");
    if (std::find(methods.begin(), methods.end(), *m) != methods.end()) {
      r.fail(x, "'access' names " + word + " twice");
    }
    methods.push_back(*m);
  };
  if (v.is_string()) {
    one(v);
  } else {
    for (const toml::node& x : r.array(v, "access")) one(x);
  }
  if (methods.empty()) r.fail(v, "'access' needs at least one method, e.g. [\"e2sfca\"]");
  return methods;
}

}  // namespace

const std::set<std::string_view> param_keys{
    "speed-kmh",    "minutes",  "cover-minutes", "max-snap",       "sample-spacing",
    "search-limit", "standard", "access",        "access-minutes", "access-steps"};

bool read_param(const Reader& r, std::string_view key, const toml::node& v, ScenarioParams& p) {
  if (key == "speed-kmh") {
    p.speed_kmh = r.number_in(v, planner::speed_kmh_range);
  } else if (key == "minutes") {
    std::vector<double> m;
    if (v.is_number()) {
      m.push_back(r.number_in(v, planner::minutes_range));
    } else {
      for (const toml::node& x : r.array(v, "minutes")) {
        m.push_back(r.number_in(x, planner::minutes_range));
      }
    }
    if (m.empty()) r.fail(v, "'minutes' needs at least one threshold");
    if (std::adjacent_find(m.begin(), m.end(), std::greater_equal<double>()) != m.end()) {
      r.fail(v, "'minutes' must be strictly ascending, e.g. [5, 10, 15]");
    }
    p.minutes = m;
  } else if (key == "cover-minutes") {
    p.cover_minutes = r.number_in(v, planner::cover_minutes_range);
  } else if (key == "max-snap") {
    p.max_snap_m = r.number_in(v, planner::max_snap_range);
  } else if (key == "sample-spacing") {
    p.sample_spacing_m = r.number_in(v, planner::sample_spacing_range);
  } else if (key == "search-limit") {
    p.search_limit_minutes = r.number_in(v, planner::search_limit_range);
  } else if (key == "standard") {
    p.standard = Located<std::string>{r.path(v, key), pos_of(v.source())};
  } else if (key == "access") {
    p.access =
        Located<std::vector<planner::AccessMethod>>{read_access_methods(r, v), pos_of(v.source())};
  } else if (key == "access-minutes") {
    p.access_minutes =
        Located<double>{r.number_in(v, planner::access_minutes_range), pos_of(v.source())};
  } else if (key == "access-steps") {
    try {
      p.access_steps = Located<std::vector<planner::AccessStep>>{
          planner::parse_access_steps(r.text(v, key)), pos_of(v.source())};
    } catch (const planner::InvalidValue& e) {
      r.fail(v, std::string("'access-steps': ") + e.what());
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace io::scenario_detail
