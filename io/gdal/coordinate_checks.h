// Checks of a layer's coordinates against its declared CRS while it is read: numbers that
// cannot be lon/lat under a geographic CRS, lon/lat degrees under a projected one, points PROJ
// cannot transform. Each failure is an InputError naming the feature and saying how to give the
// layer its real CRS.
#pragma once

#include <ogr_geometry.h>

#include "io/errors.h"
#include "io/gdal/source_layer.h"
#include "planner/geometry.h"

namespace io::detail {

/// The extent of the coordinates seen so far (planner's one Box).
using CoordinateBox = planner::Box;

/// True when the box holds at least one point and every one could be lon/lat degrees.
inline bool within_degrees(const CoordinateBox& box) {
  return box.min_x <= box.max_x && box.min_x >= -180.0 && box.max_x <= 180.0 &&
         box.min_y >= -90.0 && box.max_y <= 90.0;
}

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
