#include "io/run/variant_resolver.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "io/crs/crs.h"
#include "io/crs/gcj02.h"
#include "io/errors.h"
#include "io/standards/standard_file.h"
#include "planner/errors.h"
#include "planner/siting/model.h"

namespace io {
namespace {

/// Lines or polygons from a layer: tried as lines first, then as polygons.
void read_barrier_layer(const LayerSpec& spec, const ReadSettings& settings,
                        planner::Inputs& lonlat) {
  try {
    for (planner::RoadLine& r : read_roads(spec.ref, {}, settings)) {
      lonlat.roads.push_back(std::move(r));
    }
  } catch (const InputError&) {
    for (planner::Community& c : read_communities(spec.ref, {}, settings)) {
      lonlat.communities.push_back(std::move(c));
    }
  }
}

void describe_params(const ScenarioParams& p, std::vector<std::string>& parts) {
  auto param = [&](const char* key, const std::optional<double>& value) {
    if (!value) return;
    std::ostringstream s;
    s << key << "=" << *value;
    parts.push_back(s.str());
  };
  param("speed-kmh", p.speed_kmh);
  if (p.minutes) {
    std::ostringstream s;
    s << "minutes=";
    for (std::size_t i = 0; i < p.minutes->size(); ++i) {
      s << (i ? " " : "") << (*p.minutes)[i];
    }
    parts.push_back(s.str());
  }
  param("cover-minutes", p.cover_minutes);
  param("max-snap", p.max_snap_m);
  param("sample-spacing", p.sample_spacing_m);
  param("search-limit", p.search_limit_minutes);
  if (p.standard) {
    parts.push_back("standard=" + std::filesystem::path(p.standard->value).filename().string());
  }
  if (p.access) {
    std::string words;
    for (planner::AccessMethod m : p.access->value) {
      words += (words.empty() ? "" : " ") + std::string(planner::to_string(m));
    }
    parts.push_back("access=" + words);
  }
  if (p.access_minutes) param("access-minutes", p.access_minutes->value);
  if (p.access_steps) parts.push_back("access-steps");
}

}  // namespace

namespace {

/// The access keys over the inherited access parameters, checked against the cover threshold.
void apply_access(const ScenarioParams& s, planner::EvaluationParams& p, const std::string& path,
                  SourcePos scope_pos, const std::string& scope) {
  if (!s.access && !s.access_minutes && !s.access_steps && !p.access) return;
  planner::AccessParams a = p.access.value_or(planner::AccessParams{});
  SourcePos at = scope_pos;
  if (s.access) {
    a.methods = s.access->value;
    at = s.access->pos;
  }
  if (s.access_minutes) {
    a.t0_minutes = s.access_minutes->value;
    at = s.access_minutes->pos;
  }
  if (s.access_steps) {  // the last one given is where a mismatch is reported
    a.steps = s.access_steps->value;
    at = s.access_steps->pos;
  }
  if (a.methods.empty()) {
    throw_scenario_error(path, at,
                         scope +
                             ": 'access-minutes' and 'access-steps' need 'access', e.g. "
                             "access = [\"e2sfca\"]");
  }
  try {
    planner::validate(a, planner::resolved_t0_minutes(a, p.cover_threshold_minutes()));
  } catch (const planner::InvalidValue& e) {
    throw_scenario_error(path, at, scope + ": " + e.what());
  }
  p.access = std::move(a);
}

}  // namespace

void apply_params(const ScenarioParams& s, planner::EvaluationParams& p, const std::string& path,
                  SourcePos scope_pos, const std::string& scope) {
  if (s.speed_kmh) p.speed_kmh = *s.speed_kmh;
  if (s.minutes) p.minutes = *s.minutes;
  if (s.cover_minutes) p.cover_minutes = *s.cover_minutes;
  if (s.max_snap_m) p.max_snap_m = *s.max_snap_m;
  if (s.sample_spacing_m) p.sample_spacing_m = *s.sample_spacing_m;
  if (s.search_limit_minutes) p.search_limit_minutes = *s.search_limit_minutes;
  if (s.standard) p.standard = read_standard(s.standard->value);
  apply_access(s, p, path, scope_pos, scope);
}

planner::ServiceAreaParams scenario_areas(const ScenarioAreas& a) {
  planner::ServiceAreaParams out;
  if (a.buffer_m) out.buffer_m = *a.buffer_m;
  if (a.simplify_m) out.simplify_m = *a.simplify_m;
  out.bands = a.bands;
  out.overlap = a.overlap;
  out.hull = a.hull;
  out.polygons = a.service_areas;
  return out;
}

std::string describe_edits(const ScenarioVariant& v) {
  std::vector<std::string> parts;
  auto count = [&](const char* what, std::size_t n) {
    if (n > 0) parts.push_back(std::string(what) + " " + std::to_string(n));
  };
  count("close-centers", v.close_centers.size());
  count("add-centers", v.add_centers.size() + v.add_center_layers.size());
  count("close-roads", v.close_roads.size());
  count("close-crossing", v.barriers.size() + v.barrier_layers.size());
  count("set-capacity", v.set_capacity.size());
  count("add-footpaths", v.footpaths.size() + v.footpath_layers.size());
  for (const auto& [cls, f] : v.speed_factor) {
    std::ostringstream s;
    s << "speed-factor " << cls << "=" << f;
    parts.push_back(s.str());
  }
  describe_params(v.params, parts);
  if (v.site) parts.push_back("site " + v.site->model + " k=" + std::to_string(v.site->k));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

planner::VariantSpec VariantResolver::resolve(const ScenarioVariant& v,
                                              const planner::EvaluationParams& base) {
  planner::VariantSpec r;
  r.name = v.name;
  r.params = base;
  apply_params(v.params, r.params, m_file.path, v.pos, "variant '" + v.name + "'");
  r.areas = scenario_areas(m_file.areas);
  if (v.site) {
    r.site =
        planner::SiteRequest{*planner::parse_siting_model(v.site->model), v.site->k, v.site->tier};
  }
  resolve_ids(v, r);
  resolve_shapes(v, r);
  if (v.footpath_snap_m) r.network.footpath_snap_m = *v.footpath_snap_m;
  r.network.speed_factor = v.speed_factor;
  resolve_layers(v, r);
  resolve_capacities(v, r);
  return r;
}

void VariantResolver::resolve_capacities(const ScenarioVariant& v, planner::VariantSpec& r) const {
  for (const auto& c : v.set_capacity) {
    const std::string& id = c.value.first;
    const bool added = std::any_of(r.centers.add.begin(), r.centers.add.end(),
                                   [&](const planner::Center& a) { return a.id == id; });
    if (!added && !planner::unknown_center_ids(m_loaded.inputs.centers, {id}).empty()) {
      throw_scenario_error(m_file.path, c.pos,
                           "variant '" + v.name + "': set-capacity: no center has id '" + id +
                               "' (ids are the centers layer's id field, or an added center's)");
    }
    r.centers.set_capacity.push_back(c.value);
  }
}

void VariantResolver::resolve_ids(const ScenarioVariant& v, planner::VariantSpec& r) const {
  for (const auto& c : v.close_centers) {
    if (!planner::unknown_center_ids(m_loaded.inputs.centers, {c.value}).empty()) {
      throw_scenario_error(
          m_file.path, c.pos,
          "variant '" + v.name + "': close-centers: no center has id '" + c.value +
              "' (ids are the centers layer's id field; see the base result's centers layer)");
    }
    r.centers.close.push_back(c.value);
  }
  for (const auto& road : v.close_roads) {
    if (!planner::unknown_road_ids(m_loaded.inputs.roads, {road.value}).empty()) {
      throw_scenario_error(m_file.path, road.pos,
                           "variant '" + v.name + "': close-roads: no road has id " +
                               std::to_string(road.value) +
                               " (the road id field, or the OSM way id)");
    }
    r.network.close_roads.push_back(road.value);
  }
}

void VariantResolver::resolve_shapes(const ScenarioVariant& v, planner::VariantSpec& r) {
  for (const CenterSpec& c : v.add_centers) {
    // lon/lat follow the centers' --gcj02 setting: picked on the same web map as the centers.
    const bool gcj02 = c.lonlat && m_file.inputs.gcj02.has("centers");
    const planner::XY xy = to_run(c.lonlat ? std::string("EPSG:4326") : m_file.edit_crs,
                                  gcj02 ? gcj02_to_wgs84(c.xy) : c.xy, c.pos, v.name);
    planner::Center center{c.id, c.name, c.tier, xy};
    center.capacity = c.capacity;
    r.centers.add.push_back(std::move(center));
  }
  for (const ShapeSpec& s : v.barriers) {
    for (planner::LineString l : s.lines) {
      for (planner::XY& p : l) p = to_run(m_file.edit_crs, p, s.pos, v.name);
      r.network.barrier_lines.push_back(std::move(l));
    }
    for (planner::Polygon poly : s.polygons) {
      for (planner::XY& p : poly.outer) p = to_run(m_file.edit_crs, p, s.pos, v.name);
      for (auto& hole : poly.holes) {
        for (planner::XY& p : hole) p = to_run(m_file.edit_crs, p, s.pos, v.name);
      }
      r.network.barrier_polygons.push_back(std::move(poly));
    }
  }
  for (const ShapeSpec& s : v.footpaths) {
    for (planner::LineString l : s.lines) {
      for (planner::XY& p : l) p = to_run(m_file.edit_crs, p, s.pos, v.name);
      r.network.footpaths.push_back(std::move(l));
    }
  }
}

// Layers: read in lon/lat like every input, then projected into the run CRS.
void VariantResolver::resolve_layers(const ScenarioVariant& v, planner::VariantSpec& r) const {
  if (v.add_center_layers.empty() && v.barrier_layers.empty() && v.footpath_layers.empty()) return;
  planner::Inputs barriers, footpaths;
  const ReadSettings& settings = m_file.inputs.settings;
  // Each layer projected on its own, so a point that cannot be names its file and layer.
  // Added centers follow the centers' --gcj02 setting, barriers and footpaths the roads'.
  auto project_layer = [&](planner::Inputs& read, const LayerSpec& l, planner::Inputs& into,
                           std::string_view gcj02_role) {
    if (m_file.inputs.gcj02.has(gcj02_role)) convert_gcj02_to_wgs84(read);
    const InputSource source{"", DataLocation{l.ref.path, l.ref.layer, std::nullopt, ""}, ""};
    project_inputs(read, m_loaded.run_crs, InputSources::all(source));
    for (planner::Center& c : read.centers) into.centers.push_back(std::move(c));
    for (planner::RoadLine& rl : read.roads) into.roads.push_back(std::move(rl));
    for (planner::Community& c : read.communities) into.communities.push_back(std::move(c));
  };
  for (const LayerSpec& l : v.add_center_layers) {
    planner::Inputs read;
    read.centers = read_centers(l.ref, l.fields, settings);
    project_layer(read, l, barriers, "centers");
  }
  for (const LayerSpec& l : v.barrier_layers) {
    planner::Inputs read;
    read_barrier_layer(l, settings, read);
    project_layer(read, l, barriers, "roads");
  }
  for (const LayerSpec& l : v.footpath_layers) {
    planner::Inputs read;
    read.roads = read_roads(l.ref, {}, settings);
    project_layer(read, l, footpaths, "roads");
  }
  for (planner::Center& c : barriers.centers) r.centers.add.push_back(std::move(c));
  for (planner::RoadLine& l : barriers.roads) r.network.barrier_lines.push_back(l.points);
  for (planner::Community& c : barriers.communities) {
    for (planner::Polygon& p : c.shape) r.network.barrier_polygons.push_back(std::move(p));
  }
  for (planner::RoadLine& l : footpaths.roads) r.network.footpaths.push_back(l.points);
}

planner::XY VariantResolver::to_run(const std::string& crs, planner::XY p, SourcePos pos,
                                    const std::string& variant) {
  auto it = m_transforms.find(crs);
  try {
    if (it == m_transforms.end()) {
      it = m_transforms.emplace(crs, CrsTransform::create(crs, m_loaded.run_crs)).first;
    }
    return it->second.apply(p);
  } catch (const CrsError& e) {
    throw_scenario_error(m_file.path, pos,
                         "variant '" + variant +
                             "': coordinates cannot be put in the run CRS (edit-crs is " +
                             m_file.edit_crs + "): " + e.what());
  }
}

}  // namespace io
