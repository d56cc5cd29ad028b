// Coordinate systems with PROJ: resolving user CRS strings, transforming with a normalised
// axis order (x = easting/longitude, y = northing/latitude for every CRS), picking a UTM zone.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "planner/geometry.h"

namespace io {

/// A CRS PROJ does not know, a transformation it cannot build, or a point it cannot transform.
/// point_index() says which point of an apply() call failed, so callers can name the feature.
class CrsError : public std::runtime_error {
 public:
  CrsError(const std::string& what, std::optional<std::size_t> point_index)
      : std::runtime_error(what), m_point_index(point_index) {}
  std::optional<std::size_t> point_index() const { return m_point_index; }

 private:
  std::optional<std::size_t> m_point_index;
};

/// A PROJ transformation from one CRS to another, in traditional GIS axis order on both sides
/// (EPSG:4326 is lon/lat here, EPSG:4549 is easting/northing). Owns its PJ_CONTEXT, so one
/// object must not be used by two threads at once. Move-only.
class CrsTransform {
 public:
  /// source/target: anything PROJ accepts ("EPSG:4549", WKT, PROJJSON, a proj string).
  /// Throws CrsError (a std::runtime_error) naming both CRSs when PROJ cannot build it.
  static CrsTransform create(const std::string& source, const std::string& target);

  CrsTransform(CrsTransform&&) noexcept;
  CrsTransform& operator=(CrsTransform&&) noexcept;
  ~CrsTransform();

  /// Transforms points in place, in one PROJ call. Throws CrsError with the index of the first
  /// point that cannot be transformed (non-finite input or result); the points are then left
  /// partly transformed, so callers keep the originals when they need to report them.
  void apply(std::span<planner::XY> points) const;
  planner::XY apply(planner::XY point) const;

 private:
  struct Impl;
  explicit CrsTransform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// True when PROJ knows the CRS and it is projected with metre units (usable as a run CRS).
bool is_metric_projected(const std::string& crs);

/// How far lengths measured in the projected crs stray from true ground lengths near lonlat
/// (WGS84): max(|h - 1|, |k - 1|) of PROJ's meridional and parallel scale factors, e.g. 0.0001 for
/// EPSG:4549 in Kunshan, 0.17 for Web Mercator (EPSG:3857) there. Throws CrsError when crs is not
/// a projected CRS PROJ knows.
double scale_error_at(const std::string& crs, planner::XY lonlat);

/// The WGS84 UTM zone ("EPSG:326zz" north, "EPSG:327zz" south) containing lon/lat. Standard
/// 6-degree zones (no Norway/Svalbard exceptions: they only matter for grid references).
/// Throws std::invalid_argument outside lon [-180, 180], lat [-90, 90].
std::string utm_crs_for(double lon, double lat);

/// The CRS as WKT (WKT2_2019, one line) for writing .prj / GeoPackage srs. Throws CrsError if
/// PROJ does not know it. The WKT keeps the authority's axis order and id (EPSG:4549 says
/// northing first): GDAL converts it to what each format stores (WKT1 in GeoPackage, ESRI WKT in
/// .prj), and a writer must set OAMS_TRADITIONAL_GIS_ORDER since our coordinates are x = easting.
std::string crs_to_wkt(const std::string& crs);

}  // namespace io
