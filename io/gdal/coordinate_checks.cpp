#include "io/gdal/coordinate_checks.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "io/gdal/ogr_geometry.h"

namespace io::detail {
namespace {

bool is_lonlat(double x, double y) {
  return std::abs(x) <= 180.0 && std::abs(y) <= 90.0;
}

std::string format_xy(double x, double y) {
  char text[80];
  std::snprintf(text, sizeof text, "(%.10g, %.10g)", x, y);
  return text;
}

std::string format_range(double from, double to) {
  char text[80];
  std::snprintf(text, sizeof text, "%.10g to %.10g", from, to);
  return text;
}

// The remedies for a layer whose declared CRS does not match its numbers: metres under a
// lon/lat CRS, and degrees under a projected one.
const char* const metres_hint =
    "give the layer its real CRS without moving the numbers, e.g. `ogr2ogr -a_srs EPSG:4549 "
    "fixed.gpkg <file>` for CGCS2000 Gauss-Kruger metres (a GeoJSON without a \"crs\" member is "
    "always read as EPSG:4326 lon/lat)";
const char* const degrees_hint =
    "give the layer its real CRS without moving the numbers, e.g. `ogr2ogr -a_srs EPSG:4326 "
    "fixed.gpkg <file>` for lon/lat (the .prj or CRS of the file is wrong)";

}  // namespace

/// NaN or infinite coordinates, and numbers that cannot be lon/lat in a geographic CRS, are
/// errors; a projected layer's coordinates are gathered into `source_box`.
void check_coordinates(const OGRGeometry& geometry, const CrsFacts& crs, const DataLocation& where,
                       CoordinateBox& source_box) {
  for_each_xy(geometry, [&](double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) {
      throw InputError(where, std::string("coordinate ") + format_xy(x, y) +
                                  " is not a finite number (NaN or infinite); fix or "
                                  "delete this feature's geometry in GIS");
    }
    if (crs.geographic && !is_lonlat(x, y)) {
      const bool swapped = std::abs(x) <= 90.0 && std::abs(y) <= 180.0;
      throw InputError(where, std::string("coordinate ") + format_xy(x, y) +
                                  " is not longitude/latitude, but the "
                                  "layer's CRS (" +
                                  crs.name + ") is in degrees" +
                                  (swapped ? "; x and y look swapped: x must be the longitude, y "
                                             "the latitude; swap the columns of the export"
                                           : std::string("; the numbers look like metres of a "
                                                         "projected CRS; ") +
                                                 metres_hint));
    }
    if (crs.projected) source_box.add({x, y});
    return true;
  });
}

[[noreturn]] void throw_untransformable(const CrsFacts& crs, const DataLocation& where,
                                        const CoordinateBox& source_box) {
  std::string what = "coordinates cannot be transformed from the layer's CRS (" + crs.name +
                     ") to WGS84 lon/lat: they lie outside the area the CRS is made for";
  if (crs.projected && within_degrees(source_box)) {
    what += "; they look like lon/lat degrees, not metres: ";
    what += degrees_hint;
  } else {
    what += "; check the layer's CRS, or fix or delete this feature";
  }
  throw InputError(where, what);
}

/// Degrees read as metres land a few hundred metres from the CRS's false origin, far outside
/// the area it is made for; a small layer in a local grid near its origin stays inside.
void check_not_degrees_as_metres(const CrsFacts& crs, const DataLocation& where,
                                 const CoordinateBox& source_box, const CoordinateBox& lonlat_box) {
  if (crs.projected && crs.has_area && within_degrees(source_box) &&
      (lonlat_box.max_x < crs.west || lonlat_box.min_x > crs.east || lonlat_box.max_y < crs.south ||
       lonlat_box.min_y > crs.north)) {
    throw InputError(where, std::string("every coordinate lies within x ") +
                                format_range(source_box.min_x, source_box.max_x) + ", y " +
                                format_range(source_box.min_y, source_box.max_y) +
                                ": these look like lon/lat degrees, but the layer's CRS (" +
                                crs.name +
                                ") is projected and puts them outside its area "
                                "of use; " +
                                degrees_hint);
  }
}

}  // namespace io::detail
