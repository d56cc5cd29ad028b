// Demand points on real blocks (planner/coverage/demand_points.h): the OSM residential areas of
// the shipped Porto extract and of the West Oakland copy in tests/data (6 areas), with their
// multipolygons, holes and overlaps. Evidence independent of the indexed, prepared lookup: the same
// rule written as a plain loop over every block with unprepared GEOS predicates and distances.
// Points: each block's inside point and first vertex (on its boundary, often shared), and random
// points over the area and 300 m around it; every weight is accounted for once.
#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "planner/coverage/demand_points.h"
#include "planner/coverage/valid_shape.h"
#include "planner/geos/geos_convert.h"
#include "planner/ids.h"
#include "tests/io/osm/osm_city.h"
#include "tests/test_paths.h"

namespace {

/// The rule without index or preparation: the first block holding the point (interior or
/// boundary), else the least distance within snap_m, first listed on ties.
std::vector<std::uint32_t> plain_assignment(const std::vector<planner::Block>& blocks,
                                            const std::vector<planner::XY>& points, double snap_m) {
  planner::GeosContext ctx;
  std::vector<planner::GeomPtr> shapes;
  for (const planner::Block& b : blocks) shapes.push_back(planner::valid_shape(ctx, b.shape));
  std::vector<std::uint32_t> out;
  for (const planner::XY& xy : points) {
    const planner::GeomPtr p = planner::to_geos(ctx, xy);
    std::uint32_t found = planner::invalid_id;
    for (std::uint32_t b = 0; b < shapes.size() && found == planner::invalid_id; ++b) {
      if (GEOSIntersects_r(ctx.get(), shapes[b].get(), p.get()) == 1) found = b;
    }
    double best = snap_m;
    if (found == planner::invalid_id) {
      std::uint32_t nearest = planner::invalid_id;
      for (std::uint32_t b = 0; b < shapes.size(); ++b) {
        if (GEOSisEmpty_r(ctx.get(), shapes[b].get()) == 1) continue;
        double d = 0.0;
        GEOSDistance_r(ctx.get(), shapes[b].get(), p.get(), &d);
        if (d < best || (d == best && nearest == planner::invalid_id)) {
          best = d;
          nearest = b;
        }
      }
      found = nearest;
    }
    out.push_back(found);
  }
  return out;
}

void check_extract(const std::string& path) {
  const testing_support::OsmCity city = testing_support::load_osm_city(path);
  const std::vector<planner::Block>& blocks = city.inputs.blocks;
  ASSERT_GE(blocks.size(), 5u) << path;
  planner::DemandPoints demand;
  planner::Box area;
  planner::GeosContext ctx;
  for (const planner::Block& b : blocks) {
    const planner::GeomPtr g = planner::valid_shape(ctx, b.shape);
    if (GEOSisEmpty_r(ctx.get(), g.get()) == 1) continue;
    demand.points.push_back(planner::point_on_surface(ctx, g.get()));
    demand.points.push_back(b.shape.front().outer.front());
    for (const planner::XY& v : b.shape.front().outer) area.add(v);
  }
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> x(area.min_x - 300.0, area.max_x + 300.0);
  std::uniform_real_distribution<double> y(area.min_y - 300.0, area.max_y + 300.0);
  for (int i = 0; i < 2000; ++i) demand.points.push_back({x(rng), y(rng)});
  for (std::size_t p = 0; p < demand.points.size(); ++p) demand.weights.push_back(1.0 + p % 5);

  const double snap = 100.0;
  const planner::DemandAggregation a = planner::aggregate_demand_points(blocks, demand, snap);
  const std::vector<std::uint32_t> expected = plain_assignment(blocks, demand.points, snap);
  std::size_t differ = 0;
  for (std::size_t p = 0; p < expected.size(); ++p) differ += a.point_block[p] != expected[p];
  EXPECT_EQ(differ, 0u) << path;
  // The inside points and the vertices all land in some block; some random ones do not.
  EXPECT_GE(a.inside.points, demand.points.size() - 2000) << path;
  EXPECT_GT(a.nearest.points, 0u) << path;
  EXPECT_GT(a.unassigned.points, 0u) << path;
  double total = 0.0, in_blocks = 0.0;
  for (const double w : demand.weights) total += w;
  for (const double w : a.block_weight) in_blocks += w;
  EXPECT_NEAR(in_blocks + a.unassigned.weight, total, 1e-9 * total) << path;
  EXPECT_NEAR(a.inside.weight + a.nearest.weight, in_blocks, 1e-9 * total) << path;
}

TEST(DemandPointsOnRealBlocks, PortoMatchesThePlainRule) {
  check_extract(testing_support::data_dir() + "/osm-porto/porto-2020-07.osm.pbf");
}

TEST(DemandPointsOnRealBlocks, WestOaklandMatchesThePlainRule) {
  check_extract(testing_support::test_data_dir() + "/osm-west-oakland/west-oakland-2016-07.osm");
}

}  // namespace
