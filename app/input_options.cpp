#include "app/input_options.h"

#include "app/range_check.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace app {

void add_layer_encoding(CLI::App& cmd, const std::string& role, io::LayerRef& ref) {
  ref.encoding_option = "--" + role + "-encoding";
  cmd.add_option(ref.encoding_option, ref.encoding,
                 "text encoding of --" + role +
                     ", e.g. GBK (wins over its .cpg and --encoding; default: as docs/formats.md "
                     "says: declared, UTF-8 by format, --encoding, else detected)");
}

namespace {

void add_layer(CLI::App& cmd, const std::string& role, io::LayerRef& ref, const std::string& what) {
  cmd.add_option("--" + role, ref.path,
                 what + ": any OGR dataset (GeoPackage, Shapefile, GeoJSON...)");
  cmd.add_option("--" + role + "-layer", ref.layer,
                 "layer of --" + role + " (default: the dataset's only or first layer)");
  add_layer_encoding(cmd, role, ref);
}

/// A kind of reporting unit (community, grid, subdistrict): its name in options, the default id
/// field of its boundary layer, and the default block fields naming it.
struct UnitWords {
  const char* unit;
  const char* id_default;
  const char* block_defaults;
};

/// --<unit>-field (on blocks), --<unit>-id-field and --<unit>-name-field (on the boundaries).
void add_unit_fields(CLI::App& cmd, const UnitWords& w, std::string& block_field,
                     io::FieldMap& boundary_fields) {
  const std::string unit = w.unit;
  cmd.add_option("--" + unit + "-field", block_field,
                 "block field naming its " + unit + " (default: " + w.block_defaults +
                     "; absent: by overlap)");
  cmd.add_option("--" + unit + "-id-field", boundary_fields.id,
                 unit + " id field (default: " + w.id_default +
                     ", id, osm_id; else FID); its values are what --" + unit +
                     "-field names (blocks naming none of them: a warning)");
  cmd.add_option("--" + unit + "-name-field", boundary_fields.name,
                 unit + " name field (default: name)");
}

/// --demand-points and its layer, weight field and snap distance (docs/user-guide.md).
void add_demand_point_options(CLI::App& cmd, io::DemandPointOptions& d) {
  add_layer(cmd, "demand-points", d.points,
            "service requests (points, e.g. 12345 hotline or 城事通 records), optional: summed "
            "per block into the blocks' requests field");
  cmd.add_option("--demand-points-weight", d.weight_field,
                 "field of --demand-points holding each point's weight (default: each point "
                 "weighs 1; an empty or negative value is an error)");
  cmd.add_option("--demand-snap-m", d.snap_m,
                 "metres a demand point outside every block may lie from the nearest block and "
                 "still count for it (farther: unassigned)")
      ->check(in_range(planner::demand_snap_range))
      ->capture_default_str();
}

}  // namespace

void add_gcj02_option(CLI::App& cmd, io::Gcj02Layers& layers) {
  std::string names;
  for (const std::string_view name : io::Gcj02Layers::names()) {
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  // An optional value: bare --gcj02 (all layers, as before the list existed) or a list.
  cmd.add_option_function<std::string>(
         "--gcj02",
         [&layers](const std::string& list) {
           try {
             layers =
                 list.empty() ? io::Gcj02Layers::all() : io::Gcj02Layers::parse(list, "--gcj02");
           } catch (const std::invalid_argument& e) {
             throw CLI::ValidationError(e.what());
           }
         },
         "[LAYERS] these input layers are GCJ-02 lon/lat from Chinese web maps (Amap/Gaode, "
         "Tencent): convert them to WGS84. Alone: every layer; or a comma-separated list of " +
             names + ", e.g. --gcj02 centers (OSM roads stay WGS84)")
      ->expected(0, 1);
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  add_layer(cmd, "roads", o.roads,
            "walkable lines, or an OSM extract (.osm.pbf/.osm) read by docs/walkable.md");
  add_layer(cmd, "centers", o.centers, "service centers (points or polygons)");
  add_layer(cmd, "blocks", o.blocks, "residential blocks (polygons)");
  add_layer(cmd, "entrances", o.entrances, "gates of gated compounds (points), optional");
  add_layer(cmd, "communities", o.communities, "community (社区) boundaries (polygons), optional");
  add_layer(cmd, "grids", o.grids,
            "grid (网格) boundaries (polygons), optional: the grids layer, its service points and "
            "compliance by grid (docs/standards.md)");
  add_layer(cmd, "subdistricts", o.subdistricts,
            "subdistrict (街道/镇) boundaries (polygons), optional: compliance by subdistrict");

  cmd.add_option("--road-id-field", o.road_fields.id,
                 "road id field (default: id, osm_id; else FID)");
  cmd.add_option("--source-field", o.road_fields.source,
                 "road topology: source vertex id field (default: source, with target)");
  cmd.add_option("--target-field", o.road_fields.target, "road topology: target vertex id field");
  cmd.add_option("--center-id-field", o.center_fields.id,
                 "center id field (default: center_id, id, osm_id; else FID)");
  cmd.add_option("--center-name-field", o.center_fields.name, "center name field (default: name)");
  cmd.add_option("--tier-field", o.center_fields.tier, "center tier field (default: tier, level)");
  cmd.add_option("--capacity-field", o.center_fields.capacity,
                 "center capacity field, e.g. floor area, staff or seats (default: capacity, 容量; "
                 "used by --access, docs/accessibility.md, and by site --model cmclp, cpmedian)");
  cmd.add_option("--block-id-field", o.block_fields.id,
                 "block id field (default: block_id, id, osm_id; else FID)");
  cmd.add_option("--block-name-field", o.block_fields.name, "block name field (default: name)");
  cmd.add_option("--pop-field", o.block_fields.population,
                 "block population field (default: pop, population, POP, 人口; without one the "
                 "figures are block counts and areas)");
  cmd.add_option("--entrance-block-field", o.entrance_fields.block_id,
                 "entrance field naming its block (default: block_id; absent: by location)");
  add_unit_fields(cmd, {"community", "comm_id", "community, comm_id, 社区"},
                  o.block_fields.community, o.community_fields);
  add_unit_fields(cmd, {"grid", "grid_id", "grid, grid_id, 网格"}, o.block_fields.grid,
                  o.grid_fields);
  add_unit_fields(cmd, {"subdistrict", "subdist_id", "subdistrict, subdist_id, 街道"},
                  o.block_fields.subdistrict, o.subdistrict_fields);

  add_demand_point_options(cmd, o.demand_points);

  cmd.add_option("--encoding", o.settings.encoding,
                 "text encoding of every Shapefile without .cpg (and other layers that do not "
                 "declare one; not CSV, GeoPackage, GeoJSON: UTF-8), e.g. GBK (default: detected: "
                 "UTF-8, else GBK with a warning; one layer: --<role>-encoding)");
  cmd.add_option(
      "--assume-crs", o.settings.assume_crs,
      "CRS for layers that carry none, e.g. EPSG:4326 (default: such a layer is an error)");
  cmd.add_flag("--fail-on-invalid", o.settings.fail_on_invalid,
               "an invalid block or community polygon is an error (default: repaired with GEOS "
               "MakeValid and counted as a warning)");
  cmd.add_option(
      "--crs", o.crs,
      "metric CRS to work in, e.g. EPSG:4549 for Kunshan (default: UTM zone of the data)");
  add_gcj02_option(cmd, o.gcj02);
  cmd.add_option("--length-model", o.length_model, "edge lengths: ellipsoid | haversine | planar")
      ->check(CLI::IsMember({"ellipsoid", "haversine", "planar"}))
      ->capture_default_str();
  cmd.add_option("--node-tolerance", o.node_tolerance_m,
                 "metres within which line points are one vertex (lines without topology)")
      ->check(in_range(planner::node_tolerance_range))
      ->capture_default_str();
}

}  // namespace app
