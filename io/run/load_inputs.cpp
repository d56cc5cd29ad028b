#include "io/run/load_inputs.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "io/run/match_warnings.h"

namespace io {
namespace {

void warn_about(const WarningSink& sink, const std::string& option, const ReadReport& report,
                const std::string& what) {
  warn(sink, option + ": " + describe(report.layer, what));
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

/// 1e8 as "1e8" rather than "100000000": the maximum as docs/errors.md writes it.
std::string format_maximum(double maximum) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", maximum);
  std::string out = text;
  if (const std::size_t plus = out.find("e+"); plus != std::string::npos) {
    out.erase(plus + 1, 1);
    while (out.size() > plus + 2 && out[plus + 1] == '0') out.erase(plus + 1, 1);
  }
  return out;
}

/// Roads and blocks are what every figure is made of: a layer that yields none is an error.
void require_features(const std::string& option, const ReadReport& r, std::size_t read,
                      const std::string& items) {
  if (read > 0) return;
  throw InputError(option, r.layer,
                   "no usable " + items + ": the layer has " + std::to_string(r.features) +
                       " features, " + std::to_string(r.null_geometry + r.empty_geometry) +
                       " of them without geometry; check the file and the " + option +
                       "-layer name");
}

/// An optional layer of reporting boundaries (communities, grids, subdistricts): a layer
/// that yields none is said, not an error.
void read_boundary_layer(const std::string& option, const LayerRef& ref, const FieldMap& fields,
                         BoundaryKind kind, const ReadSettings& settings, const WarningSink& sink,
                         std::vector<planner::Boundary>& into, InputSource& source,
                         std::vector<LayerRead>& layers) {
  if (ref.path.empty()) return;
  ReadReport report;
  into = read_role(option, [&] { return read_boundaries(ref, fields, settings, report, kind); });
  report_read(option, report, sink);
  layers.push_back({option, report.layer, report.features, report.use});
  source = {option, report.layer, source.item};
  if (into.empty()) warn_about(sink, option, report, "no " + option.substr(2) + " in the layer");
}

}  // namespace

/// Nothing is dropped silently: every skipped feature or part and every repaired polygon is
/// said on stderr, with the first feature ids, so the planner can fix them in GIS.
void report_read(const std::string& option, const ReadReport& r, const WarningSink& sink) {
  for (const std::string& note : r.use.notes) warn_about(sink, option, r, note);
  const std::size_t skipped = r.null_geometry + r.empty_geometry;
  if (skipped > 0) {
    warn_about(sink, option, r,
               std::to_string(skipped) + " features without geometry (null or empty) skipped (" +
                   feature_list(r.skipped_features, skipped) +
                   "); draw their geometry or delete them if they matter");
  }
  if (r.degenerate_parts > 0) {
    warn_about(sink, option, r,
               std::to_string(r.degenerate_parts) +
                   " parts left out: lines with fewer than 2 points or rings with fewer than 4; "
                   "redraw them if they matter");
  }
  if (r.collections > 0) {
    warn_about(sink, option, r,
               std::to_string(r.collections) +
                   " GeometryCollections read as the multi-geometry of their parts");
  }
  if (r.over_maximum > 0) {
    std::string list;
    for (const std::string& example : r.over_maximum_examples) {
      list += (list.empty() ? "" : ", ") + example;
    }
    if (r.over_maximum > r.over_maximum_examples.size()) list += ", ...";
    warn_about(sink, option, r,
               std::to_string(r.over_maximum) + " values of field '" + r.over_maximum_field +
                   "' above the maximum " + format_maximum(r.maximum) + " are read as missing (" +
                   list +
                   "); a no-data value such as 1.797e+308, or a unit slip? empty or correct "
                   "them (docs/errors.md §4)");
  }
  if (r.invalid_polygons > 0) {
    std::string list;
    for (const std::string& example : r.invalid_examples) list += "; " + example;
    if (r.invalid_polygons > r.invalid_examples.size()) list += "; ...";
    warn_about(
        sink, option, r,
        std::to_string(r.invalid_polygons) +
            " invalid polygons will be repaired with GEOS MakeValid (fix them in GIS, or stop on "
            "them with --fail-on-invalid)" +
            list);
  }
}

LoadedInputs load_inputs(const InputOptions& o, StageTimer& timer, const WarningSink& sink) {
  LoadedInputs out;
  planner::Inputs& in = out.inputs;
  InputSources sources;  // named by a point that cannot be projected
  timer.start("read");
  if (o.roads.path.empty()) throw UsageError("--roads is required");
  const bool osm = is_osm_path(o.roads.path);
  if (!osm && o.centers.path.empty() && !o.centers_later) {
    throw UsageError("--centers is required (unless --roads is an OSM extract)");
  }
  if (!osm && o.blocks.path.empty()) {
    throw UsageError("--blocks is required (unless --roads is an OSM extract)");
  }
  if (osm) {
    OsmExtract extract = read_role("--roads", [&] { return read_osm(o.roads.path); });
    in.roads = std::move(extract.roads);
    out.missing_osm_node_refs = extract.missing_node_refs;
    // An extract has no fields to pick: OSM text is UTF-8 and coordinates WGS84 by definition.
    out.layers.push_back({"--roads", DataLocation{o.roads.path, "", std::nullopt, ""},
                          in.roads.size(), LayerUse{"OSM", "WGS 84", "UTF-8", "format", {}, {}}});
    const InputSource from_extract{"--roads", DataLocation{o.roads.path, "", {}, ""}, ""};
    sources.roads = sources.blocks = sources.centers = from_extract;
    if (in.roads.empty()) {
      throw InputError("--roads", DataLocation{o.roads.path, "", std::nullopt, ""},
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
    ReadReport report;
    in.roads = read_role("--roads",
                         [&] { return read_roads(o.roads, o.road_fields, o.settings, report); });
    report_read("--roads", report, sink);
    out.layers.push_back({"--roads", report.layer, report.features, report.use});
    sources.roads = {"--roads", report.layer, ""};
    require_features("--roads", report, in.roads.size(), "lines");
  }
  if (!o.centers.path.empty()) {
    ReadReport report;
    in.centers = read_role(o.centers_option, [&] {
      return read_centers(o.centers, o.center_fields, o.settings, report);
    });
    report_read(o.centers_option, report, sink);
    out.layers.push_back({o.centers_option, report.layer, report.features, report.use});
    sources.centers = {o.centers_option, report.layer, ""};
    // Not an error: `site` may plan every station from scratch.
    if (in.centers.empty())
      warn_about(sink, o.centers_option, report, "no centers: every block is uncovered");
  }
  if (!o.blocks.path.empty()) {
    ReadReport report;
    in.blocks = read_role(
        "--blocks", [&] { return read_blocks(o.blocks, o.block_fields, o.settings, report); });
    report_read("--blocks", report, sink);
    out.layers.push_back({"--blocks", report.layer, report.features, report.use});
    sources.blocks = {"--blocks", report.layer, ""};
    require_features("--blocks", report, in.blocks.size(), "polygons");
  }
  if (!o.entrances.path.empty()) {
    ReadReport report;
    in.entrances = read_role("--entrances", [&] {
      return read_entrances(o.entrances, o.entrance_fields, o.settings, report);
    });
    report_read("--entrances", report, sink);
    out.layers.push_back({"--entrances", report.layer, report.features, report.use});
    sources.entrances = {"--entrances", report.layer, ""};
    if (in.entrances.empty()) warn_about(sink, "--entrances", report, "no entrances in the layer");
  }
  read_boundary_layer("--communities", o.communities, o.community_fields, BoundaryKind::community,
                      o.settings, sink, in.communities, sources.communities, out.layers);
  read_boundary_layer("--grids", o.grids, o.grid_fields, BoundaryKind::grid, o.settings, sink,
                      in.grids, sources.grids, out.layers);
  read_boundary_layer("--subdistricts", o.subdistricts, o.subdistrict_fields,
                      BoundaryKind::subdistrict, o.settings, sink, in.subdistricts,
                      sources.subdistricts, out.layers);

  warn_unread_field_options(o, out, sink);
  for (LayerRead& read : out.layers) {
    const std::string role = read.option == o.centers_option ? "centers" : read.option.substr(2);
    if (o.gcj02.has(role)) read.use.crs = Gcj02Layers::converted_crs_text(read.use.crs);
  }

  timer.start("project");
  convert_gcj02_to_wgs84(in, o.gcj02);
  auto model = parse_length_model(o.length_model);
  if (!model) throw UsageError("--length-model must be ellipsoid, haversine or planar");
  out.length_model = *model;
  measure_lonlat(in.roads, out.length_model);
  out.run_crs = choose_run_crs(o.crs, in);
  project_inputs(in, out.run_crs, sources);
  if (out.length_model == LengthModel::planar) measure_planar(in.roads);
  return out;
}

std::vector<planner::Center> load_centers(const InputOptions& o, const std::string& run_crs,
                                          LayerRead& read, const WarningSink& sink) {
  if (o.centers.path.empty()) throw UsageError(o.centers_option + " is required");
  planner::Inputs in;  // the centers alone, so the conversions below touch nothing else
  ReadReport report;
  in.centers = read_role(o.centers_option, [&] {
    return read_centers(o.centers, o.center_fields, o.settings, report);
  });
  report_read(o.centers_option, report, sink);
  read = {o.centers_option, report.layer, report.features, report.use};
  if (in.centers.empty())
    warn_about(sink, o.centers_option, report, "no centers: every block is uncovered");
  InputSources sources;
  sources.centers = {o.centers_option, report.layer, ""};
  if (o.gcj02.has("centers")) {
    read.use.crs = Gcj02Layers::converted_crs_text(read.use.crs);
    convert_gcj02_to_wgs84(in, o.gcj02);
  }
  project_inputs(in, run_crs, sources);
  return std::move(in.centers);
}

std::string layer_read_text(const LayerRead& read) {
  const LayerUse& u = read.use;
  std::string line = read.option + ": " + read.where.file;
  if (!read.where.layer.empty() || !u.driver.empty()) {
    line += " (";
    if (!read.where.layer.empty()) line += "layer " + read.where.layer;
    if (!u.driver.empty()) line += (read.where.layer.empty() ? "" : ", ") + u.driver;
    line += ")";
  }
  line += ", " + std::to_string(read.features) + " features";
  if (!u.crs.empty()) line += ", CRS " + u.crs;
  line += ", text " + u.encoding + " (" + u.encoding_from + ")";
  if (!u.fields.empty()) {
    line += "; fields";
    const char* separator = " ";
    for (const auto& [role, field] : u.fields) {
      line += separator + role + "=" + (!field.empty() ? field : role == "id" ? "(FID)" : "-");
      separator = ", ";
    }
  }
  return line;
}

std::string layers_read_text(const std::vector<LayerRead>& layers) {
  std::string out;
  for (const LayerRead& read : layers) out += layer_read_text(read) + "\n";
  return out;
}

}  // namespace io
