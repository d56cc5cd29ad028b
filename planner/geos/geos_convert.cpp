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

GEOSGeometry* make_ring(const GeosContext& ctx, const Ring& ring) {
  GEOSGeometry* g = GEOSGeom_createLinearRing_r(ctx.get(), make_sequence(ctx, ring));
  if (!g) throw std::runtime_error(std::string("GEOS ring: ") + ctx.last_error());
  return g;
}

/// Releases owned parts into a raw array when GEOS takes them over. Until then a throw (a ring
/// GEOS refuses) frees what was already built.
std::vector<GEOSGeometry*> hand_over(std::vector<GeomPtr>& owned) {
  std::vector<GEOSGeometry*> raw;
  raw.reserve(owned.size());
  for (GeomPtr& g : owned) raw.push_back(g.release());
  return raw;
}

GEOSGeometry* make_polygon(const GeosContext& ctx, const Polygon& polygon) {
  GeomPtr shell(make_ring(ctx, polygon.outer), GeomDeleter{ctx.get()});
  std::vector<GeomPtr> holes;
  holes.reserve(polygon.holes.size());
  for (const Ring& hole : polygon.holes) {
    holes.emplace_back(make_ring(ctx, hole), GeomDeleter{ctx.get()});
  }
  std::vector<GEOSGeometry*> raw_holes = hand_over(holes);
  // GEOS owns shell and holes from here, also when it fails.
  GEOSGeometry* g = GEOSGeom_createPolygon_r(ctx.get(), shell.release(), raw_holes.data(),
                                             static_cast<unsigned>(raw_holes.size()));
  if (!g) throw std::runtime_error(std::string("GEOS polygon: ") + ctx.last_error());
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
  return GeomPtr(make_ring(ctx, ring), GeomDeleter{ctx.get()});
}

GeomPtr to_geos_polygon(const GeosContext& ctx, const Polygon& polygon) {
  return GeomPtr(make_polygon(ctx, polygon), GeomDeleter{ctx.get()});
}

GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape) {
  if (shape.size() == 1) return own(ctx, make_polygon(ctx, shape.front()), "polygon");
  std::vector<GeomPtr> owned;
  owned.reserve(shape.size());
  for (const Polygon& p : shape) owned.emplace_back(make_polygon(ctx, p), GeomDeleter{ctx.get()});
  std::vector<GEOSGeometry*> parts = hand_over(owned);
  return own(ctx,
             GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOLYGON, parts.data(),
                                         static_cast<unsigned>(parts.size())),
             "multipolygon");
}

MultiPolygon multipolygon_from_geos(const GeosContext& ctx, const GEOSGeometry* g) {
  MultiPolygon out;
  append_polygons(ctx, g, out);
  return out;
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
