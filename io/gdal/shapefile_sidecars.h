// A Shapefile is several files side by side. Without its .shx GDAL refuses the layer with an
// error that names no file; without its .dbf GDAL reads the shapes silently with no attributes,
// so ids become 0, 1, 2... and population disappears. Both are refused here, naming the missing
// file. (A missing .prj is the reader's CRS error, a missing .cpg its encoding rule.)
#pragma once

#include <string>

#include "io/errors.h"

namespace io::detail {

/// When `path` names a Shapefile's .shp (any case) that exists, or a folder holding
/// `<layer>.shp`: its .shx and .dbf must exist beside it (lower or upper case extension).
/// Throws InputError at `where` naming the missing file. Anything else: no check.
void check_shapefile_sidecars(const std::string& path, const std::string& layer,
                              const DataLocation& where);

}  // namespace io::detail
