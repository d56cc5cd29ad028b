#include "io/gdal/ogr_layer_output.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "io/errors.h"
#include "io/gdal/ogr_geometry.h"
#include "planner/errors.h"

namespace io::detail {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// What a planner checks when a write fails half-way.
constexpr const char* write_hint = " (is the disk full, over a file size limit, or not writable?)";

std::string where(const std::string& file, const OutputLayer& layer) {
  return "output '" + file + "', layer '" + layer.name + "': ";
}

OGRFieldType ogr_type(FieldType type) {
  switch (type) {
    case FieldType::integer:
      return OFTInteger64;
    case FieldType::real:
      return OFTReal;
    case FieldType::text:
      break;
  }
  return OFTString;
}

// DBF text fields hold at most 254 bytes; sizing to the data keeps Shapefiles small and makes
// the width a function of the content only (so repeated runs stay byte-identical).
int text_width(const OutputLayer& layer, std::size_t column) {
  std::size_t width = 1;
  for (const auto& row : layer.rows) {
    if (const auto* text = std::get_if<std::string>(&row[column])) {
      width = std::max(width, text->size());
    }
  }
  return static_cast<int>(std::min<std::size_t>(width, 254));
}

/// A non-finite real is written as null: no layer ever holds inf or nan (GIS tools and the
/// CSV/JSON readers of other programs choke on them; inputs are bounded so none should arise).
void set_value(OGRFeature& feature, int index, const FieldValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    feature.SetField(index, static_cast<GIntBig>(*integer));
  } else if (const auto* real = std::get_if<double>(&value); real && std::isfinite(*real)) {
    feature.SetField(index, *real);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    feature.SetField(index, text->c_str());
  } else {
    feature.SetFieldNull(index);
  }
}

/// GeoPackage's R-tree for one layer, built in one statement from the committed rows (gpkg's SQL
/// function, which also registers the extension and the triggers that keep it current).
void create_spatial_index(GDALDataset& dataset, OGRLayer& out, const OutputLayer& layer,
                          const std::string& file) {
  // Layer and column names are circleplan's own (check_layers): no quote to escape.
  const std::string sql =
      "SELECT CreateSpatialIndex('" + layer.name + "', '" + out.GetGeometryColumn() + "')";
  CPLErrorReset();
  OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result != nullptr) dataset.ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) {
    throw OutputError(where(file, layer) + "cannot build the spatial index: " + last_gdal_error() +
                      write_hint);
  }
}

}  // namespace

bool has_geometry(const RowGeometry& geometry) {
  if (const auto* line = std::get_if<planner::LineString>(&geometry)) return !line->empty();
  if (const auto* polygons = std::get_if<planner::MultiPolygon>(&geometry))
    return !polygons->empty();
  if (const auto* lines = std::get_if<planner::MultiLineString>(&geometry)) return !lines->empty();
  return std::holds_alternative<planner::XY>(geometry);
}

void check_layers(const std::vector<OutputLayer>& layers) {
  std::set<std::string> layer_names;
  for (const OutputLayer& layer : layers) {
    const std::string at = "output layer '" + layer.name + "': ";
    if (layer.name.empty() || layer.name.front() == '.' ||
        layer.name.find_first_of("/\\") != std::string::npos) {
      throw planner::InternalError(at + "not usable as a file name");
    }
    if (!layer_names.insert(lower(layer.name)).second)
      throw planner::InternalError(at + "written twice");
    std::set<std::string> field_names;
    for (const OutputField& field : layer.fields) {
      if (field.name.empty() || field.name.size() > 10) {
        throw planner::InternalError(at + "field name '" + field.name +
                                     "' must have 1 to 10 characters (Shapefile's limit)");
      }
      if (!field_names.insert(lower(field.name)).second) {
        throw planner::InternalError(at + "field '" + field.name + "' appears twice");
      }
    }
    for (std::size_t row = 0; row < layer.rows.size(); ++row) {
      if (layer.rows[row].size() != layer.fields.size()) {
        throw planner::InternalError(at + "row " + std::to_string(row) + " has " +
                                     std::to_string(layer.rows[row].size()) + " values for " +
                                     std::to_string(layer.fields.size()) + " fields");
      }
    }
    const std::size_t geometries = layer.geometry == GeometryKind::none ? 0 : layer.rows.size();
    if (layer.geometries.size() != geometries) {
      throw planner::InternalError(at + std::to_string(layer.geometries.size()) +
                                   " geometries for " + std::to_string(geometries) + " expected");
    }
    for (std::size_t row = 0; row < layer.geometries.size(); ++row) {
      if (!fits(layer.geometries[row], layer.geometry)) {
        throw planner::InternalError(at + "row " + std::to_string(row) +
                                     " has a geometry of another kind than the layer's");
      }
    }
  }
}

std::unique_ptr<OGRSpatialReference> output_crs(const std::string& crs_wkt) {
  if (crs_wkt.empty()) return nullptr;
  auto crs = std::make_unique<OGRSpatialReference>();
  const QuietGdalErrors quiet;
  if (crs->SetFromUserInput(crs_wkt.c_str()) != OGRERR_NONE) {
    throw OutputError("the output CRS is not understood by GDAL: " + last_gdal_error());
  }
  crs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return crs;
}

void write_output_layer(GDALDataset& dataset, const OutputLayer& layer,
                        const OGRSpatialReference* crs, const LayerStyle& style,
                        const std::string& file, const planner::CancelToken& cancel) {
  const bool spatial =
      layer.geometry != GeometryKind::none && style.rows != RowSelection::without_geometry;
  OGRLayer* out = nullptr;
  {
    const QuietGdalErrors quiet;
    // GDAL 3.6's CreateLayer is not const-correct; it clones the CRS and only reads options.
    out = dataset.CreateLayer(
        layer.name.c_str(), spatial ? const_cast<OGRSpatialReference*>(crs) : nullptr,
        spatial ? ogr_type_of(layer.geometry) : wkbNone, const_cast<char**>(style.options.List()));
    if (out == nullptr) {
      throw OutputError(where(file, layer) + "cannot create the layer: " + last_gdal_error());
    }
  }
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    OGRFieldDefn definition(layer.fields[i].name.c_str(), ogr_type(layer.fields[i].type));
    if (style.sized_text && layer.fields[i].type == FieldType::text) {
      definition.SetWidth(text_width(layer, i));
    }
    CPLErrorReset();
    if (out->CreateField(&definition) != OGRERR_NONE) {
      throw OutputError(where(file, layer) + "cannot create field '" + layer.fields[i].name +
                        "': " + last_gdal_error());
    }
  }
  // Failures are reported once, in the OutputError, not also as GDAL's own "ERROR 1:" lines.
  const QuietGdalErrors quiet;
  const bool transaction =
      !style.in_caller_transaction && dataset.TestCapability(ODsCTransactions) != 0;
  if (transaction && dataset.StartTransaction() != OGRERR_NONE) {
    throw OutputError(where(file, layer) + "cannot start a transaction: " + last_gdal_error());
  }
  for (std::size_t row = 0; row < layer.rows.size(); ++row) {
    if (row % 256 == 0) cancel.check();  // the caller's staged output then discards the file
    if (style.rows != RowSelection::all && layer.geometry != GeometryKind::none &&
        has_geometry(layer.geometries[row]) != (style.rows == RowSelection::with_geometry)) {
      continue;
    }
    const FeaturePtr feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      set_value(*feature, static_cast<int>(i), layer.rows[row][i]);
    }
    if (spatial) {
      if (GeometryPtr geometry = to_ogr(layer.geometries[row])) {
        feature->SetGeometryDirectly(geometry.release());
      }
    }
    CPLErrorReset();
    if (out->CreateFeature(feature.get()) != OGRERR_NONE) {
      throw OutputError(where(file, layer) + "cannot write row " + std::to_string(row) + ": " +
                        last_gdal_error() + write_hint);
    }
  }
  // Without a commit the dataset's closing rolls the transaction back; the caller then discards
  // the temporary output anyway, so no rollback is needed on the error paths above.
  if (transaction && dataset.CommitTransaction() != OGRERR_NONE) {
    throw OutputError(where(file, layer) + "cannot commit: " + last_gdal_error() + write_hint);
  }
  if (spatial && style.index_after_rows) create_spatial_index(dataset, *out, layer, file);
}

}  // namespace io::detail
