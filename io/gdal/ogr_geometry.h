// Converting geometries between OGR and planner's plain values, both directions. Only x and y are
// kept (Z and M are dropped); curves must have been linearised before (see SourceLayer).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/gdal/gdal_handles.h"
#include "io/gdal/output_layer.h"
#include "planner/geometry.h"

namespace io::detail {

/// The broad kind of an OGR geometry type, after linearising curves: what reader roles accept.
enum class OgrShape { point, line, polygon, other };

/// Point/MultiPoint -> point, (Multi)LineString and curves -> line, (Multi)Polygon, CurvePolygon
/// and MultiSurface -> polygon; collections, TINs and the rest -> other.
OgrShape shape_of(OGRwkbGeometryType type);

/// Calls fn(x, y) for every vertex of a linear geometry (points, lines, polygons and collections
/// of them; curves must have been linearised). Stops early and returns false when fn does.
bool for_each_xy(const OGRGeometry& geometry, const std::function<bool(double x, double y)>& fn);

/// A GeometryCollection whose members all have `shape` (e.g. polygons from a CAD export) as the
/// matching multi-geometry (MultiPoint, MultiLineString, MultiPolygon); nullptr when a member
/// does not fit or `geometry` is not a collection.
GeometryPtr collection_as_multi(const OGRGeometry& geometry, OgrShape shape);

/// Why a polygon geometry is invalid by OGC rules (GEOS's reason, e.g. "Self-intersection at or
/// near point 120.98 31.38"); nullopt when it is valid.
std::optional<std::string> invalidity(const OGRGeometry& geometry);

/// The points of a Point or MultiPoint (empty points left out).
std::vector<planner::XY> point_parts(const OGRGeometry& geometry);

/// The parts of a LineString or MultiLineString; parts with fewer than 2 points are left out and
/// counted in `degenerate`.
std::vector<planner::LineString> line_parts(const OGRGeometry& geometry, std::size_t& degenerate);

/// The polygons of a Polygon or MultiPolygon, holes kept, every ring closed. Polygons whose outer
/// ring has fewer than 4 points, and such holes, are left out and counted in `degenerate`.
planner::MultiPolygon polygon_parts(const OGRGeometry& geometry, std::size_t& degenerate);

/// A point guaranteed inside the polygon(s) (GEOS point-on-surface through OGR); nullopt when
/// GEOS cannot compute one (e.g. an invalid ring).
std::optional<planner::XY> point_on_surface(const OGRGeometry& geometry);

/// The OGR geometry of one output row: OGRPoint, OGRLineString, OGRMultiPolygon or
/// OGRMultiLineString; an empty pointer for std::monostate (a null geometry).
GeometryPtr to_ogr(const RowGeometry& geometry);

/// The OGR layer geometry type for an output GeometryKind (wkbNone for a plain table).
OGRwkbGeometryType ogr_type_of(GeometryKind kind);

/// True when `geometry` holds the alternative that `kind` calls for (monostate always fits).
bool fits(const RowGeometry& geometry, GeometryKind kind);

}  // namespace io::detail
