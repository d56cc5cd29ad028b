#include "planner/geos/geos_convert.h"

#include <stdexcept>
#include <vector>

namespace planner {
namespace {

GEOSCoordSequence* make_sequence(const GeosContext& ctx, const std::vector<XY>& points) {
  // XY is two packed doubles, the layout GEOSCoordSeq_copyFromBuffer expects for 2D.
  static_assert(sizeof(XY) == 2 * sizeof(double));
  GEOSCoordSequence* seq =
      GEOSCoordSeq_copyFromBuffer_r(ctx.get(), reinterpret_cast<const double*>(points.data()),
                                    static_cast<unsigned>(points.size()), 0, 0);
  if (!seq) throw std::runtime_error(std::string("GEOS coordinates: ") + ctx.last_error());
  return seq;
}

GeomPtr make_ring(const GeosContext& ctx, const Ring& ring) {
  GeomPtr g(GEOSGeom_createLinearRing_r(ctx.get(), make_sequence(ctx, ring)),
            GeomDeleter{ctx.get()});
  if (!g) throw std::runtime_error(std::string("GEOS ring: ") + ctx.last_error());
  return g;
}

Ring ring_from_geos(const GeosContext& ctx, const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.get(), ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(ctx.get(), seq, &n);
  Ring out(n);
  if (n > 0) {
    GEOSCoordSeq_copyToBuffer_r(ctx.get(), seq, reinterpret_cast<double*>(out.data()), 0, 0);
  }
  return out;
}

void append_polygons(const GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
  switch (GEOSGeomTypeId_r(ctx.get(), g)) {
    case GEOS_POLYGON: {
      if (GEOSisEmpty_r(ctx.get(), g)) return;
      Polygon p;
      p.outer = ring_from_geos(ctx, GEOSGetExteriorRing_r(ctx.get(), g));
      int holes = GEOSGetNumInteriorRings_r(ctx.get(), g);
      for (int i = 0; i < holes; ++i) {
        p.holes.push_back(ring_from_geos(ctx, GEOSGetInteriorRingN_r(ctx.get(), g, i)));
      }
      out.push_back(std::move(p));
      return;
    }
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
      int n = GEOSGetNumGeometries_r(ctx.get(), g);
      for (int i = 0; i < n; ++i) append_polygons(ctx, GEOSGetGeometryN_r(ctx.get(), g, i), out);
      return;
    }
    default:
      return;
  }
}

}  // namespace

GeomPtr to_geos(const GeosContext& ctx, XY point) {
  return own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), point.x, point.y), "point");
}

GeomPtr to_geos(const GeosContext& ctx, const LineString& line) {
  return own(ctx, GEOSGeom_createLineString_r(ctx.get(), make_sequence(ctx, line)), "line");
}

GeomPtr to_geos_ring(const GeosContext& ctx, const Ring& ring) {
  return make_ring(ctx, ring);
}

GeomPtr to_geos_polygon(const GeosContext& ctx, const Polygon& polygon) {
  GeomPtr shell = make_ring(ctx, polygon.outer);
  std::vector<GeomPtr> holes;
  holes.reserve(polygon.holes.size());
  for (const Ring& hole : polygon.holes) holes.push_back(make_ring(ctx, hole));
  return make_polygon(ctx, std::move(shell), std::move(holes), "polygon");
}

GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape) {
  if (shape.size() == 1) return to_geos_polygon(ctx, shape.front());
  std::vector<GeomPtr> parts;
  parts.reserve(shape.size());
  for (const Polygon& p : shape) parts.push_back(to_geos_polygon(ctx, p));
  return make_collection(ctx, GEOS_MULTIPOLYGON, std::move(parts), "multipolygon");
}

MultiPolygon multipolygon_from_geos(const GeosContext& ctx, const GEOSGeometry* g) {
  MultiPolygon out;
  append_polygons(ctx, g, out);
  return out;
}

std::optional<Box> bounding_box(const GeosContext& ctx, const GEOSGeometry* g) {
  Box b;
  if (!GEOSGeom_getXMin_r(ctx.get(), g, &b.min_x) || !GEOSGeom_getYMin_r(ctx.get(), g, &b.min_y) ||
      !GEOSGeom_getXMax_r(ctx.get(), g, &b.max_x) || !GEOSGeom_getYMax_r(ctx.get(), g, &b.max_y)) {
    return std::nullopt;
  }
  return b;
}

XY point_on_surface(const GeosContext& ctx, const GEOSGeometry* g) {
  GeomPtr p = own(ctx, GEOSPointOnSurface_r(ctx.get(), g), "point on surface");
  XY xy;
  if (GEOSisEmpty_r(ctx.get(), p.get()) || !GEOSGeomGetX_r(ctx.get(), p.get(), &xy.x) ||
      !GEOSGeomGetY_r(ctx.get(), p.get(), &xy.y)) {
    throw std::runtime_error("GEOS point on surface: empty geometry");
  }
  return xy;
}

double area_m2(const GeosContext& ctx, const GEOSGeometry* g) {
  double a = 0.0;
  if (!GEOSArea_r(ctx.get(), g, &a)) {
    throw std::runtime_error(std::string("GEOS area: ") + ctx.last_error());
  }
  return a;
}

}  // namespace planner
