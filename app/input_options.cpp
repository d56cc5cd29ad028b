#include "app/input_options.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include "app/usage_error.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"

namespace app {
namespace {

void add_layer(CLI::App& cmd, const std::string& role, io::LayerRef& ref, const std::string& what) {
  cmd.add_option("--" + role, ref.path,
                 what + ": any OGR dataset (GeoPackage, Shapefile, GeoJSON...)");
  cmd.add_option("--" + role + "-layer", ref.layer,
                 "layer of --" + role + " (default: the dataset's only or first layer)");
}

void warn(const std::string& option, const io::ReadReport& report, const std::string& what) {
  std::fprintf(stderr, "circleplan: warning: %s: %s\n", option.c_str(),
               io::describe(report.layer, what).c_str());
}

std::string feature_list(const std::vector<std::int64_t>& fids, std::size_t total) {
  std::string out;
  for (const std::int64_t fid : fids) {
    out += out.empty() ? "features " : ", ";
    out += std::to_string(fid);
  }
  if (total > fids.size()) out += ", ...";
  return out;
}

/// Roads and blocks are what every figure is made of: a layer that yields none is an error.
void require_features(const std::string& option, const io::ReadReport& r, std::size_t read,
                      const std::string& items) {
  if (read > 0) return;
  throw io::InputError(option, r.layer,
                       "no usable " + items + ": the layer has " + std::to_string(r.features) +
                           " features, " + std::to_string(r.null_geometry + r.empty_geometry) +
                           " of them without geometry; check the file and the " + option +
                           "-layer name");
}

}  // namespace

/// Nothing is dropped silently: every skipped feature or part and every repaired polygon is
/// said on stderr, with the first feature ids, so the planner can fix them in GIS.
void report_read(const std::string& option, const io::ReadReport& r) {
  const std::size_t skipped = r.null_geometry + r.empty_geometry;
  if (skipped > 0) {
    warn(option, r,
         std::to_string(skipped) + " features without geometry (null or empty) skipped (" +
             feature_list(r.skipped_features, skipped) +
             "); draw their geometry or delete them if they matter");
  }
  if (r.degenerate_parts > 0) {
    warn(option, r,
         std::to_string(r.degenerate_parts) +
             " parts left out: lines with fewer than 2 points or rings with fewer than 4; "
             "redraw them if they matter");
  }
  if (r.collections > 0) {
    warn(option, r,
         std::to_string(r.collections) +
             " GeometryCollections read as the multi-geometry of their parts");
  }
  if (r.invalid_polygons > 0) {
    std::string list;
    for (const std::string& example : r.invalid_examples) list += "; " + example;
    if (r.invalid_polygons > r.invalid_examples.size()) list += "; ...";
    warn(option, r,
         std::to_string(r.invalid_polygons) +
             " invalid polygons will be repaired with GEOS MakeValid (fix them in GIS, or stop on "
             "them with --fail-on-invalid)" +
             list);
  }
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  add_layer(cmd, "roads", o.roads,
            "walkable lines, or an OSM extract (.osm.pbf/.osm) read by docs/walkable.md");
  add_layer(cmd, "centers", o.centers, "service centers (points or polygons)");
  add_layer(cmd, "blocks", o.blocks, "residential blocks (polygons)");
  add_layer(cmd, "entrances", o.entrances, "gates of gated compounds (points), optional");
  add_layer(cmd, "communities", o.communities, "community (社区) boundaries (polygons), optional");

  cmd.add_option("--road-id-field", o.road_fields.id,
                 "road id field (default: id, osm_id; else FID)");
  cmd.add_option("--source-field", o.road_fields.source,
                 "road topology: source vertex id field (default: source, with target)");
  cmd.add_option("--target-field", o.road_fields.target, "road topology: target vertex id field");
  cmd.add_option("--center-id-field", o.center_fields.id,
                 "center id field (default: center_id, id, osm_id; else FID)");
  cmd.add_option("--center-name-field", o.center_fields.name, "center name field (default: name)");
  cmd.add_option("--tier-field", o.center_fields.tier, "center tier field (default: tier, level)");
  cmd.add_option("--block-id-field", o.block_fields.id,
                 "block id field (default: block_id, id, osm_id; else FID)");
  cmd.add_option("--block-name-field", o.block_fields.name, "block name field (default: name)");
  cmd.add_option("--pop-field", o.block_fields.population,
                 "block population field (default: pop, population, POP, 人口; without one the "
                 "figures are block counts and areas)");
  cmd.add_option("--community-field", o.block_fields.community,
                 "block field naming its community (default: community, comm_id)");
  cmd.add_option("--entrance-block-field", o.entrance_fields.block_id,
                 "entrance field naming its block (default: block_id; absent: by location)");
  cmd.add_option("--community-id-field", o.community_fields.id,
                 "community id field (default: comm_id, id, osm_id; else FID)");
  cmd.add_option("--community-name-field", o.community_fields.name,
                 "community name field (default: name)");

  cmd.add_option("--encoding", o.settings.encoding,
                 "text encoding of inputs without a .cpg, e.g. GBK (default: as GDAL reads it)");
  cmd.add_option(
      "--assume-crs", o.settings.assume_crs,
      "CRS for layers that carry none, e.g. EPSG:4326 (default: such a layer is an error)");
  cmd.add_flag("--fail-on-invalid", o.settings.fail_on_invalid,
               "an invalid block or community polygon is an error (default: repaired with GEOS "
               "MakeValid and counted as a warning)");
  cmd.add_option(
      "--crs", o.crs,
      "metric CRS to work in, e.g. EPSG:4549 for Kunshan (default: UTM zone of the data)");
  cmd.add_flag("--gcj02", o.gcj02,
               "inputs are GCJ-02 lon/lat from Chinese web maps: convert to WGS84");
  cmd.add_option("--length-model", o.length_model, "edge lengths: ellipsoid | haversine | planar")
      ->check(CLI::IsMember({"ellipsoid", "haversine", "planar"}))
      ->capture_default_str();
  cmd.add_option("--node-tolerance", o.node_tolerance_m,
                 "metres within which line points are one vertex (lines without topology)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

LoadedInputs load_inputs(const InputOptions& o, StageTimer& timer) {
  LoadedInputs out;
  planner::Inputs& in = out.inputs;
  io::InputSources sources;  // named by a point that cannot be projected
  timer.start("read");
  if (o.roads.path.empty()) throw UsageError("--roads is required");
  const bool osm = io::is_osm_path(o.roads.path);
  if (!osm && o.centers.path.empty()) {
    throw UsageError("--centers is required (unless --roads is an OSM extract)");
  }
  if (!osm && o.blocks.path.empty()) {
    throw UsageError("--blocks is required (unless --roads is an OSM extract)");
  }
  if (osm) {
    io::OsmExtract extract = read_role("--roads", [&] { return io::read_osm(o.roads.path); });
    in.roads = std::move(extract.roads);
    out.missing_osm_node_refs = extract.missing_node_refs;
    const io::InputSource from_extract{"--roads", io::DataLocation{o.roads.path, "", {}, ""}, ""};
    sources.roads = sources.blocks = sources.centers = from_extract;
    if (in.roads.empty()) {
      throw io::InputError("--roads", io::DataLocation{o.roads.path, "", std::nullopt, ""},
                           "the extract has no walkable ways (docs/walkable.md); check that it "
                           "covers the study area");
    }
    if (o.blocks.path.empty()) {
      in.blocks = std::move(extract.blocks);
      out.blocks_from_extract = true;
    }
    if (o.centers.path.empty()) {
      in.centers = std::move(extract.centers);
      out.centers_from_extract = true;
    }
  } else {
    io::ReadReport report;
    in.roads = read_role(
        "--roads", [&] { return io::read_roads(o.roads, o.road_fields, o.settings, report); });
    report_read("--roads", report);
    sources.roads = {"--roads", report.layer, ""};
    require_features("--roads", report, in.roads.size(), "lines");
  }
  if (!o.centers.path.empty()) {
    io::ReadReport report;
    in.centers = read_role(o.centers_option, [&] {
      return io::read_centers(o.centers, o.center_fields, o.settings, report);
    });
    report_read(o.centers_option, report);
    sources.centers = {o.centers_option, report.layer, ""};
    // Not an error: `site` may plan every station from scratch.
    if (in.centers.empty()) warn(o.centers_option, report, "no centers: every block is uncovered");
  }
  if (!o.blocks.path.empty()) {
    io::ReadReport report;
    in.blocks = read_role(
        "--blocks", [&] { return io::read_blocks(o.blocks, o.block_fields, o.settings, report); });
    report_read("--blocks", report);
    sources.blocks = {"--blocks", report.layer, ""};
    require_features("--blocks", report, in.blocks.size(), "polygons");
  }
  if (!o.entrances.path.empty()) {
    io::ReadReport report;
    in.entrances = read_role("--entrances", [&] {
      return io::read_entrances(o.entrances, o.entrance_fields, o.settings, report);
    });
    report_read("--entrances", report);
    sources.entrances = {"--entrances", report.layer, ""};
    if (in.entrances.empty()) warn("--entrances", report, "no entrances in the layer");
  }
  if (!o.communities.path.empty()) {
    io::ReadReport report;
    in.communities = read_role("--communities", [&] {
      return io::read_communities(o.communities, o.community_fields, o.settings, report);
    });
    report_read("--communities", report);
    sources.communities = {"--communities", report.layer, ""};
    if (in.communities.empty()) warn("--communities", report, "no communities in the layer");
  }

  timer.start("project");
  if (o.gcj02) io::convert_gcj02_to_wgs84(in);
  auto model = io::parse_length_model(o.length_model);
  if (!model) throw UsageError("--length-model must be ellipsoid, haversine or planar");
  out.length_model = *model;
  io::measure_lonlat(in.roads, out.length_model);
  out.run_crs = io::choose_run_crs(o.crs, in);
  io::project_inputs(in, out.run_crs, sources);
  if (out.length_model == io::LengthModel::planar) io::measure_planar(in.roads);
  return out;
}

}  // namespace app
