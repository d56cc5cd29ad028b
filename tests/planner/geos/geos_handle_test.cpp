// Collections and polygons built from owned parts: the parts end up in the result, in order.
#include "planner/geos/geos_handle.h"

#include <gtest/gtest.h>

#include "planner/geos/geos_convert.h"

namespace {

using planner::GeomPtr;
using planner::GeosContext;

TEST(MakeCollection, KeepsThePartsInOrder) {
  GeosContext ctx;
  std::vector<GeomPtr> parts;
  parts.push_back(planner::to_geos(ctx, planner::XY{1, 2}));
  parts.push_back(planner::to_geos(ctx, planner::XY{3, 4}));
  GeomPtr multi = planner::make_collection(ctx, GEOS_MULTIPOINT, std::move(parts));
  ASSERT_EQ(GEOSGetNumGeometries_r(ctx.get(), multi.get()), 2);
  double x = 0;
  GEOSGeomGetX_r(ctx.get(), GEOSGetGeometryN_r(ctx.get(), multi.get(), 1), &x);
  EXPECT_EQ(x, 3.0);
}

TEST(MakeCollection, EmptyIsAnEmptyCollection) {
  GeosContext ctx;
  GeomPtr none = planner::make_collection(ctx, GEOS_GEOMETRYCOLLECTION, {});
  EXPECT_EQ(GEOSisEmpty_r(ctx.get(), none.get()), 1);
}

TEST(MakePolygon, ShellAndHolesGiveTheArea) {
  GeosContext ctx;
  std::vector<GeomPtr> holes;
  holes.push_back(planner::to_geos_ring(ctx, {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}));
  GeomPtr p = planner::make_polygon(
      ctx, planner::to_geos_ring(ctx, {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}), std::move(holes));
  EXPECT_DOUBLE_EQ(planner::area_m2(ctx, p.get()), 15.0);
  GeomPtr copy = planner::clone(ctx, p.get());
  EXPECT_EQ(GEOSEquals_r(ctx.get(), p.get(), copy.get()), 1);
}

}  // namespace
