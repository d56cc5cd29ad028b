#include "io/gdal/source_layer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <utility>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include "io/gdal/connection_text.h"
#include "io/gdal/coordinate_checks.h"
#include "io/gdal/csv_lonlat.h"
#include "io/gdal/layer_encoding.h"
#include "io/gdal/shapefile_sidecars.h"

namespace io::detail {
namespace {

// Connection strings may carry a password; error messages end up in logs and issue reports.
std::string displayed_path(const std::string& path) {
  return hide_passwords(path);
}

DatasetPtr open_dataset(const std::string& path, const CPLStringList& options,
                        const DataLocation& where) {
  if (path.empty()) throw InputError(where, "no input path given; give the file's path");
  register_gdal_drivers();
  const QuietGdalErrors quiet;
  DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                       options.List(), nullptr));
  if (dataset) return dataset;
  VSIStatBufL stat;
  const bool is_connection = path.find(':') != std::string::npos && path.rfind("/vsi", 0) != 0;
  if (!is_connection && VSIStatL(path.c_str(), &stat) != 0) {
    throw InputError(where,
                     "no such file or folder; check the path (relative paths start from "
                     "the current folder)");
  }
  throw InputError(where, "GDAL cannot open it as vector data (" + last_gdal_error() +
                              "); check that it is a complete GeoPackage, Shapefile (.shp with "
                              ".shx and .dbf), GeoJSON... and that `ogrinfo` can list it");
}

// QGIS's table of layer styles (which circleplan also writes, docs/outputs.md §6) holds no data:
// never a default layer, never offered as one.
bool is_style_table(OGRLayer& layer) {
  return EQUAL(layer.GetName(), "layer_styles");
}

std::string layer_names(GDALDataset& dataset) {
  std::string out;
  for (OGRLayer* layer : dataset.GetLayers()) {
    if (is_style_table(*layer)) continue;
    if (!out.empty()) out += ", ";
    out += std::string("'") + layer->GetName() + "'";
  }
  return out.empty() ? "(no layers)" : out;
}

OGRLayer* pick_layer(GDALDataset& dataset, const std::string& wanted, const DataLocation& where) {
  if (wanted.empty()) {
    for (OGRLayer* layer : dataset.GetLayers()) {
      if (!is_style_table(*layer)) return layer;
    }
    throw InputError(where, "the dataset holds no layers; check that this is the right file");
  }
  const QuietGdalErrors quiet;
  if (OGRLayer* layer = dataset.GetLayerByName(wanted.c_str())) return layer;
  throw InputError(where, "no such layer; the dataset has: " + layer_names(dataset) +
                              " (name one with the role's --...-layer option)");
}

bool is_shapefile(GDALDataset& dataset) {
  return dataset.GetDriver() != nullptr &&
         EQUAL(dataset.GetDriver()->GetDescription(), "ESRI Shapefile");
}

OGRSpatialReference source_crs(const OGRLayer& layer, const std::string& assume_crs,
                               const DataLocation& where) {
  OGRSpatialReference crs;
  if (const OGRSpatialReference* own = const_cast<OGRLayer&>(layer).GetSpatialRef()) {
    crs = *own;
  } else if (assume_crs.empty()) {
    throw InputError(where,
                     "the layer has no coordinate reference system; say which one it is with "
                     "--assume-crs (e.g. EPSG:4326 for lon/lat, EPSG:4549 for CGCS2000 GK 120E)");
  } else {
    const QuietGdalErrors quiet;
    if (crs.SetFromUserInput(assume_crs.c_str()) != OGRERR_NONE) {
      throw InputError(where, "--assume-crs '" + assume_crs + "' is not a CRS GDAL knows (" +
                                  last_gdal_error() +
                                  "); write it as e.g. EPSG:4549, as WKT or as a PROJ string");
    }
  }
  crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return crs;
}

/// WGS84 lon/lat: a CSV's lon/lat columns hold degrees by their names (csv_lonlat.h).
OGRSpatialReference lonlat_crs() {
  OGRSpatialReference crs;
  crs.importFromEPSG(4326);
  crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return crs;
}

// Traditional GIS order on both sides: x = easting/longitude whatever the CRS's EPSG axis order
// (EPSG:4326 is lat/lon and EPSG:4549 northing/easting by definition).
TransformPtr transform_to_wgs84(const OGRSpatialReference& source, const DataLocation& where) {
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* const same_options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                                      "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
  if (source.IsSame(&wgs84, same_options)) return nullptr;
  const QuietGdalErrors quiet;
  TransformPtr transform(OGRCreateCoordinateTransformation(&source, &wgs84));
  if (!transform) {
    throw InputError(where, "cannot transform the layer's CRS (" +
                                std::string(source.GetName() ? source.GetName() : "unnamed") +
                                ") to WGS84 lon/lat: " + last_gdal_error() +
                                "; reproject the layer to a known CRS in GIS (e.g. `ogr2ogr "
                                "-t_srs EPSG:4326`), or, if its CRS is wrong, assign the right "
                                "one (`ogr2ogr -a_srs EPSG:...`)");
  }
  return transform;
}

CrsFacts facts_of(const OGRSpatialReference& crs) {
  CrsFacts facts;
  facts.name = crs.GetName() != nullptr ? crs.GetName() : "unnamed";
  facts.geographic = crs.IsGeographic() != 0;
  facts.projected = crs.IsProjected() != 0;
  const char* area_name = nullptr;
  facts.has_area =
      crs.GetAreaOfUse(&facts.west, &facts.south, &facts.east, &facts.north, &area_name);
  if (!facts.has_area) {
    // A CRS read from an ESRI .prj ("WGS_1984_UTM_Zone_51N") carries no area of use; the EPSG
    // CRS it is identified as, or matches with high confidence, does.
    const QuietGdalErrors quiet;
    std::string code;
    if (const char* own = crs.GetAuthorityCode(nullptr);
        own != nullptr && EQUAL(crs.GetAuthorityName(nullptr), "EPSG")) {
      code = own;
    } else {
      int count = 0;
      int* confidence = nullptr;
      OGRSpatialReferenceH* matches = crs.FindMatches(nullptr, &count, &confidence);
      if (matches != nullptr && count > 0 && confidence != nullptr && confidence[0] >= 70) {
        const OGRSpatialReference* best = OGRSpatialReference::FromHandle(matches[0]);
        const char* name = best->GetAuthorityName(nullptr);
        const char* match = best->GetAuthorityCode(nullptr);
        if (name != nullptr && match != nullptr && EQUAL(name, "EPSG")) code = match;
      }
      if (matches != nullptr) OSRFreeSRSArray(matches);
      CPLFree(confidence);
    }
    OGRSpatialReference epsg;
    if (!code.empty() && epsg.importFromEPSG(std::atoi(code.c_str())) == OGRERR_NONE) {
      facts.has_area =
          epsg.GetAreaOfUse(&facts.west, &facts.south, &facts.east, &facts.north, &area_name);
    }
  }
  facts.has_area = facts.has_area && facts.west <= facts.east && facts.south <= facts.north;
  return facts;
}

/// The layer's next feature, or null at its end. A driver stops with a failure on a corrupt
/// record; a silently shortened layer would under-count population, so that is an error.
FeaturePtr next_feature(OGRLayer& layer, const DataLocation& where) {
  CPLErrorReset();
  FeaturePtr feature(layer.GetNextFeature());
  if (!feature && CPLGetLastErrorType() >= CE_Failure) {
    throw InputError(where, "reading stopped: " + last_gdal_error() +
                                "; the file is damaged: export it again from GIS");
  }
  return feature;
}

/// The feature's geometry as one of the accepted shapes: a GeometryCollection whose members all
/// fit becomes the multi-geometry, curves become lines; any other shape is an InputError.
OGRGeometry* accepted_geometry(OGRFeature& feature, std::initializer_list<OgrShape> accepted,
                               const std::string& expected, const DataLocation& where,
                               ReadReport& report) {
  OGRGeometry* geometry = feature.GetGeometryRef();
  const OGRwkbGeometryType type = geometry->getGeometryType();
  if (std::find(accepted.begin(), accepted.end(), shape_of(type)) == accepted.end()) {
    GeometryPtr multi;
    for (const OgrShape shape : accepted) {
      if ((multi = collection_as_multi(*geometry, shape))) break;
    }
    if (!multi) {
      throw InputError(where, std::string("geometry is ") + OGRGeometryTypeToName(type) +
                                  ", expected " + expected +
                                  "; fix or delete this feature in GIS, or check that this "
                                  "is the right layer for the role");
    }
    ++report.collections;
    feature.SetGeometryDirectly(multi.release());
    geometry = feature.GetGeometryRef();
  }
  if (geometry->hasCurveGeometry()) {
    feature.SetGeometryDirectly(geometry->getLinearGeometry());
    geometry = feature.GetGeometryRef();
  }
  return geometry;
}

}  // namespace

std::optional<double> at_most(std::optional<double> value, double maximum, std::int64_t fid,
                              const FieldRef& field, ReadReport& report) {
  if (!value || *value <= maximum) return value;
  ++report.over_maximum;
  report.over_maximum_field = field.name;
  report.maximum = maximum;
  if (report.over_maximum_examples.size() < max_listed_features) {
    report.over_maximum_examples.push_back("feature " + std::to_string(fid) + ": " +
                                           format_number(*value));
  }
  return std::nullopt;
}

SourceLayer SourceLayer::open(const LayerRef& ref, const ReadSettings& settings) {
  DataLocation where{displayed_path(ref.path), ref.layer, std::nullopt, {}};
  if (!ref.encoding.empty()) check_encoding_known(ref.encoding, where);
  if (!settings.encoding.empty()) check_encoding_known(settings.encoding, where);
  // Before GDAL: it refuses a .shp without .shx naming no file, and reads one without .dbf.
  check_shapefile_sidecars(ref.path, ref.layer, where);
  DatasetPtr dataset = open_dataset(ref.path, CPLStringList(), where);
  OGRLayer* layer = pick_layer(*dataset, ref.layer, where);
  const bool shapefile = is_shapefile(*dataset);
  if (ref.layer.empty() && shapefile) {
    check_shapefile_sidecars(ref.path, layer->GetName(), where);  // a folder's first layer
  }
  // A CSV without a WKT column: points from its lon/lat columns, which are WGS84 by their names.
  bool lonlat_columns = false;
  std::string no_geometry_hint =
      "is this the right layer? a CSV needs a WKT column or lon/lat columns (docs/formats.md)";
  if (is_csv(*dataset) && layer->GetGeomType() == wkbNone) {
    dataset = open_dataset(ref.path, csv_lonlat_open_options(), where);
    layer = pick_layer(*dataset, ref.layer, where);
    lonlat_columns = layer->GetGeomType() != wkbNone;
    no_geometry_hint = csv_without_points(*layer->GetLayerDefn());
  }
  if (shapefile) {
    // Raw bytes: circleplan decodes them itself (text_encoding.h), so that text GDAL would turn
    // into '?' is an error naming the feature, and a layer without .cpg can be detected.
    CPLStringList raw;
    raw.SetNameValue("ENCODING", "");
    dataset = open_dataset(ref.path, raw, where);
    layer = pick_layer(*dataset, ref.layer, where);
  }
  where.layer = layer->GetName();
  LayerUse use;
  use.driver = dataset->GetDriver() != nullptr ? dataset->GetDriver()->GetDescription() : "";
  const std::string option = ref.encoding_option.empty() ? "--encoding" : ref.encoding_option;
  TextEncoding encoding =
      choose_layer_encoding(*layer, use.driver, ref, settings, where, use.notes);
  TextDecoder decoder(encoding, option, where);
  std::vector<LayerField> fields = layer_fields(*layer->GetLayerDefn());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    try {
      fields[i].name = decoder.to_utf8(fields[i].name.c_str(), where);
    } catch (const InputError& e) {
      throw InputError(where, "the name of field " + std::to_string(i + 1) + ": " + e.reason());
    }
  }
  use.encoding = encoding.label();
  use.encoding_from = encoding.from;
  TransformPtr to_wgs84;
  CrsFacts facts;
  // A table without geometry gets its "no geometry" error from for_each_feature, not a CRS one.
  if (layer->GetGeomType() != wkbNone) {
    const OGRSpatialReference crs =
        lonlat_columns ? lonlat_crs() : source_crs(*layer, settings.assume_crs, where);
    facts = facts_of(crs);
    to_wgs84 = transform_to_wgs84(crs, where);
    use.crs = facts.name;
    if (lonlat_columns) {
      use.crs += " (lon/lat columns)";
    } else if (layer->GetSpatialRef() == nullptr) {
      use.crs += " (--assume-crs)";
    }
  }
  FieldReader values(where, std::move(decoder));
  SourceLayer out(std::move(dataset), layer, std::move(where), std::move(to_wgs84),
                  std::move(facts), std::move(values), std::move(fields), std::move(use));
  out.m_no_geometry_hint = std::move(no_geometry_hint);
  return out;
}

SourceLayer::SourceLayer(DatasetPtr dataset, OGRLayer* layer, DataLocation where,
                         TransformPtr to_wgs84, CrsFacts crs, FieldReader values,
                         std::vector<LayerField> fields, LayerUse use)
    : m_dataset(std::move(dataset)),
      m_layer(layer),
      m_where(std::move(where)),
      m_to_wgs84(std::move(to_wgs84)),
      m_crs(std::move(crs)),
      m_values(std::move(values)),
      m_fields(std::move(fields)),
      m_use(std::move(use)) {}

std::size_t SourceLayer::feature_count_hint() const {
  if (m_layer->TestCapability(OLCFastFeatureCount) == 0) return 0;
  const GIntBig count = m_layer->GetFeatureCount(FALSE);
  return count > 0 ? static_cast<std::size_t>(count) : 0;
}

FieldRef SourceLayer::field(const std::string& explicit_name,
                            std::initializer_list<const char*> defaults) const {
  return find_field(m_fields, explicit_name, defaults, m_where);
}

LayerUse SourceLayer::use(
    std::initializer_list<std::pair<const char*, const FieldRef*>> roles) const {
  LayerUse use = m_use;
  for (const auto& [role, field] : roles) {
    use.fields.emplace_back(role, field->found() ? field->name : std::string());
  }
  return use;
}

DataLocation SourceLayer::at(std::int64_t fid) const {
  DataLocation where = m_where;
  where.feature = fid;
  return where;
}

void SourceLayer::for_each_feature(std::initializer_list<OgrShape> accepted,
                                   const std::string& expected, ReadReport& report,
                                   const FeatureVisitor& visit) {
  report.layer = m_where;
  if (m_layer->GetGeomType() == wkbNone) {
    throw InputError(m_where, "the layer has no geometry; expected " + expected + " (" +
                                  m_no_geometry_hint + ")");
  }
  CoordinateBox source_box;  // projected layers: do the numbers look like degrees?
  CoordinateBox lonlat_box;
  m_layer->ResetReading();
  std::int64_t position = 0;
  while (FeaturePtr feature = next_feature(*m_layer, at(position))) {
    ++report.features;
    const std::int64_t fid = feature->GetFID() == OGRNullFID ? position : feature->GetFID();
    ++position;
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry == nullptr || geometry->IsEmpty()) {
      ++(geometry == nullptr ? report.null_geometry : report.empty_geometry);
      if (report.skipped_features.size() < max_listed_features) {
        report.skipped_features.push_back(fid);
      }
      continue;
    }
    geometry = accepted_geometry(*feature, accepted, expected, at(fid), report);
    check_coordinates(*geometry, m_crs, at(fid), source_box);
    if (m_to_wgs84 && geometry->transform(m_to_wgs84.get()) != OGRERR_NONE) {
      throw_untransformable(m_crs, at(fid), source_box);
    }
    if (m_crs.projected) {
      for_each_xy(*geometry, [&lonlat_box](double lon, double lat) {
        lonlat_box.add({lon, lat});
        return true;
      });
    }
    visit(*feature, fid, *geometry);
  }
  check_not_degrees_as_metres(m_crs, m_where, source_box, lonlat_box);
}

}  // namespace io::detail
