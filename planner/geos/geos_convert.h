// Conversions between planner's plain geometry values and GEOS geometries.
#pragma once

#include <optional>

#include "planner/geometry.h"
#include "planner/geos/geos_handle.h"

namespace planner {

GeomPtr to_geos(const GeosContext& ctx, XY point);
GeomPtr to_geos(const GeosContext& ctx, const LineString& line);
GeomPtr to_geos_ring(const GeosContext& ctx, const Ring& ring);  ///< a LinearRing
GeomPtr to_geos_polygon(const GeosContext& ctx, const Polygon& polygon);
/// A MultiPolygon value becomes a GEOS MultiPolygon (or Polygon when it has one part).
GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape);

/// Polygonal GEOS geometry (Polygon, MultiPolygon or a collection holding them) to a value;
/// other parts of a collection are ignored.
MultiPolygon multipolygon_from_geos(const GeosContext& ctx, const GEOSGeometry* g);

/// The geometry's bounding box; nullopt when GEOS gives none (an empty geometry).
std::optional<Box> bounding_box(const GeosContext& ctx, const GEOSGeometry* g);

/// A point guaranteed inside the shape (GEOS point-on-surface).
XY point_on_surface(const GeosContext& ctx, const GEOSGeometry* g);

/// Area in square metres (planar, run CRS).
double area_m2(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace planner
