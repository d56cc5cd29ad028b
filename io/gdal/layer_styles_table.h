// QGIS's layer_styles table in a GeoPackage: the style each layer opens with (the QGIS
// GeoPackage convention QGIS itself reads and writes; docs/outputs.md §6).
#pragma once

#include <string>
#include <vector>

#include <gdal_priv.h>

#include "io/gdal/output_layer.h"

namespace io::detail {

/// Adds a layer_styles table (an attributes table in gpkg_contents) holding one default style
/// per layer of `layers` with a style_qml; the layers are already written to `dataset`.
/// `update_time` is written as given, so the file stays byte-identical from run to run. Nothing
/// when no layer has a style. Throws OutputError naming `file`.
/// PostGIS (postgis_output.h): the table and the layers are created in `create_schema`, a
/// temporary schema renamed at the end, so the rows name `table_schema` (the final one) as
/// their f_table_schema. Empty for a GeoPackage.
struct StylesSchema {
  std::string create_schema;
  std::string table_schema;
};
void write_layer_styles(GDALDataset& dataset, const std::vector<OutputLayer>& layers,
                        const std::string& update_time, const std::string& file,
                        const StylesSchema& schema = {});

}  // namespace io::detail
