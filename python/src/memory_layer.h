// GeoDataFrames as input layers: the package hands over each frame's geometry as WKB and its
// columns as lists, and this writes them into a GeoPackage (FlatGeobuf for a frame without a CRS)
// in GDAL's memory file system (/vsimem/), which the readers then open as they open any file: the
// same field lookup, checks and messages (a frame without a CRS is the error of a layer without
// one). The package names the file `<GeoDataFrame: N rows>` in messages and summary.json
// (wording.h).
#pragma once

#include <pybind11/pybind11.h>

namespace pycircleplan {

/// _circleplan.memory_layer(role, crs, wkb, columns) -> path, and drop_memory_layer(path).
void bind_memory_layers(pybind11::module_& m);

}  // namespace pycircleplan
