// The per-role readers: which fields and geometry shapes each role takes, and how a feature
// becomes planner values. Opening, decoding and reprojection live in source_layer.cpp.
#include "io/gdal/layer_reader.h"

#include <initializer_list>
#include <unordered_map>
#include <utility>

#include "io/gdal/connection_text.h"
#include "io/gdal/source_layer.h"

namespace io {
namespace {

using detail::FieldRef;
using detail::OgrShape;
using detail::SourceLayer;

// The defaults documented in layer_reader.h and docs/formats.md; tried in this order.
// (The arrays behind namespace-scope initializer_lists live as long as the lists.)
const std::initializer_list<const char*> id_defaults = {"id", "ID", "osm_id"};
// circleplan's own layers (from `osm` or `evaluate`) name their ids by role; those come first so
// a layer written by one command reads back into the next with its ids.
const std::initializer_list<const char*> center_id_defaults = {"center_id", "id", "ID", "osm_id"};
const std::initializer_list<const char*> block_id_defaults = {"block_id", "id", "ID", "osm_id"};
const std::initializer_list<const char*> community_id_defaults = {"comm_id", "id", "ID", "osm_id"};
const std::initializer_list<const char*> grid_id_defaults = {"grid_id", "id", "ID", "osm_id"};
const std::initializer_list<const char*> subdistrict_id_defaults = {"subdist_id", "id", "ID",
                                                                    "osm_id"};
const std::initializer_list<const char*> name_defaults = {"name", "NAME", "名称"};

const char* const lines_expected = "lines (LineString or MultiLineString)";
const char* const points_expected = "points (Point or MultiPoint)";
const char* const areas_expected = "polygons (Polygon or MultiPolygon)";
const char* const centers_expected = "points or polygons (Point, MultiPoint, Polygon...)";

struct RoadFields {
  FieldRef id;  // found() only when usable as an integer feature id
  FieldRef source;
  FieldRef target;
  FieldRef highway;
  FieldRef name;
};

RoadFields road_fields(const SourceLayer& layer, const FieldMap& map) {
  RoadFields out;
  out.id = layer.field(map.id, id_defaults);
  // A default-found text id (e.g. "R12") cannot be a stable integer id; the FID serves instead.
  // A field the user named is used strictly: its values must be integers.
  if (out.id.found() && !out.id.named_explicitly && !out.id.is_integer()) out.id = FieldRef{};
  out.source = layer.field(map.source, {"source"});
  out.target = layer.field(map.target, {"target"});
  if (out.source.found() != out.target.found() &&
      (out.source.named_explicitly || out.target.named_explicitly)) {
    throw InputError(layer.where(),
                     "topology needs both a source and a target field; found only '" +
                         (out.source.found() ? out.source : out.target).name +
                         "'; name both with --source-field and --target-field, or rename the one "
                         "found so that neither is used");
  }
  if (!out.source.found() || !out.target.found()) out.source = out.target = FieldRef{};
  out.highway = layer.field(map.highway, {"highway", "fclass", "class"});
  out.name = layer.field(map.name, name_defaults);
  return out;
}

/// Ids name one feature each: entrances and blocks find their block and community by id, and a
/// planner finds a result row in GIS by it, so a duplicate would silently pick one of two.
class UniqueIds {
 public:
  UniqueIds(const SourceLayer& layer, const FieldRef& field, const char* id_option)
      : m_layer(layer), m_field(field), m_id_option(id_option) {}

  void add(const std::string& id, std::int64_t fid) {
    const auto [first, inserted] = m_first_fid.emplace(id, fid);
    if (inserted) return;
    DataLocation where = m_field.found() ? m_layer.values().at(fid, m_field) : m_layer.at(fid);
    std::string what = "id '" + id + "' is also the id of feature " +
                       std::to_string(first->second) +
                       "; ids must be unique: correct one of "
                       "the two features";
    if (!m_field.found() || !m_field.named_explicitly) {
      what += std::string(", or name a field with unique values with ") + m_id_option;
    }
    throw InputError(where, what);
  }

 private:
  const SourceLayer& m_layer;
  const FieldRef& m_field;
  const char* m_id_option;
  std::unordered_map<std::string, std::int64_t> m_first_fid;
};

/// Invalid polygons are repaired by the planner (GEOS MakeValid) and counted; with
/// --fail-on-invalid they stop the run so that the data is fixed at its source instead.
void check_polygon(const SourceLayer& layer, std::int64_t fid, const OGRGeometry& geometry,
                   const ReadSettings& settings, ReadReport& report) {
  const std::optional<std::string> why = detail::invalidity(geometry);
  if (!why) return;
  if (settings.fail_on_invalid) {
    throw InputError(layer.at(fid), "invalid polygon (" + *why +
                                        "); fix it in GIS (QGIS: Fix Geometries), or leave out "
                                        "--fail-on-invalid to have it repaired with GEOS "
                                        "MakeValid and counted as a warning");
  }
  ++report.invalid_polygons;
  if (report.invalid_examples.size() < max_listed_features) {
    report.invalid_examples.push_back("feature " + std::to_string(fid) + ": " + *why);
  }
}

}  // namespace

std::vector<planner::RoadLine> read_roads(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings, ReadReport& report) {
  SourceLayer layer = SourceLayer::open(ref, settings);
  const RoadFields f = road_fields(layer, fields);
  const auto& values = layer.values();
  std::vector<planner::RoadLine> roads;
  roads.reserve(layer.feature_count_hint());  // multi-part lines may add a few: regrown once
  report.use = layer.use({{"id", &f.id},
                          {"source", &f.source},
                          {"target", &f.target},
                          {"highway", &f.highway},
                          {"name", &f.name}});
  layer.for_each_feature(
      {OgrShape::line}, lines_expected, report,
      [&](const OGRFeature& feature, std::int64_t fid, const OGRGeometry& geometry) {
        planner::RoadLine road;
        road.feature_id = fid;
        if (f.id.found()) {
          const auto id = values.integer(feature, fid, f.id);
          if (!id) {
            throw InputError(values.at(fid, f.id),
                             "road id is empty; fill it, or leave --road-id-field out to number "
                             "roads by FID");
          }
          road.feature_id = *id;
        }
        if (f.source.found()) {
          const auto source = values.integer(feature, fid, f.source);
          const auto target = values.integer(feature, fid, f.target);
          if (source && target) {
            road.source_node = *source;
            road.target_node = *target;
          }
        }
        road.highway = values.text(feature, fid, f.highway).value_or("");
        road.name = values.text(feature, fid, f.name).value_or("");
        std::vector<planner::LineString> parts =
            detail::line_parts(geometry, report.degenerate_parts);
        // source/target name the ends of one line; with several parts the joints are unknown.
        if (parts.size() > 1 && road.source_node != planner::no_external_id) {
          throw InputError(layer.at(fid),
                           "a multi-part line cannot carry source/target topology; split it into "
                           "single lines or leave source/target empty");
        }
        for (planner::LineString& part : parts) {
          planner::RoadLine line = road;
          line.points = std::move(part);
          roads.push_back(std::move(line));
        }
      });
  return roads;
}

std::vector<planner::Center> read_centers(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings, ReadReport& report) {
  SourceLayer layer = SourceLayer::open(ref, settings);
  const FieldRef id = layer.field(fields.id, center_id_defaults);
  const FieldRef name = layer.field(fields.name, name_defaults);
  const FieldRef tier = layer.field(fields.tier, {"tier", "level", "级别"});
  const FieldRef capacity = layer.field(fields.capacity, {"capacity", "容量"});
  const auto& values = layer.values();
  UniqueIds ids(layer, id, "--center-id-field");
  std::vector<planner::Center> centers;
  report.use = layer.use({{"id", &id}, {"name", &name}, {"tier", &tier}, {"capacity", &capacity}});
  layer.for_each_feature(
      {OgrShape::point, OgrShape::polygon}, centers_expected, report,
      [&](const OGRFeature& feature, std::int64_t fid, const OGRGeometry& geometry) {
        planner::Center center;
        center.id = values.id_or_fid(feature, fid, id);
        ids.add(center.id, fid);
        center.name = values.text(feature, fid, name).value_or("");
        center.tier = values.text(feature, fid, tier).value_or("");
        center.capacity = detail::at_most(values.non_negative_number(feature, fid, capacity),
                                          planner::max_center_capacity, fid, capacity, report);
        if (detail::shape_of(geometry.getGeometryType()) == OgrShape::polygon) {
          const auto inside = detail::point_on_surface(geometry);
          if (!inside) {
            throw InputError(layer.at(fid),
                             "no point on surface (invalid polygon?); fix the polygon in GIS "
                             "(QGIS: Fix Geometries) or give the center as a point");
          }
          center.pos = *inside;
          centers.push_back(std::move(center));
          return;
        }
        for (const planner::XY& point : detail::point_parts(geometry)) {
          planner::Center part = center;
          part.pos = point;
          centers.push_back(std::move(part));
        }
      });
  return centers;
}

std::vector<planner::Block> read_blocks(const LayerRef& ref, const FieldMap& fields,
                                        const ReadSettings& settings, ReadReport& report) {
  SourceLayer layer = SourceLayer::open(ref, settings);
  const FieldRef id = layer.field(fields.id, block_id_defaults);
  const FieldRef name = layer.field(fields.name, name_defaults);
  const FieldRef community = layer.field(fields.community, {"community", "comm_id", "社区"});
  const FieldRef grid = layer.field(fields.grid, {"grid", "grid_id", "网格"});
  const FieldRef subdistrict =
      layer.field(fields.subdistrict, {"subdistrict", "subdist_id", "街道"});
  const FieldRef pop = layer.field(fields.population, {"pop", "population", "POP", "人口"});
  const auto& values = layer.values();
  UniqueIds ids(layer, id, "--block-id-field");
  std::vector<planner::Block> blocks;
  report.use = layer.use({{"id", &id},
                          {"name", &name},
                          {"population", &pop},
                          {"community", &community},
                          {"grid", &grid},
                          {"subdistrict", &subdistrict}});
  layer.for_each_feature(
      {OgrShape::polygon}, areas_expected, report,
      [&](const OGRFeature& feature, std::int64_t fid, const OGRGeometry& geometry) {
        planner::Block block;
        block.id = values.id_or_fid(feature, fid, id);
        ids.add(block.id, fid);
        check_polygon(layer, fid, geometry, settings, report);
        block.name = values.text(feature, fid, name).value_or("");
        block.community = values.text(feature, fid, community).value_or("");
        block.grid = values.text(feature, fid, grid).value_or("");
        block.subdistrict = values.text(feature, fid, subdistrict).value_or("");
        block.pop = detail::at_most(values.non_negative_number(feature, fid, pop),
                                    planner::max_block_population, fid, pop, report);
        block.shape = detail::polygon_parts(geometry, report.degenerate_parts);
        if (!block.shape.empty()) blocks.push_back(std::move(block));
      });
  return blocks;
}

std::vector<planner::Entrance> read_entrances(const LayerRef& ref, const FieldMap& fields,
                                              const ReadSettings& settings, ReadReport& report) {
  SourceLayer layer = SourceLayer::open(ref, settings);
  const FieldRef block_id = layer.field(fields.block_id, {"block_id"});
  const auto& values = layer.values();
  std::vector<planner::Entrance> entrances;
  report.use = layer.use({{"block", &block_id}});
  layer.for_each_feature(
      {OgrShape::point}, points_expected, report,
      [&](const OGRFeature& feature, std::int64_t fid, const OGRGeometry& geometry) {
        const std::string owner = values.text(feature, fid, block_id).value_or("");
        for (const planner::XY& point : detail::point_parts(geometry)) {
          entrances.push_back(planner::Entrance{owner, point});
        }
      });
  return entrances;
}

std::vector<planner::Community> read_communities(const LayerRef& ref, const FieldMap& fields,
                                                 const ReadSettings& settings, ReadReport& report) {
  return read_boundaries(ref, fields, settings, report, BoundaryKind::community);
}

std::vector<planner::Boundary> read_boundaries(const LayerRef& ref, const FieldMap& fields,
                                               const ReadSettings& settings, ReadReport& report,
                                               BoundaryKind kind) {
  SourceLayer layer = SourceLayer::open(ref, settings);
  const FieldRef id =
      layer.field(fields.id, kind == BoundaryKind::grid          ? grid_id_defaults
                             : kind == BoundaryKind::subdistrict ? subdistrict_id_defaults
                                                                 : community_id_defaults);
  const FieldRef name = layer.field(fields.name, name_defaults);
  const auto& values = layer.values();
  std::vector<planner::Community> communities;
  report.use = layer.use({{"id", &id}, {"name", &name}});
  layer.for_each_feature(
      {OgrShape::polygon}, areas_expected, report,
      [&](const OGRFeature& feature, std::int64_t fid, const OGRGeometry& geometry) {
        planner::Community community;
        community.id = values.id_or_fid(feature, fid, id);
        check_polygon(layer, fid, geometry, settings, report);
        community.name = values.text(feature, fid, name).value_or("");
        community.shape = detail::polygon_parts(geometry, report.degenerate_parts);
        if (!community.shape.empty()) communities.push_back(std::move(community));
      });
  return communities;
}

std::vector<planner::RoadLine> read_roads(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings) {
  ReadReport ignored;
  return read_roads(ref, fields, settings, ignored);
}

std::vector<planner::Center> read_centers(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings) {
  ReadReport ignored;
  return read_centers(ref, fields, settings, ignored);
}

std::vector<planner::Block> read_blocks(const LayerRef& ref, const FieldMap& fields,
                                        const ReadSettings& settings) {
  ReadReport ignored;
  return read_blocks(ref, fields, settings, ignored);
}

std::vector<planner::Entrance> read_entrances(const LayerRef& ref, const FieldMap& fields,
                                              const ReadSettings& settings) {
  ReadReport ignored;
  return read_entrances(ref, fields, settings, ignored);
}

std::vector<planner::Community> read_communities(const LayerRef& ref, const FieldMap& fields,
                                                 const ReadSettings& settings) {
  ReadReport ignored;
  return read_communities(ref, fields, settings, ignored);
}

std::string layer_label(const LayerRef& ref) {
  // summary.json and stdout show it: never a password of a connection string.
  const std::string path = hide_passwords(ref.path);
  return ref.layer.empty() ? path : path + ":" + ref.layer;
}

}  // namespace io
