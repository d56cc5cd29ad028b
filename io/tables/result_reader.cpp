#include "io/tables/result_reader.h"

#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include <cpl_string.h>
#include <cpl_vsi.h>

#include "io/errors.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/ogr_geometry.h"
#include "io/gdal/shapefile_sidecars.h"
#include "planner/coverage/access_params.h"

namespace io {
namespace {

// What to do when a value of a result is not what evaluate writes: it was edited by hand.
constexpr const char* restore_hint = "restore the value, or run 'circleplan evaluate' again";

using detail::DatasetPtr;
using detail::FeaturePtr;

enum class Want { text, number, integer };

DatasetPtr open_result(const std::string& path) {
  const DataLocation where{path, {}, {}, {}};
  if (path.empty()) throw InputError(where, "no result path given");
  detail::register_gdal_drivers();
  const detail::QuietGdalErrors quiet;
  DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                       nullptr, nullptr));
  if (dataset) return dataset;
  VSIStatBufL stat;
  if (VSIStatL(path.c_str(), &stat) != 0)
    throw InputError(where, "no such file or folder; check the path");
  throw InputError(where, "GDAL cannot open it as vector data (" + detail::last_gdal_error() +
                              "); give a result of 'circleplan evaluate'");
}

OGRLayer& layer_of(GDALDataset& dataset, const std::string& path, const std::string& name) {
  detail::check_shapefile_sidecars(path, name, {path, name, {}, {}});  // a shp-format result
  const detail::QuietGdalErrors quiet;
  if (OGRLayer* layer = dataset.GetLayerByName(name.c_str())) return *layer;
  throw InputError({path, name, {}, {}},
                   "no such layer: not a result of 'circleplan evaluate' (it writes blocks, "
                   "centers, communities and summary)");
}

/// The fields of one result layer, checked once: present and of a usable type.
class FieldIndex {
 public:
  FieldIndex(OGRLayer& layer, std::string path) : m_layer(layer), m_path(std::move(path)) {}

  /// The field's index, or -1 when the layer has no such field (an optional output).
  int optional(const std::string& name, Want want) {
    if (m_layer.GetLayerDefn()->GetFieldIndex(name.c_str()) < 0) return -1;
    return require(name, want);
  }

  int require(const std::string& name, Want want) {
    OGRFeatureDefn* defn = m_layer.GetLayerDefn();
    const int index = defn->GetFieldIndex(name.c_str());
    if (index < 0) {
      throw InputError({m_path, m_layer.GetName(), {}, name},
                       "no such field: not a result of 'circleplan evaluate' (see "
                       "docs/outputs.md)");
    }
    const OGRFieldType type = defn->GetFieldDefn(index)->GetType();
    const bool numeric = type == OFTReal || type == OFTInteger || type == OFTInteger64;
    if (want != Want::text && !numeric) {
      throw InputError(
          {m_path, m_layer.GetName(), {}, name},
          std::string("the field is of type ") + OGRFieldDefn::GetFieldTypeName(type) +
              ", a number was expected; compare unedited results of 'circleplan evaluate'");
    }
    return index;
  }

  DataLocation at(const OGRFeature& feature, int field) const {
    return {m_path, m_layer.GetName(), feature.GetFID(),
            m_layer.GetLayerDefn()->GetFieldDefn(field)->GetNameRef()};
  }

 private:
  OGRLayer& m_layer;
  std::string m_path;
};

std::string text(const OGRFeature& f, int field) {
  if (!f.IsFieldSetAndNotNull(field)) return {};
  return f.GetFieldAsString(field);
}

std::optional<double> number(const OGRFeature& f, int field, const FieldIndex& index) {
  if (!f.IsFieldSetAndNotNull(field)) return std::nullopt;
  const double value = f.GetFieldAsDouble(field);
  if (!std::isfinite(value))
    throw InputError(index.at(f, field), std::string("not a finite number; ") + restore_hint);
  return value;
}

std::uint32_t count(const OGRFeature& f, int field, const FieldIndex& index) {
  const std::optional<double> value = number(f, field, index);
  if (!value) return 0;
  if (*value < 0.0 || *value > 4.0e9 || *value != std::floor(*value)) {
    throw InputError(index.at(f, field), std::string("not a count of blocks; ") + restore_hint);
  }
  return static_cast<std::uint32_t>(*value);
}

planner::CoverStatus status_of(const OGRFeature& f, int field, const FieldIndex& index) {
  const std::string word = text(f, field);
  if (word == "covered") return planner::CoverStatus::covered;
  if (word == "uncovered") return planner::CoverStatus::uncovered;
  if (word == "unreachable") return planner::CoverStatus::unreachable;
  throw InputError(
      index.at(f, field),
      "'" + word + "' is not a status (covered, uncovered, unreachable); " + restore_hint);
}

void read_centers(GDALDataset& dataset, const std::string& path, planner::ResultSnapshot& out) {
  OGRLayer& layer = layer_of(dataset, path, "centers");
  FieldIndex fields(layer, path);
  const int id = fields.require("center_id", Want::text);
  const int name = fields.require("name", Want::text);
  const int tier = fields.require("tier", Want::text);
  const int snap = fields.require("snap_m", Want::number);
  const int reach_blk = fields.require("reach_blk", Want::integer);
  const int reach_pop = fields.require("reach_pop", Want::number);
  const int served_blk = fields.require("served_blk", Want::integer);
  const int served_pop = fields.require("served_pop", Want::number);
  layer.ResetReading();
  for (FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    planner::CenterResult c;
    c.id = text(*f, id);
    c.name = text(*f, name);
    c.tier = text(*f, tier);
    c.attached = f->IsFieldSetAndNotNull(snap);
    c.reach_blk = count(*f, reach_blk, fields);
    c.reach_pop = number(*f, reach_pop, fields);
    c.served_blk = count(*f, served_blk, fields);
    c.served_pop = number(*f, served_pop, fields);
    if (const OGRGeometry* g = f->GetGeometryRef()) {
      const std::vector<planner::XY> points = detail::point_parts(*g);
      if (!points.empty()) c.pos = points.front();
    }
    out.centers.push_back(std::move(c));
  }
}

void read_blocks(GDALDataset& dataset, const std::string& path, planner::ResultSnapshot& out,
                 std::string& crs_wkt) {
  OGRLayer& layer = layer_of(dataset, path, "blocks");
  FieldIndex fields(layer, path);
  const int id = fields.require("block_id", Want::text);
  const int name = fields.require("name", Want::text);
  const int pop = fields.require("pop", Want::number);
  const int minutes = fields.require("minutes", Want::number);
  const int center = fields.require("center_id", Want::text);
  const int status = fields.require("status", Want::text);
  const int comm = fields.require("comm_id", Want::text);
  // Accessibility scores (evaluate --access): whichever acc_<method> fields the result has.
  std::vector<int> access;
  for (planner::AccessMethod m :
       {planner::AccessMethod::two_step, planner::AccessMethod::enhanced,
        planner::AccessMethod::gaussian, planner::AccessMethod::balanced}) {
    const int index = fields.optional(std::string(planner::field_name(m)), Want::number);
    if (index < 0) continue;
    access.push_back(index);
    out.access_methods.push_back(m);
  }
  if (const OGRSpatialReference* crs = layer.GetSpatialRef()) {
    char* wkt = nullptr;
    if (crs->exportToWkt(&wkt) == OGRERR_NONE && wkt != nullptr) crs_wkt = wkt;
    CPLFree(wkt);
  }
  std::map<std::string, std::string> tier_of;
  for (const planner::CenterResult& c : out.centers) tier_of.try_emplace(c.id, c.tier);
  layer.ResetReading();
  for (FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    planner::BlockResult b;
    b.id = text(*f, id);
    b.name = text(*f, name);
    b.community = text(*f, comm);
    b.pop = number(*f, pop, fields);
    b.minutes = number(*f, minutes, fields);
    b.status = status_of(*f, status, fields);
    b.center_id = text(*f, center);
    for (int index : access) b.access.push_back(number(*f, index, fields));
    if (const auto it = tier_of.find(b.center_id); it != tier_of.end()) {
      b.center_tier = it->second;
    }
    if (const OGRGeometry* g = f->GetGeometryRef()) {
      std::size_t degenerate = 0;
      b.shape = detail::polygon_parts(*g, degenerate);
    }
    out.blocks.push_back(std::move(b));
  }
}

void read_summary(GDALDataset& dataset, const std::string& path, planner::ResultSnapshot& out) {
  OGRLayer& layer = layer_of(dataset, path, "summary");
  FieldIndex fields(layer, path);
  const int scope = fields.require("scope", Want::text);
  const int blocks = fields.require("blocks", Want::integer);
  const int covered = fields.require("cov_blk", Want::integer);
  const int pop = fields.require("pop", Want::number);
  const int covered_pop = fields.require("cov_pop", Want::number);
  const int share = fields.require("cov_share", Want::number);
  layer.ResetReading();
  for (FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    planner::ScopeFigures s;
    s.scope = text(*f, scope);
    s.blocks = count(*f, blocks, fields);
    s.covered = count(*f, covered, fields);
    s.pop = number(*f, pop, fields);
    s.covered_pop = number(*f, covered_pop, fields);
    s.covered_share = number(*f, share, fields).value_or(0.0);
    if (s.scope == "all") out.has_population = s.pop.has_value();
    out.scopes.push_back(std::move(s));
  }
  if (out.scopes.empty() || out.scopes.front().scope != "all") {
    throw InputError({path, "summary", {}, "scope"},
                     "the first row must be the 'all' scope, as 'circleplan evaluate' writes it; "
                     "run it again");
  }
}

std::optional<planner::TierDefinition> definition_of(const std::string& word) {
  for (const auto d : {planner::TierDefinition::walk_min, planner::TierDefinition::network_m,
                       planner::TierDefinition::radius_m}) {
    if (planner::to_string(d) == word) return d;
  }
  return std::nullopt;
}

/// The compliance layer of a run with a service standard; none: the snapshot has no standard.
void read_compliance(GDALDataset& dataset, const std::string& path, planner::ResultSnapshot& out) {
  OGRLayer* found = nullptr;
  {
    const detail::QuietGdalErrors quiet;
    found = dataset.GetLayerByName("compliance");
  }
  if (found == nullptr) return;
  OGRLayer& layer = *found;
  FieldIndex fields(layer, path);
  const int scope = fields.require("scope", Want::text);
  const int scope_id = fields.require("scope_id", Want::text);
  const int tier = fields.require("std_tier", Want::text);
  const int definition = fields.require("definition", Want::text);
  const int blocks = fields.require("blocks", Want::integer);
  const int met_blk = fields.require("met_blk", Want::integer);
  const int pop = fields.require("pop", Want::number);
  const int met_pop = fields.require("met_pop", Want::number);
  const int area = fields.require("area_m2", Want::number);
  const int met_area = fields.require("met_area", Want::number);
  const int sh_blk = fields.require("sh_blk", Want::number);
  const int sh_pop = fields.require("sh_pop", Want::number);
  const int sh_area = fields.require("sh_area", Want::number);
  layer.ResetReading();
  for (FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    planner::ComplianceRow r;
    r.scope = text(*f, scope);
    r.scope_id = text(*f, scope_id);
    r.std_tier = text(*f, tier);
    const std::optional<planner::TierDefinition> d = definition_of(text(*f, definition));
    if (!d) {
      throw InputError(
          fields.at(*f, definition),
          "not a definition (walk_min, network_m, radius_m); " + std::string(restore_hint));
    }
    r.definition = *d;
    r.blocks = count(*f, blocks, fields);
    r.met_blk = count(*f, met_blk, fields);
    r.pop = number(*f, pop, fields).value_or(0.0);
    r.met_pop = number(*f, met_pop, fields).value_or(0.0);
    r.area_m2 = number(*f, area, fields).value_or(0.0);
    r.met_area = number(*f, met_area, fields).value_or(0.0);
    r.sh_blk = number(*f, sh_blk, fields).value_or(0.0);
    r.sh_pop = number(*f, sh_pop, fields).value_or(0.0);
    r.sh_area = number(*f, sh_area, fields).value_or(0.0);
    out.compliance.push_back(std::move(r));
  }
}

}  // namespace

ResultFile read_result(const std::string& path) {
  DatasetPtr dataset = open_result(path);
  ResultFile out;
  read_centers(*dataset, path, out.snapshot);
  read_blocks(*dataset, path, out.snapshot, out.crs_wkt);
  read_summary(*dataset, path, out.snapshot);
  read_compliance(*dataset, path, out.snapshot);
  return out;
}

}  // namespace io
