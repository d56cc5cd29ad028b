// The columns and types are QGIS's own (as its OGR provider creates the table), so QGIS finds
// the default style by f_table_name, f_geometry_column and useAsDefault, and saving another
// style from QGIS appends to the same table.
#include "io/gdal/layer_styles_table.h"

#include <algorithm>

#include "io/errors.h"
#include "io/gdal/gdal_handles.h"

namespace io::detail {
namespace {

std::string where(const std::string& file) {
  return "output '" + file + "', layer 'layer_styles': ";
}

void add_field(OGRLayer& table, const char* name, OGRFieldType type, int width,
               OGRFieldSubType subtype, const std::string& file) {
  OGRFieldDefn field(name, type);
  field.SetWidth(width);
  field.SetSubType(subtype);
  if (table.CreateField(&field) != OGRERR_NONE) {
    throw OutputError(where(file) + "cannot create field '" + name + "': " + last_gdal_error());
  }
}

}  // namespace

void write_layer_styles(GDALDataset& dataset, const std::vector<OutputLayer>& layers,
                        const std::string& update_time, const std::string& file,
                        const StylesSchema& schema) {
  if (std::none_of(layers.begin(), layers.end(),
                   [](const OutputLayer& l) { return !l.style_qml.empty(); })) {
    return;
  }
  CPLStringList options;
  options.SetNameValue("FID", "id");
  const std::string prefix = schema.create_schema.empty() ? "" : schema.create_schema + ".";
  if (!prefix.empty()) {
    options.SetNameValue("SCHEMA", schema.create_schema.c_str());
    options.SetNameValue("LAUNDER", "NO");  // QGIS looks the columns up as styleQML etc.
  }
  OGRLayer* table = dataset.CreateLayer("layer_styles", nullptr, wkbNone, options.List());
  if (table == nullptr) throw OutputError(where(file) + "cannot create: " + last_gdal_error());
  for (const char* text :
       {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column"}) {
    add_field(*table, text, OFTString, 256, OFSTNone, file);
  }
  add_field(*table, "styleName", OFTString, 30, OFSTNone, file);
  add_field(*table, "styleQML", OFTString, 0, OFSTNone, file);
  add_field(*table, "styleSLD", OFTString, 0, OFSTNone, file);
  add_field(*table, "useAsDefault", OFTInteger, 0, OFSTBoolean, file);
  add_field(*table, "description", OFTString, 0, OFSTNone, file);
  add_field(*table, "owner", OFTString, 30, OFSTNone, file);
  add_field(*table, "ui", OFTString, 30, OFSTNone, file);
  add_field(*table, "update_time", OFTDateTime, 0, OFSTNone, file);

  for (const OutputLayer& layer : layers) {
    if (layer.style_qml.empty()) continue;
    OGRLayer* written = dataset.GetLayerByName((prefix + layer.name).c_str());
    if (written == nullptr) throw OutputError(where(file) + "no layer '" + layer.name + "'");
    FeaturePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
    row->SetField("f_table_catalog", "");
    row->SetField("f_table_schema", schema.table_schema.c_str());
    row->SetField("f_table_name", layer.name.c_str());
    row->SetField("f_geometry_column", written->GetGeometryColumn());
    row->SetField("styleName", layer.name.c_str());
    row->SetField("styleQML", layer.style_qml.c_str());
    // QGIS reads the QML; the SLD column is for other clients, which have no default style
    // convention of their own to honour, so it stays empty (docs/outputs.md §6).
    row->SetField("styleSLD", "");
    row->SetField("useAsDefault", 1);
    row->SetField("description", ("circleplan default style for " + layer.name).c_str());
    row->SetField("owner", "");
    row->SetField("ui", "");
    row->SetField("update_time", update_time.c_str());
    if (table->CreateFeature(row.get()) != OGRERR_NONE) {
      throw OutputError(where(file) + "cannot write the style of '" + layer.name +
                        "': " + last_gdal_error());
    }
  }
}

}  // namespace io::detail
