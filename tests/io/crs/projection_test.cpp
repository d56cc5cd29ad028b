// Choosing the run CRS and moving every input coordinate into it. The EPSG:4549 coordinates of
// the Kunshan point come from PROJ's CLI (proj-bin 9.1.1):
//   echo "120.98 31.385" | cs2cs -d 6 OGC:CRS84 EPSG:4549   -> 3474075.546114 593218.138056
// (printed northing first, as EPSG defines 4549; our XY is easting, northing).
#include "io/crs/projection.h"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "io/crs/crs.h"
#include "io/crs/gcj02.h"
#include "io/errors.h"

namespace {

using planner::XY;

constexpr XY kunshan{120.98, 31.385};
constexpr XY kunshan_4549{593218.138056, 3474075.546114};

planner::Ring square(XY sw, double size) {
  return {sw, {sw.x + size, sw.y}, {sw.x + size, sw.y + size}, {sw.x, sw.y + size}, sw};
}

/// One of every kind, spread over a small part of Kunshan (lon 120.90-121.06, lat 31.30-31.45).
planner::Inputs kunshan_inputs() {
  planner::Inputs in;
  planner::RoadLine road;
  road.feature_id = 42;
  road.points = {kunshan, {120.99, 31.39}, {121.0, 31.40}};
  in.roads.push_back(road);
  in.centers.push_back({"c1", "Centre", "community", {120.90, 31.30}});
  planner::Block block;
  block.id = "b1";
  block.shape.push_back({square({121.02, 31.42}, 0.01), {square({121.024, 31.424}, 0.002)}});
  in.blocks.push_back(block);
  in.entrances.push_back({"b1", {121.02, 31.425}});
  planner::Community community;
  community.id = "k1";
  community.shape.push_back({square({121.05, 31.44}, 0.01), {}});
  in.communities.push_back(community);
  return in;
}

template <class Fn>
void for_each_coordinate(const planner::Inputs& in, Fn fn) {
  for (const auto& road : in.roads) {
    for (const XY& p : road.points) fn(p);
  }
  for (const auto& center : in.centers) fn(center.pos);
  for (const auto& block : in.blocks) {
    for (const auto& polygon : block.shape) {
      for (const XY& p : polygon.outer) fn(p);
      for (const auto& hole : polygon.holes) {
        for (const XY& p : hole) fn(p);
      }
    }
  }
  for (const auto& entrance : in.entrances) fn(entrance.pos);
  for (const auto& community : in.communities) {
    for (const auto& polygon : community.shape) {
      for (const XY& p : polygon.outer) fn(p);
    }
  }
}

std::vector<XY> coordinates(const planner::Inputs& in) {
  std::vector<XY> out;
  for_each_coordinate(in, [&](const XY& p) { out.push_back(p); });
  return out;
}

TEST(LonLatCentre, IsTheBoundingBoxCentreOfAllKinds) {
  const XY centre = io::lonlat_centre(kunshan_inputs());
  EXPECT_DOUBLE_EQ(centre.x, (120.90 + 121.06) / 2.0);  // center's lon .. community's east edge
  EXPECT_DOUBLE_EQ(centre.y, (31.30 + 31.45) / 2.0);
  EXPECT_THROW(io::lonlat_centre(planner::Inputs{}), std::invalid_argument);
}

TEST(ChooseRunCrs, DefaultIsTheUtmZoneOfTheData) {
  EXPECT_EQ(io::choose_run_crs("", kunshan_inputs()), "EPSG:32651");
}

TEST(ChooseRunCrs, KeepsAMetricProjectedUserCrs) {
  EXPECT_EQ(io::choose_run_crs("EPSG:4549", kunshan_inputs()), "EPSG:4549");
  EXPECT_EQ(io::choose_run_crs("EPSG:32651", kunshan_inputs()), "EPSG:32651");
}

std::string run_crs_error(const std::string& crs) {
  try {
    io::choose_run_crs(crs, kunshan_inputs());
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ChooseRunCrs, GeographicCrsIsRefusedWithAHint) {
  const std::string what = run_crs_error("EPSG:4326");
  EXPECT_NE(what.find("not a projected CRS in metres"), std::string::npos) << what;
  EXPECT_NE(what.find("EPSG:4549"), std::string::npos) << what;
}

TEST(ChooseRunCrs, UnknownCrsIsRefused) {
  const std::string what = run_crs_error("EPSG:999999");
  EXPECT_NE(what.find("EPSG:999999"), std::string::npos) << what;
  EXPECT_NE(what.find("unknown"), std::string::npos) << what;
}

TEST(ChooseRunCrs, FeetAndWebMercatorAreRefused) {
  EXPECT_NE(run_crs_error("EPSG:2263").find("not a projected CRS in metres"), std::string::npos);
  const std::string what = run_crs_error("EPSG:3857");  // metres only at the equator
  EXPECT_NE(what.find("distorts lengths by 17"), std::string::npos) << what;
}

TEST(ProjectInputs, MovesEveryCoordinateIntoTheRunCrs) {
  planner::Inputs in = kunshan_inputs();
  const std::vector<XY> before = coordinates(in);
  io::project_inputs(in, "EPSG:4549");
  const std::vector<XY> after = coordinates(in);
  ASSERT_EQ(after.size(), before.size());

  EXPECT_NEAR(in.roads[0].points[0].x, kunshan_4549.x, 1e-3);
  EXPECT_NEAR(in.roads[0].points[0].y, kunshan_4549.y, 1e-3);
  const auto reference = io::CrsTransform::create("EPSG:4326", "EPSG:4549");
  for (std::size_t i = 0; i < before.size(); ++i) {
    const XY expected = reference.apply(before[i]);
    EXPECT_DOUBLE_EQ(after[i].x, expected.x) << i;
    EXPECT_DOUBLE_EQ(after[i].y, expected.y) << i;
  }
  // Rings stay closed and the hole keeps its own points.
  const auto& polygon = in.blocks[0].shape[0];
  EXPECT_EQ(polygon.outer.front(), polygon.outer.back());
  EXPECT_EQ(polygon.holes[0].size(), 5u);
}

TEST(ProjectInputs, BadPointNamesItsFeature) {
  planner::Inputs in = kunshan_inputs();
  in.centers.push_back({"c-swapped", "Swapped", "", {31.39, 120.98}});  // lat/lon swapped
  try {
    io::project_inputs(in, "EPSG:32651");
    FAIL() << "expected InputError";
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("c-swapped"), std::string::npos) << what;
    EXPECT_NE(what.find("120.98"), std::string::npos) << what;
  }

  in = kunshan_inputs();
  in.roads[0].points[1] = {120.99, 95.0};
  try {
    io::project_inputs(in, "EPSG:32651");
    FAIL() << "expected InputError";
  } catch (const io::InputError& e) {
    EXPECT_EQ(e.where().feature, 42);
  }
}

// With the sources given, the error names the option, file and layer of the kind of input the
// point belongs to (and the road's feature), and says what to check.
TEST(ProjectInputs, BadPointNamesItsOptionFileAndLayer) {
  io::InputSources sources;
  sources.roads = {"--roads", io::DataLocation{"city.gpkg", "roads", std::nullopt, ""}, ""};
  sources.centers = {"--candidates", io::DataLocation{"sites.gpkg", "candidates", std::nullopt, ""},
                     "candidate"};
  planner::Inputs in = kunshan_inputs();
  in.centers.push_back({"c-swapped", "Swapped", "", {31.39, 120.98}});
  try {
    io::project_inputs(in, "EPSG:32651", sources);
    FAIL() << "expected InputError";
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("--candidates: file 'sites.gpkg', layer 'candidates': candidate "
                         "'c-swapped' point 0: ",
                         0),
              0u)
        << what;
    EXPECT_EQ(e.where().file, "sites.gpkg");
    EXPECT_EQ(e.where().layer, "candidates");
    EXPECT_NE(what.find("--assume-crs"), std::string::npos) << what;
    EXPECT_NE(what.find("fix or delete this feature"), std::string::npos) << what;
  }

  in = kunshan_inputs();
  in.roads[0].points[1] = {120.99, 95.0};
  try {
    io::project_inputs(in, "EPSG:32651", sources);
    FAIL() << "expected InputError";
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("--roads: file 'city.gpkg', layer 'roads', feature 42: road point 1: ", 0),
              0u)
        << what;
    EXPECT_EQ(e.where().feature, 42);
  }
}

TEST(ConvertGcj02, ShiftsEveryCoordinate) {
  planner::Inputs in = kunshan_inputs();
  const std::vector<XY> before = coordinates(in);
  io::convert_gcj02_to_wgs84(in);
  const std::vector<XY> after = coordinates(in);
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i], io::gcj02_to_wgs84(before[i])) << i;
    EXPECT_NE(after[i], before[i]) << i;
  }
}

}  // namespace

namespace {

TEST(ConvertGcj02, ShiftsOnlyTheNamedLayers) {
  // --gcj02 centers: OSM roads stay WGS84, the centers picked on a web map move.
  planner::Inputs in = kunshan_inputs();
  const planner::Inputs before = in;
  io::convert_gcj02_to_wgs84(in, io::Gcj02Layers::parse("centers,communities", "--gcj02"));
  EXPECT_EQ(in.centers[0].pos, io::gcj02_to_wgs84(before.centers[0].pos));
  EXPECT_EQ(in.communities[0].shape[0].outer[0],
            io::gcj02_to_wgs84(before.communities[0].shape[0].outer[0]));
  EXPECT_EQ(in.roads[0].points, before.roads[0].points);
  EXPECT_EQ(in.blocks[0].shape[0].outer, before.blocks[0].shape[0].outer);
  EXPECT_EQ(in.entrances[0].pos, before.entrances[0].pos);
}

TEST(ConvertGcj02, AllLayersIsTheOldConversion) {
  planner::Inputs some = kunshan_inputs();
  planner::Inputs every = kunshan_inputs();
  io::convert_gcj02_to_wgs84(some, io::Gcj02Layers::all());
  io::convert_gcj02_to_wgs84(every);
  EXPECT_EQ(coordinates(some), coordinates(every));
  planner::Inputs none = kunshan_inputs();
  io::convert_gcj02_to_wgs84(none, io::Gcj02Layers{});
  EXPECT_EQ(coordinates(none), coordinates(kunshan_inputs()));
}

}  // namespace
