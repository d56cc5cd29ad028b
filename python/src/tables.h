// Output tables (io::OutputLayer) handed to Python column by column: the package builds pandas
// DataFrames from them, and GeoDataFrames from the geometry as WKB.
#pragma once

#include <vector>

#include <pybind11/pybind11.h>

#include "io/gdal/output_layer.h"
#include "wording.h"

namespace pycircleplan {

/// {"name", "fields": [(name, "integer" | "real" | "text")], "columns": [[values]...],
///  "wkb": [bytes | None] or None for a table without geometry}. Nulls are None.
pybind11::dict table_of(const io::OutputLayer& layer);

/// Every text value with the labels applied (a GeoDataFrame named as such, not by its file).
void relabel(std::vector<io::OutputLayer>& layers, const Wording& labels);

}  // namespace pycircleplan
