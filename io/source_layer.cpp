#include "io/source_layer.h"

#include <algorithm>
#include <utility>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

namespace io::detail {
namespace {

// Connection strings may carry a password; error messages end up in logs and issue reports.
std::string displayed_path(const std::string& path) {
  std::string out = path;
  const std::string key = "password=";
  for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + 1)) {
    const std::size_t value = at + key.size();
    const std::size_t end = out.find_first_of(" '\"", value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

DatasetPtr open_dataset(const std::string& path, const CPLStringList& options,
                        const DataLocation& where) {
  if (path.empty()) throw InputError(where, "no input path given");
  register_gdal_drivers();
  const QuietGdalErrors quiet;
  DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                       options.List(), nullptr));
  if (dataset) return dataset;
  VSIStatBufL stat;
  const bool is_connection = path.find(':') != std::string::npos && path.rfind("/vsi", 0) != 0;
  if (!is_connection && VSIStatL(path.c_str(), &stat) != 0) {
    throw InputError(where, "no such file or folder");
  }
  throw InputError(where, "GDAL cannot open it as vector data (" + last_gdal_error() + ")");
}

std::string layer_names(GDALDataset& dataset) {
  std::string out;
  for (OGRLayer* layer : dataset.GetLayers()) {
    if (!out.empty()) out += ", ";
    out += std::string("'") + layer->GetName() + "'";
  }
  return out.empty() ? "(no layers)" : out;
}

OGRLayer* pick_layer(GDALDataset& dataset, const std::string& wanted, const DataLocation& where) {
  if (wanted.empty()) {
    if (dataset.GetLayerCount() == 0) throw InputError(where, "the dataset holds no layers");
    return dataset.GetLayer(0);
  }
  const QuietGdalErrors quiet;
  if (OGRLayer* layer = dataset.GetLayerByName(wanted.c_str())) return layer;
  throw InputError(where, "no such layer; the dataset has: " + layer_names(dataset));
}

bool is_shapefile(GDALDataset& dataset) {
  return dataset.GetDriver() != nullptr &&
         EQUAL(dataset.GetDriver()->GetDescription(), "ESRI Shapefile");
}

// The Shapefile driver reports where it took the encoding from; neither item means raw bytes.
bool declares_encoding(OGRLayer& layer) {
  for (const char* item : {"CPG_VALUE", "LDID_VALUE"}) {
    const char* value = layer.GetMetadataItem(item, "SHAPEFILE");
    if (value != nullptr && *value != '\0') return true;
  }
  return false;
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
                                  last_gdal_error() + ")");
    }
  }
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
                                ") to WGS84: " + last_gdal_error());
  }
  return transform;
}

}  // namespace

SourceLayer SourceLayer::open(const LayerRef& ref, const ReadSettings& settings) {
  DataLocation where{displayed_path(ref.path), ref.layer, std::nullopt, {}};
  if (!settings.encoding.empty()) check_encoding_known(settings.encoding, where);
  DatasetPtr dataset = open_dataset(ref.path, CPLStringList(), where);
  OGRLayer* layer = pick_layer(*dataset, ref.layer, where);
  TextDecoder decoder;
  if (!settings.encoding.empty()) {
    if (is_shapefile(*dataset)) {
      if (!declares_encoding(*layer)) {
        CPLStringList options;
        options.SetNameValue("ENCODING", settings.encoding.c_str());
        dataset = open_dataset(ref.path, options, where);
        layer = pick_layer(*dataset, ref.layer, where);
      }
    } else if (!layer->TestCapability(OLCStringsAsUTF8)) {
      decoder = TextDecoder(settings.encoding, where);
    }
  }
  where.layer = layer->GetName();
  TransformPtr to_wgs84;
  // A table without geometry gets its "no geometry" error from for_each_feature, not a CRS one.
  if (layer->GetGeomType() != wkbNone) {
    to_wgs84 = transform_to_wgs84(source_crs(*layer, settings.assume_crs, where), where);
  }
  FieldReader values(where, std::move(decoder));
  return SourceLayer(std::move(dataset), layer, std::move(where), std::move(to_wgs84),
                     std::move(values));
}

SourceLayer::SourceLayer(DatasetPtr dataset, OGRLayer* layer, DataLocation where,
                         TransformPtr to_wgs84, FieldReader values)
    : m_dataset(std::move(dataset)),
      m_layer(layer),
      m_where(std::move(where)),
      m_to_wgs84(std::move(to_wgs84)),
      m_values(std::move(values)) {}

FieldRef SourceLayer::field(const std::string& explicit_name,
                            std::initializer_list<const char*> defaults) const {
  return find_field(*m_layer->GetLayerDefn(), explicit_name, defaults, m_where);
}

DataLocation SourceLayer::at(std::int64_t fid) const {
  DataLocation where = m_where;
  where.feature = fid;
  return where;
}

void SourceLayer::for_each_feature(std::initializer_list<OgrShape> accepted,
                                   const std::string& expected, ReadReport& report,
                                   const FeatureVisitor& visit) {
  if (m_layer->GetGeomType() == wkbNone) {
    throw InputError(m_where, "the layer has no geometry; expected " + expected);
  }
  m_layer->ResetReading();
  std::int64_t position = 0;
  while (true) {
    CPLErrorReset();
    FeaturePtr feature(m_layer->GetNextFeature());
    if (!feature) {
      // A driver stops with a failure on a corrupt record; a silently shortened layer would
      // under-count population, so it is an error.
      if (CPLGetLastErrorType() >= CE_Failure) {
        throw InputError(at(position), "reading stopped: " + last_gdal_error());
      }
      break;
    }
    ++report.features;
    const std::int64_t fid = feature->GetFID() == OGRNullFID ? position : feature->GetFID();
    ++position;
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry == nullptr) {
      ++report.null_geometry;
      continue;
    }
    if (geometry->IsEmpty()) {
      ++report.empty_geometry;
      continue;
    }
    const OGRwkbGeometryType type = geometry->getGeometryType();
    if (std::find(accepted.begin(), accepted.end(), shape_of(type)) == accepted.end()) {
      throw InputError(at(fid), std::string("geometry is ") + OGRGeometryTypeToName(type) +
                                    ", expected " + expected);
    }
    if (geometry->hasCurveGeometry()) {
      feature->SetGeometryDirectly(geometry->getLinearGeometry());
      geometry = feature->GetGeometryRef();
    }
    if (m_to_wgs84 && geometry->transform(m_to_wgs84.get()) != OGRERR_NONE) {
      throw InputError(at(fid),
                       "coordinates cannot be transformed to WGS84 lon/lat (outside "
                       "the area of the layer's CRS?)");
    }
    visit(*feature, fid, *geometry);
  }
}

}  // namespace io::detail
