#include "io/scenario/scenario_file.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <ogr_geometry.h>
#include <toml++/toml.h>

#include "io/errors.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/ogr_geometry.h"
#include "io/scenario/scenario_params.h"
#include "io/scenario/scenario_reader.h"
#include "io/scenario/service_area_words.h"
#include "planner/errors.h"
#include "planner/inputs.h"

namespace io {
namespace {

namespace fs = std::filesystem;
using scenario_detail::param_keys;
using scenario_detail::pos_of;
using scenario_detail::read_param;
using scenario_detail::Reader;

/// A capacity (`set-capacity`, an `add-centers` entry): a number in [0, 1e8]
/// (planner::max_center_capacity: sums stay finite).
double read_capacity(const Reader& r, const toml::node& v, std::string_view key) {
  const double c = r.number(v, key);
  if (!(c >= 0.0) || !(c <= planner::max_center_capacity)) {
    r.fail(v, "'" + std::string(key) +
                  "' must be a number >= 0 and at most 1e8 (a center's capacity)");
  }
  return c;
}

/// `gcj02 = true | false | ["centers", ...]` (--gcj02 [LAYERS]): which layers are GCJ-02.
Gcj02Layers read_gcj02(const Reader& r, const toml::node& v) {
  if (v.is_boolean()) return r.flag(v, "gcj02") ? Gcj02Layers::all() : Gcj02Layers{};
  if (!v.is_array()) r.wrong_type(v, "gcj02", "true, false or a list of layers [\"centers\", ...]");
  std::vector<std::string> words;
  for (const toml::node& word : *v.as_array()) words.push_back(r.text(word, "gcj02"));
  try {
    return Gcj02Layers::of(words, "'gcj02'");
  } catch (const std::invalid_argument& e) {
    r.fail(v, e.what());
  }
}

LayerSpec layer_spec(const Reader& r, const toml::node& v, std::string_view key, bool centers) {
  LayerSpec s;
  s.pos = pos_of(v.source());
  if (v.is_string()) {
    s.ref.path = r.path(v, key);
    return s;
  }
  std::set<std::string_view> known{"path", "layer", "encoding"};
  if (centers) known.insert({"id-field", "name-field", "tier-field", "capacity-field"});
  r.members(r.table(v, key), known, std::string("'") + std::string(key) + "'",
            [&](std::string_view k, const toml::node& x) {
              if (k == "path") s.ref.path = r.path(x, k);
              if (k == "layer") s.ref.layer = r.text(x, k);
              if (k == "encoding") s.ref.encoding = r.text(x, k);
              if (k == "id-field") s.fields.id = r.text(x, k);
              if (k == "name-field") s.fields.name = r.text(x, k);
              if (k == "tier-field") s.fields.tier = r.text(x, k);
              if (k == "capacity-field") s.fields.capacity = r.text(x, k);
            });
  if (s.ref.path.empty()) r.fail(v, std::string("'") + std::string(key) + "' needs a path");
  s.ref.encoding_option = "the key 'encoding' of '" + std::string(key) + "'";
  return s;
}

CenterSpec center_spec(const Reader& r, const toml::node& v) {
  CenterSpec c;
  c.pos = pos_of(v.source());
  std::optional<double> lon, lat, x, y;
  r.members(r.table(v, "add-centers"), {"id", "name", "tier", "lon", "lat", "x", "y", "capacity"},
            "an 'add-centers' entry", [&](std::string_view k, const toml::node& n) {
              if (k == "id") {
                c.id = n.is_integer() ? std::to_string(*n.value<std::int64_t>()) : r.text(n, k);
              }
              if (k == "name") c.name = r.text(n, k);
              if (k == "tier") c.tier = r.text(n, k);
              if (k == "lon") lon = r.number(n, k);
              if (k == "lat") lat = r.number(n, k);
              if (k == "x") x = r.number(n, k);
              if (k == "y") y = r.number(n, k);
              if (k == "capacity") c.capacity = read_capacity(r, n, k);
            });
  if (c.id.empty()) r.fail(v, "an 'add-centers' entry needs an id");
  if (lon && lat && !x && !y) {
    c.xy = {*lon, *lat};
    c.lonlat = true;
    if (std::abs(*lat) > 90.0 || std::abs(*lon) > 180.0) {
      r.fail(v, "center '" + c.id + "': lon/lat out of range (lon first, then lat)");
    }
  } else if (x && y && !lon && !lat) {
    c.xy = {*x, *y};
  } else {
    r.fail(v, "center '" + c.id + "' needs either lon and lat, or x and y (in edit-crs)");
  }
  return c;
}

ScenarioVariant read_variant(const Reader& r, const toml::node& node, std::size_t index) {
  ScenarioVariant var;
  var.pos = pos_of(node.source());
  const toml::table& t = r.table(node, "variant");
  std::set<std::string_view> known{"name",
                                   "add-centers",
                                   "add-centers-layer",
                                   "close-centers",
                                   "close-roads",
                                   "close-crossing",
                                   "close-crossing-layer",
                                   "add-footpaths",
                                   "add-footpaths-layer",
                                   "footpath-snap",
                                   "speed-factor",
                                   "site",
                                   "set-capacity"};
  known.insert(param_keys.begin(), param_keys.end());
  r.members(t, known, "a [[variant]]", [&](std::string_view k, const toml::node& v) {
    if (read_param(r, k, v, var.params)) return;
    if (k == "name") {
      var.name = r.text(v, k);
      if (var.name.empty() || var.name == "base" || var.name == "summary" ||
          var.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "0123456789_-") != std::string::npos) {
        r.fail(v, "variant name '" + var.name +
                      "' must be letters, digits, '-' or '_' (it names output files), and not "
                      "'base' or 'summary'");
      }
    } else if (k == "add-centers") {
      for (const toml::node& c : r.array(v, k)) var.add_centers.push_back(center_spec(r, c));
    } else if (k == "add-centers-layer") {
      var.add_center_layers.push_back(layer_spec(r, v, k, true));
    } else if (k == "close-centers") {
      for (const toml::node& c : r.array(v, k)) {
        const std::string id =
            c.is_integer() ? std::to_string(*c.value<std::int64_t>()) : r.text(c, k);
        var.close_centers.push_back({id, pos_of(c.source())});
      }
    } else if (k == "close-roads") {
      for (const toml::node& c : r.array(v, k)) {
        var.close_roads.push_back({r.integer(c, k), pos_of(c.source())});
      }
    } else if (k == "close-crossing") {
      for (const toml::node& c : r.array(v, k)) var.barriers.push_back(r.wkt(c, k));
    } else if (k == "close-crossing-layer") {
      var.barrier_layers.push_back(layer_spec(r, v, k, false));
    } else if (k == "add-footpaths") {
      for (const toml::node& c : r.array(v, k)) {
        ShapeSpec s = r.wkt(c, k);
        if (!s.polygons.empty()) r.fail(c, "'add-footpaths' takes lines, not polygons");
        var.footpaths.push_back(std::move(s));
      }
    } else if (k == "add-footpaths-layer") {
      var.footpath_layers.push_back(layer_spec(r, v, k, false));
    } else if (k == "footpath-snap") {
      var.footpath_snap_m = r.number_in(v, planner::footpath_snap_range);
    } else if (k == "speed-factor") {
      for (auto&& [cls, f] : r.table(v, k)) {
        const double factor = r.number(f, "speed-factor");
        const std::string message = planner::range_error(planner::speed_factor_range, factor);
        if (!message.empty()) r.fail(f, "road class '" + std::string(cls.str()) + "': " + message);
        var.speed_factor[std::string(cls.str())] = factor;
      }
    } else if (k == "set-capacity") {
      for (auto&& [id, c] : r.table(v, k)) {
        var.set_capacity.push_back(
            {{std::string(id.str()), read_capacity(r, c, "set-capacity")}, pos_of(c.source())});
      }
    } else if (k == "site") {
      SiteSpec s;
      s.pos = pos_of(v.source());
      r.members(r.table(v, k), {"k", "model", "tier"}, "'site'",
                [&](std::string_view sk, const toml::node& sv) {
                  if (sk == "k") {
                    const std::int64_t kk = r.integer(sv, "site.k");
                    if (kk < 1 || kk > 1000) r.fail(sv, "'site.k' must be between 1 and 1000");
                    s.k = static_cast<std::uint32_t>(kk);
                  } else if (sk == "tier") {
                    s.tier = r.text(sv, "site.tier");
                  } else {
                    s.model = r.text(sv, "site.model");
                    if (s.model != "mclp" && s.model != "pmedian" && s.model != "pcenter") {
                      r.fail(sv, "'site.model' must be mclp, pmedian or pcenter");
                    }
                  }
                });
      var.site = s;
    }
  });
  if (var.name.empty()) r.fail(node, "variant " + std::to_string(index + 1) + " needs a name");
  return var;
}

void read_top(const Reader& r, const toml::table& root, ScenarioFile& out) {
  ScenarioInputs& in = out.inputs;
  // Every top-level key and where its value goes: the command line's long option names.
  const std::map<std::string_view, std::string*> texts{
      {"roads-layer", &in.roads.layer},
      {"centers-layer", &in.centers.layer},
      {"blocks-layer", &in.blocks.layer},
      {"entrances-layer", &in.entrances.layer},
      {"communities-layer", &in.communities.layer},
      {"grids-layer", &in.grids.layer},
      {"subdistricts-layer", &in.subdistricts.layer},
      {"road-id-field", &in.road_fields.id},
      {"source-field", &in.road_fields.source},
      {"target-field", &in.road_fields.target},
      {"center-id-field", &in.center_fields.id},
      {"center-name-field", &in.center_fields.name},
      {"tier-field", &in.center_fields.tier},
      {"capacity-field", &in.center_fields.capacity},
      {"block-id-field", &in.block_fields.id},
      {"block-name-field", &in.block_fields.name},
      {"pop-field", &in.block_fields.population},
      {"community-field", &in.block_fields.community},
      {"entrance-block-field", &in.entrance_fields.block_id},
      {"community-id-field", &in.community_fields.id},
      {"community-name-field", &in.community_fields.name},
      {"grid-field", &in.block_fields.grid},
      {"grid-id-field", &in.grid_fields.id},
      {"grid-name-field", &in.grid_fields.name},
      {"subdistrict-field", &in.block_fields.subdistrict},
      {"subdistrict-id-field", &in.subdistrict_fields.id},
      {"subdistrict-name-field", &in.subdistrict_fields.name},
      {"encoding", &in.settings.encoding},
      {"roads-encoding", &in.roads.encoding},
      {"centers-encoding", &in.centers.encoding},
      {"blocks-encoding", &in.blocks.encoding},
      {"entrances-encoding", &in.entrances.encoding},
      {"communities-encoding", &in.communities.encoding},
      {"grids-encoding", &in.grids.encoding},
      {"subdistricts-encoding", &in.subdistricts.encoding},
      {"assume-crs", &in.settings.assume_crs},
      {"crs", &in.crs},
      {"edit-crs", &out.edit_crs},
  };
  const std::map<std::string_view, std::string*> paths{{"roads", &in.roads.path},
                                                       {"centers", &in.centers.path},
                                                       {"blocks", &in.blocks.path},
                                                       {"entrances", &in.entrances.path},
                                                       {"communities", &in.communities.path},
                                                       {"grids", &in.grids.path},
                                                       {"subdistricts", &in.subdistricts.path}};
  std::set<std::string_view> known{"gcj02",         "length-model", "node-tolerance", "variant",
                                   "service-areas", "bands",        "overlap",        "hull",
                                   "buffer-m",      "simplify-m",   "reach-edges"};
  for (const auto& [k, p] : texts) known.insert(k);
  for (const auto& [k, p] : paths) known.insert(k);
  known.insert(param_keys.begin(), param_keys.end());

  r.members(root, known, "the scenario", [&](std::string_view k, const toml::node& v) {
    if (auto it = texts.find(k); it != texts.end()) {
      *it->second = r.text(v, k);
    } else if (auto pt = paths.find(k); pt != paths.end()) {
      *pt->second = r.path(v, k);
    } else if (k == "gcj02") {
      in.gcj02 = read_gcj02(r, v);
    } else if (k == "length-model") {
      in.length_model = r.text(v, k);
      if (in.length_model != "ellipsoid" && in.length_model != "haversine" &&
          in.length_model != "planar") {
        r.fail(v, "'length-model' must be ellipsoid, haversine or planar");
      }
    } else if (k == "service-areas") {
      out.areas.service_areas = r.flag(v, k);
    } else if (k == "bands") {
      out.areas.bands = r.word(v, k, band_words);
    } else if (k == "overlap") {
      out.areas.overlap = r.word(v, k, overlap_words);
    } else if (k == "hull") {
      out.areas.hull = r.word(v, k, hull_words);
    } else if (k == "reach-edges") {
      out.areas.reach_edges = r.word(v, k, reach_edges_words);
    } else if (k == "buffer-m") {
      out.areas.buffer_m = r.number_in(v, planner::buffer_range);
    } else if (k == "simplify-m") {
      out.areas.simplify_m = r.number_in(v, planner::simplify_range);
    } else if (k == "node-tolerance") {
      in.node_tolerance_m = r.number_in(v, planner::node_tolerance_range);
    } else if (k == "variant") {
      const toml::array& list = r.array(v, "variant (write [[variant]] tables)");
      std::set<std::string> names;
      for (std::size_t i = 0; i < list.size(); ++i) {
        ScenarioVariant var = read_variant(r, list[i], i);
        if (!names.insert(var.name).second) {
          r.fail(var.pos, "two variants are named '" + var.name + "'; rename one");
        }
        out.variants.push_back(std::move(var));
      }
    } else {
      read_param(r, k, v, out.params);
    }
  });
  if (in.roads.path.empty()) r.fail(SourcePos{1, 1}, "'roads' is required");
  for (const auto& [role, ref] : {std::pair<const char*, LayerRef*>{"roads", &in.roads},
                                  {"centers", &in.centers},
                                  {"blocks", &in.blocks},
                                  {"entrances", &in.entrances},
                                  {"communities", &in.communities},
                                  {"grids", &in.grids},
                                  {"subdistricts", &in.subdistricts}}) {
    ref->encoding_option = std::string("the scenario key ") + role + "-encoding";
  }
}

}  // namespace

void throw_scenario_error(const std::string& path, SourcePos pos, const std::string& what) {
  DataLocation where;
  where.file = path;
  std::string msg;
  if (pos.line > 0) {
    msg += "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) + ": ";
  }
  msg += what;
  throw InputError(where, msg);
}

namespace {

/// Parsing and the checks after it, shared by read_scenario and parse_scenario.
ScenarioFile scenario_from(std::string_view text, const std::string& path) {
  ScenarioFile out;
  out.path = path;
  out.name = fs::path(path).stem().string();
  const toml::table root = scenario_detail::parse_guarded_toml(text, path);
  read_top(Reader(path), root, out);
  return out;
}

}  // namespace

ScenarioFile read_scenario(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw_scenario_error(path, {}, "no such scenario file (check the path)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    throw_scenario_error(path, {}, "cannot read the scenario file (check its permissions)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return scenario_from(text.str(), path);
}

ScenarioFile parse_scenario(std::string_view text, const std::string& path) {
  return scenario_from(text, path);
}

}  // namespace io
