#include "planner/coverage/valid_shape.h"

#include "planner/geos/geos_convert.h"

namespace planner {

GeomPtr valid_shape(const GeosContext& ctx, const MultiPolygon& shape) {
  GeomPtr g = to_geos(ctx, shape);
  if (GEOSisValid_r(ctx.get(), g.get()) != 1) {
    g = own(ctx, GEOSMakeValid_r(ctx.get(), g.get()), "make valid");
  }
  return g;
}

}  // namespace planner
