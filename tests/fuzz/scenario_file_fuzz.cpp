// Fuzz target: the scenario-file parser (io/scenario_file.*, docs/scenarios.md), fed the bytes as
// the file's text through io::parse_scenario (the same checks as read_scenario, without a file).
//
// A rejected file must be an io::InputError naming the file; any other exception is a finding.
// An accepted scenario must keep what the parser promises: 'roads' given, every variant named
// (letters, digits, '-', '_'; not base/summary; no two alike), every number finite and inside
// the range its key allows, every choice one of the documented words, every WKT edit non-empty
// geometry of the right kind.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "io/errors.h"
#include "io/scenario/scenario_file.h"
#include "io/scenario/service_area_words.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

const std::string display_path = "scenarios/fuzz.toml";

bool finite(double v) {
  return std::isfinite(v);
}

void check_params(const io::ScenarioParams& p) {
  if (p.speed_kmh) FUZZ_CHECK(*p.speed_kmh > 0.0 && *p.speed_kmh < 50.0);
  if (p.cover_minutes) FUZZ_CHECK(*p.cover_minutes > 0.0 && *p.cover_minutes <= 600.0);
  if (p.max_snap_m) FUZZ_CHECK(finite(*p.max_snap_m) && *p.max_snap_m >= 0.0);
  if (p.sample_spacing_m) FUZZ_CHECK(finite(*p.sample_spacing_m) && *p.sample_spacing_m >= 1.0);
  if (p.search_limit_minutes) {
    FUZZ_CHECK(finite(*p.search_limit_minutes) && *p.search_limit_minutes > 0.0);
  }
  if (p.minutes) {
    FUZZ_CHECK(!p.minutes->empty());
    for (const double m : *p.minutes) FUZZ_CHECK(m > 0.0 && m <= 600.0);
  }
}

void check_pos(const io::SourcePos& pos) {
  FUZZ_CHECK(pos.line >= 1 && pos.column >= 1);
}

void check_layer(const io::LayerSpec& layer) {
  FUZZ_CHECK(!layer.ref.path.empty());
  check_pos(layer.pos);
}

void check_shape(const io::ShapeSpec& shape, bool lines_only) {
  FUZZ_CHECK(!shape.lines.empty() || !shape.polygons.empty());
  FUZZ_CHECK(shape.lines.empty() || shape.polygons.empty());  // one WKT is lines or polygons
  if (lines_only) FUZZ_CHECK(shape.polygons.empty());
  for (const auto& line : shape.lines) FUZZ_CHECK(line.size() >= 2);
  check_pos(shape.pos);
}

void check_variant(const io::ScenarioVariant& v) {
  FUZZ_CHECK(!v.name.empty() && v.name != "base" && v.name != "summary");
  for (const char c : v.name) {
    FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_');
  }
  check_pos(v.pos);
  check_params(v.params);
  for (const io::CenterSpec& c : v.add_centers) {
    FUZZ_CHECK(!c.id.empty());
    FUZZ_CHECK(finite(c.xy.x) && finite(c.xy.y));
    if (c.lonlat) FUZZ_CHECK(std::abs(c.xy.x) <= 180.0 && std::abs(c.xy.y) <= 90.0);
    check_pos(c.pos);
  }
  for (const auto& layer : v.add_center_layers) check_layer(layer);
  for (const auto& layer : v.barrier_layers) check_layer(layer);
  for (const auto& layer : v.footpath_layers) check_layer(layer);
  for (const auto& id : v.close_centers) check_pos(id.pos);
  for (const auto& id : v.close_roads) check_pos(id.pos);
  for (const auto& shape : v.barriers) check_shape(shape, false);
  for (const auto& shape : v.footpaths) check_shape(shape, true);
  if (v.footpath_snap_m) FUZZ_CHECK(finite(*v.footpath_snap_m) && *v.footpath_snap_m >= 0.0);
  for (const auto& [road_class, factor] : v.speed_factor) {
    FUZZ_CHECK(planner::speed_factor_range.contains(factor));
  }
  if (v.site) {
    FUZZ_CHECK(v.site->k >= 1 && v.site->k <= 1000);
    const std::string& m = v.site->model;
    FUZZ_CHECK(m == "mclp" || m == "pmedian" || m == "pcenter");
  }
}

void check_scenario(const io::ScenarioFile& s) {
  FUZZ_CHECK(s.path == display_path && s.name == "fuzz");
  FUZZ_CHECK(!s.inputs.roads.path.empty());
  const std::string& model = s.inputs.length_model;
  FUZZ_CHECK(model == "ellipsoid" || model == "haversine" || model == "planar");
  FUZZ_CHECK(finite(s.inputs.node_tolerance_m) && s.inputs.node_tolerance_m >= 0.0);
  check_params(s.params);
  const io::ScenarioAreas& a = s.areas;
  FUZZ_CHECK(!io::word_of(io::band_words, a.bands).empty());
  FUZZ_CHECK(!io::word_of(io::overlap_words, a.overlap).empty());
  FUZZ_CHECK(!io::word_of(io::hull_words, a.hull).empty());
  if (a.buffer_m) FUZZ_CHECK(finite(*a.buffer_m) && *a.buffer_m >= 0.0);
  if (a.simplify_m) FUZZ_CHECK(finite(*a.simplify_m) && *a.simplify_m >= 0.0);
  std::set<std::string> names;
  for (const io::ScenarioVariant& v : s.variants) {
    check_variant(v);
    FUZZ_CHECK(names.insert(v.name).second);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Fed as given: io::parse_scenario refuses the non-ASCII characters outside strings and
  // comments on which toml++ 3.3.0 reached __builtin_unreachable (regressions/scenario_file/).
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<io::ScenarioFile> scenario;
  try {
    scenario = io::parse_scenario(text, display_path);
  } catch (const io::InputError& e) {
    // The message names the file, so the user knows which one to fix.
    FUZZ_CHECK(std::string_view(e.what()).find(display_path) != std::string_view::npos);
    FUZZ_CHECK(e.where().file == display_path);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "scenario_file: not an InputError: %s\n", e.what());
    std::abort();
  }
  check_scenario(*scenario);
  return 0;
}
