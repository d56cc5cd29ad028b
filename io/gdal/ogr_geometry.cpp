#include "io/gdal/ogr_geometry.h"

#include <memory>

#include <geos_c.h>
#include <ogr_api.h>
#include <ogr_geometry.h>

namespace io::detail {
namespace {

planner::LineString points_of(const OGRSimpleCurve& curve) {
  planner::LineString points;
  points.reserve(static_cast<std::size_t>(curve.getNumPoints()));
  for (int i = 0; i < curve.getNumPoints(); ++i) points.push_back({curve.getX(i), curve.getY(i)});
  return points;
}

// Rings read from files are closed almost always; closing here keeps planner's invariant
// ("first point equals last") even for sloppy GeoJSON.
std::optional<planner::Ring> closed_ring(const OGRLinearRing* ring) {
  if (ring == nullptr) return std::nullopt;
  planner::Ring points = points_of(*ring);
  if (!points.empty() && !(points.front() == points.back())) points.push_back(points.front());
  if (points.size() < 4) return std::nullopt;
  return points;
}

void append_polygon(const OGRPolygon& polygon, planner::MultiPolygon& out,
                    std::size_t& degenerate) {
  if (polygon.IsEmpty()) return;
  std::optional<planner::Ring> outer = closed_ring(polygon.getExteriorRing());
  if (!outer) {
    ++degenerate;
    return;
  }
  planner::Polygon result{std::move(*outer), {}};
  for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
    if (std::optional<planner::Ring> hole = closed_ring(polygon.getInteriorRing(i))) {
      result.holes.push_back(std::move(*hole));
    } else {
      ++degenerate;
    }
  }
  out.push_back(std::move(result));
}

void set_points(OGRSimpleCurve& curve, const std::vector<planner::XY>& points) {
  curve.setNumPoints(static_cast<int>(points.size()), FALSE);
  for (std::size_t i = 0; i < points.size(); ++i) {
    curve.setPoint(static_cast<int>(i), points[i].x, points[i].y);
  }
}

std::unique_ptr<OGRLinearRing> to_ogr_ring(const planner::Ring& ring) {
  auto out = std::make_unique<OGRLinearRing>();
  set_points(*out, ring);
  return out;
}

}  // namespace

OgrShape shape_of(OGRwkbGeometryType type) {
  switch (OGR_GT_GetLinear(wkbFlatten(type))) {
    case wkbPoint:
    case wkbMultiPoint:
      return OgrShape::point;
    case wkbLineString:
    case wkbMultiLineString:
      return OgrShape::line;
    case wkbPolygon:
    case wkbMultiPolygon:
      return OgrShape::polygon;
    default:
      return OgrShape::other;
  }
}

bool for_each_xy(const OGRGeometry& geometry, const std::function<bool(double x, double y)>& fn) {
  const auto curve_xy = [&fn](const OGRSimpleCurve& curve) {
    for (int i = 0; i < curve.getNumPoints(); ++i) {
      if (!fn(curve.getX(i), curve.getY(i))) return false;
    }
    return true;
  };
  const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
  if (type == wkbPoint) {
    const OGRPoint& point = *geometry.toPoint();
    return point.IsEmpty() || fn(point.getX(), point.getY());
  }
  if (type == wkbLineString) return curve_xy(*geometry.toSimpleCurve());
  if (type == wkbPolygon) {
    for (const OGRLinearRing* ring : *geometry.toPolygon()) {
      if (!curve_xy(*ring)) return false;
    }
    return true;
  }
  if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
    for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
      if (!for_each_xy(*part, fn)) return false;
    }
  }
  return true;
}

GeometryPtr collection_as_multi(const OGRGeometry& geometry, OgrShape shape) {
  if (wkbFlatten(geometry.getGeometryType()) != wkbGeometryCollection) return nullptr;
  const OGRGeometryCollection& collection = *geometry.toGeometryCollection();
  for (const OGRGeometry* part : collection) {
    if (shape_of(part->getGeometryType()) != shape) return nullptr;
  }
  GeometryPtr copy(geometry.clone());
  OGRGeometry* multi = nullptr;
  switch (shape) {
    case OgrShape::point:
      multi = OGRGeometryFactory::forceToMultiPoint(copy.release());
      break;
    case OgrShape::line:
      multi = OGRGeometryFactory::forceToMultiLineString(copy.release());
      break;
    case OgrShape::polygon:
      multi = OGRGeometryFactory::forceToMultiPolygon(copy.release());
      break;
    case OgrShape::other:
      return nullptr;
  }
  GeometryPtr out(multi);
  // A member that is itself multi is not unpacked by forceTo*: refuse rather than misread it.
  if (!out || shape_of(out->getGeometryType()) != shape) return nullptr;
  return out;
}

std::optional<std::string> invalidity(const OGRGeometry& geometry) {
  if (geometry.IsValid()) return std::nullopt;
  // OGR says only "invalid"; GEOS says why and where, which a planner can find in GIS.
  std::string reason = "invalid polygon";
  GEOSContextHandle_t ctx = OGRGeometry::createGEOSContext();
  if (GEOSGeometry* g = geometry.exportToGEOS(ctx)) {
    if (char* why = GEOSisValidReason_r(ctx, g)) {
      reason = why;
      GEOSFree_r(ctx, why);
    }
    GEOSGeom_destroy_r(ctx, g);
  }
  OGRGeometry::freeGEOSContext(ctx);
  return reason;
}

std::vector<planner::XY> point_parts(const OGRGeometry& geometry) {
  std::vector<planner::XY> out;
  auto add = [&out](const OGRPoint& point) {
    if (!point.IsEmpty()) out.push_back({point.getX(), point.getY()});
  };
  if (wkbFlatten(geometry.getGeometryType()) == wkbPoint) {
    add(*geometry.toPoint());
  } else {
    for (const OGRPoint* point : *geometry.toMultiPoint()) add(*point);
  }
  return out;
}

std::vector<planner::LineString> line_parts(const OGRGeometry& geometry, std::size_t& degenerate) {
  std::vector<planner::LineString> out;
  auto add = [&](const OGRLineString& line) {
    if (line.IsEmpty()) return;
    if (line.getNumPoints() < 2) {
      ++degenerate;
      return;
    }
    out.push_back(points_of(line));
  };
  if (wkbFlatten(geometry.getGeometryType()) == wkbLineString) {
    add(*geometry.toLineString());
  } else {
    for (const OGRLineString* line : *geometry.toMultiLineString()) add(*line);
  }
  return out;
}

planner::MultiPolygon polygon_parts(const OGRGeometry& geometry, std::size_t& degenerate) {
  planner::MultiPolygon out;
  if (wkbFlatten(geometry.getGeometryType()) == wkbPolygon) {
    append_polygon(*geometry.toPolygon(), out, degenerate);
  } else {
    for (const OGRPolygon* polygon : *geometry.toMultiPolygon()) {
      append_polygon(*polygon, out, degenerate);
    }
  }
  return out;
}

std::optional<planner::XY> point_on_surface(const OGRGeometry& geometry) {
  const GeometryPtr point(OGRGeometry::FromHandle(
      OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&geometry)))));
  if (!point || point->IsEmpty() || wkbFlatten(point->getGeometryType()) != wkbPoint) {
    return std::nullopt;
  }
  return planner::XY{point->toPoint()->getX(), point->toPoint()->getY()};
}

GeometryPtr to_ogr(const RowGeometry& geometry) {
  if (const auto* point = std::get_if<planner::XY>(&geometry)) {
    return GeometryPtr(new OGRPoint(point->x, point->y));
  }
  if (const auto* line = std::get_if<planner::LineString>(&geometry)) {
    auto out = std::make_unique<OGRLineString>();
    set_points(*out, *line);
    return GeometryPtr(out.release());
  }
  if (const auto* polygons = std::get_if<planner::MultiPolygon>(&geometry)) {
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const planner::Polygon& polygon : *polygons) {
      auto ogr_polygon = std::make_unique<OGRPolygon>();
      ogr_polygon->addRingDirectly(to_ogr_ring(polygon.outer).release());
      for (const planner::Ring& hole : polygon.holes) {
        ogr_polygon->addRingDirectly(to_ogr_ring(hole).release());
      }
      out->addGeometryDirectly(ogr_polygon.release());
    }
    return GeometryPtr(out.release());
  }
  if (const auto* lines = std::get_if<planner::MultiLineString>(&geometry)) {
    auto out = std::make_unique<OGRMultiLineString>();
    for (const planner::LineString& line : *lines) {
      auto part = std::make_unique<OGRLineString>();
      set_points(*part, line);
      out->addGeometryDirectly(part.release());
    }
    return GeometryPtr(out.release());
  }
  return nullptr;
}

OGRwkbGeometryType ogr_type_of(GeometryKind kind) {
  switch (kind) {
    case GeometryKind::point:
      return wkbPoint;
    case GeometryKind::line:
      return wkbLineString;
    case GeometryKind::polygon:
      return wkbMultiPolygon;
    case GeometryKind::multi_line:
      return wkbMultiLineString;
    case GeometryKind::none:
      break;
  }
  return wkbNone;
}

bool fits(const RowGeometry& geometry, GeometryKind kind) {
  if (std::holds_alternative<std::monostate>(geometry)) return true;
  switch (kind) {
    case GeometryKind::point:
      return std::holds_alternative<planner::XY>(geometry);
    case GeometryKind::line:
      return std::holds_alternative<planner::LineString>(geometry);
    case GeometryKind::polygon:
      return std::holds_alternative<planner::MultiPolygon>(geometry);
    case GeometryKind::multi_line:
      return std::holds_alternative<planner::MultiLineString>(geometry);
    case GeometryKind::none:
      break;
  }
  return false;
}

}  // namespace io::detail
