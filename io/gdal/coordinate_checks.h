// Checks of a layer's coordinates against its declared CRS while it is read: numbers that
// cannot be lon/lat under a geographic CRS, lon/lat degrees under a projected one, points PROJ
// cannot transform. Each failure is an InputError naming the feature and saying how to give the
// layer its real CRS.
#pragma once

#include <algorithm>
#include <limits>

#include <ogr_geometry.h>

#include "io/errors.h"
#include "io/gdal/source_layer.h"

namespace io::detail {

/// The extent of the coordinates seen so far.
struct CoordinateBox {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  void add(double x, double y) {
    min_x = std::min(min_x, x);
    min_y = std::min(min_y, y);
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
  }
  bool empty() const { return min_x > max_x; }
  bool within_degrees() const {
    return !empty() && min_x >= -180.0 && max_x <= 180.0 && min_y >= -90.0 && max_y <= 90.0;
  }
};

/// NaN or infinite coordinates, and numbers that cannot be lon/lat in a geographic CRS, are
/// errors; a projected layer's coordinates are gathered into `source_box`.
void check_coordinates(const OGRGeometry& geometry, const CrsFacts& crs, const DataLocation& where,
                       CoordinateBox& source_box);

/// The error for a feature PROJ could not transform to WGS84, with the likely cause.
[[noreturn]] void throw_untransformable(const CrsFacts& crs, const DataLocation& where,
                                        const CoordinateBox& source_box);

/// After the whole layer: a projected layer whose numbers all look like degrees and land outside
/// the CRS's area of use once transformed is an error (degrees read as metres).
void check_not_degrees_as_metres(const CrsFacts& crs, const DataLocation& where,
                                 const CoordinateBox& source_box, const CoordinateBox& lonlat_box);

}  // namespace io::detail
