// Coordinate systems with PROJ: resolving user CRS strings, transforming with a normalised
// axis order (x = easting/longitude, y = northing/latitude for every CRS), picking a UTM zone.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "planner/geometry.h"

namespace io {

/// A PROJ transformation from one CRS to another, in traditional GIS axis order on both sides
/// (EPSG:4326 is lon/lat here, EPSG:4549 is easting/northing). Owns its PJ_CONTEXT, so one
/// object must not be used by two threads at once. Move-only.
class CrsTransform {
 public:
  /// source/target: anything PROJ accepts ("EPSG:4549", WKT, PROJJSON, a proj string).
  /// Throws std::runtime_error naming both CRSs when PROJ cannot build the transformation.
  static CrsTransform create(const std::string& source, const std::string& target);

  CrsTransform(CrsTransform&&) noexcept;
  CrsTransform& operator=(CrsTransform&&) noexcept;
  ~CrsTransform();

  /// Transforms points in place. Throws when a point cannot be transformed (reports its index).
  void apply(std::span<planner::XY> points) const;
  planner::XY apply(planner::XY point) const;

 private:
  struct Impl;
  explicit CrsTransform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// True when PROJ knows the CRS and it is projected with metre units (usable as a run CRS).
bool is_metric_projected(const std::string& crs);

/// The WGS84 UTM zone ("EPSG:326zz" north, "EPSG:327zz" south) containing lon/lat.
std::string utm_crs_for(double lon, double lat);

/// The CRS as WKT (WKT2_2019) for writing .prj / GeoPackage srs. Throws if PROJ does not know it.
std::string crs_to_wkt(const std::string& crs);

}  // namespace io
