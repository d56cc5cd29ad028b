// Reading a scenario file (TOML, docs/scenarios.md) into plain values: the inputs and parameters
// of the base run, as the command line's long option names, and the named variants with their
// edits. Only the file is checked here (keys, types, values, WKT); ids are checked against the
// data once it is loaded, with the positions kept here, so every error names file, line and
// column. Paths in the file are relative to the file's folder.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/crs/gcj02_layers.h"
#include "io/gdal/layer_reader.h"
#include "io/tables/reach_edges_layer.h"
#include "planner/areas/service_areas.h"
#include "planner/coverage/access_params.h"
#include "planner/geometry.h"
#include "planner/parameters.h"

namespace io {

/// Where a value stands in the scenario file (1-based; 0: unknown).
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

template <class T>
struct Located {
  T value;
  SourcePos pos;
};

/// The input options of `evaluate`, read from the file.
struct ScenarioInputs {
  LayerRef roads, centers, blocks, entrances, communities, grids, subdistricts;
  FieldMap road_fields, center_fields, block_fields, entrance_fields, community_fields, grid_fields,
      subdistrict_fields;
  ReadSettings settings;
  std::string crs;
  Gcj02Layers gcj02;  ///< `gcj02 = true` (every layer) or `gcj02 = ["centers", ...]`
  std::string length_model = "ellipsoid";
  double node_tolerance_m = planner::default_node_tolerance_m;
};

/// Evaluation parameters; unset: the command line's default (base) or the base's value (variant).
struct ScenarioParams {
  std::optional<double> speed_kmh, cover_minutes, max_snap_m, sample_spacing_m,
      search_limit_minutes;
  std::optional<std::vector<double>> minutes;
  /// `standard`: a service standard file (docs/standards.md), relative to the scenario file.
  std::optional<Located<std::string>> standard;
  /// `access`, `access-minutes`, `access-steps` (docs/accessibility.md): the methods (checked
  /// words, no repeats), the catchment and E2SFCA's steps (parsed, checked against t0 once the
  /// run's cover threshold is known).
  std::optional<Located<std::vector<planner::AccessMethod>>> access;
  std::optional<Located<double>> access_minutes;
  std::optional<Located<std::vector<planner::AccessStep>>> access_steps;
};

/// A center added by coordinates: lon/lat (WGS84) or x/y in the file's edit-crs.
struct CenterSpec {
  std::string id, name, tier;
  planner::XY xy;
  bool lonlat = false;
  SourcePos pos;
  std::optional<double> capacity{};  ///< `capacity` (>= 0); none: counts as 0 in access scores
};

/// A layer given in the file, with its field mapping (centers: id/name/tier fields).
struct LayerSpec {
  LayerRef ref;
  FieldMap fields;
  SourcePos pos;
};

/// A barrier or footpath geometry from WKT, in the file's edit-crs.
struct ShapeSpec {
  std::vector<planner::LineString> lines;
  planner::MultiPolygon polygons;
  SourcePos pos;
};

struct SiteSpec {
  std::uint32_t k = 1;
  std::string model = "mclp";
  std::string tier;  ///< tier value of the new centers (a service standard counts them by it)
  SourcePos pos;
};

struct ScenarioVariant {
  std::string name;
  SourcePos pos;
  ScenarioParams params;
  std::vector<CenterSpec> add_centers;
  std::vector<LayerSpec> add_center_layers;
  std::vector<Located<std::string>> close_centers;
  std::vector<Located<std::int64_t>> close_roads;
  std::vector<ShapeSpec> barriers;        ///< close-crossing: lines and polygons
  std::vector<LayerSpec> barrier_layers;  ///< close-crossing-layer: lines or polygons
  std::vector<ShapeSpec> footpaths;       ///< add-footpaths: lines only
  std::vector<LayerSpec> footpath_layers;
  std::optional<double> footpath_snap_m;
  std::map<std::string, double> speed_factor;  ///< road class -> speed multiplier
  std::optional<SiteSpec> site;
  /// `set-capacity = { C12 = 800 }`: center id -> capacity (>= 0), by id.
  std::vector<Located<std::pair<std::string, double>>> set_capacity{};
};

/// Service-area options of `evaluate` (--service-areas, --bands, ...), for the base and every
/// variant alike.
struct ScenarioAreas {
  bool service_areas = false;
  planner::BandMode bands = planner::BandMode::rings;
  planner::Overlap overlap = planner::Overlap::per_center;
  planner::Hull hull = planner::Hull::none;
  std::optional<double> buffer_m, simplify_m;
  ReachEdges reach_edges{};  ///< the shape of reach_edges (key reach-edges)
};

struct ScenarioFile {
  std::string path;  ///< as given
  std::string name;  ///< the file's stem, used by batch
  ScenarioInputs inputs;
  ScenarioParams params;
  ScenarioAreas areas;
  std::string edit_crs = "EPSG:4326";  ///< CRS of x/y and WKT in the edits
  std::vector<ScenarioVariant> variants;
};

/// Reads and checks a scenario file. Throws InputError naming the file, line and column for a
/// TOML syntax error, an unknown key, a wrong type, a bad value or bad WKT; a missing file is an
/// InputError too.
ScenarioFile read_scenario(const std::string& path);

/// Checks a scenario given as text, exactly as read_scenario checks a file's contents; `path`
/// names it in errors and is the folder relative paths are resolved against. Nothing is read
/// from disk (the fuzz target tests/fuzz/scenario_file_fuzz.cpp uses it).
ScenarioFile parse_scenario(std::string_view text, const std::string& path);

/// An InputError about the scenario file at `pos`: "file 'x.toml': line 3, column 7: <what>".
[[noreturn]] void throw_scenario_error(const std::string& path, SourcePos pos,
                                       const std::string& what);

}  // namespace io
