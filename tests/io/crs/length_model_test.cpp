// Length models. Reference values and how they were obtained:
// - Haversine, one degree along the equator: R * pi / 180 with R = 6371008.8 m (WALKABLE.md)
//   = 111195.0802335 m, by hand.
// - Haversine between two Kunshan points: WALKABLE.md's formula evaluated in Python 3 (math
//   module, float64): 1100.068940 m.
// - WGS84 meridian arcs: Simpson's rule (200,000 steps) over the meridional radius of curvature
//   M = a (1 - e^2) / (1 - e^2 sin^2 phi)^1.5 in Python 3, a = 6378137, f = 1/298.257223563:
//   equator to 1N = 110574.388558 m (the textbook "110.574 km"), 31N to 32N = 110878.110750 m.
//   PROJ's geod CLI agrees to the millimetre (110574.389, 110878.111).
#include "io/crs/length_model.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace {

using planner::XY;

constexpr XY kunshan_a{120.98, 31.385};
constexpr XY kunshan_b{120.99, 31.39};

TEST(LengthModel, ParsesItsThreeNames) {
  for (auto model :
       {io::LengthModel::ellipsoid, io::LengthModel::haversine, io::LengthModel::planar}) {
    EXPECT_EQ(io::parse_length_model(io::to_string(model)), model);
  }
  EXPECT_EQ(io::to_string(io::LengthModel::haversine), "haversine");
  EXPECT_FALSE(io::parse_length_model("Ellipsoid"));
  EXPECT_FALSE(io::parse_length_model("geodesic"));
  EXPECT_FALSE(io::parse_length_model(""));
}

TEST(Haversine, OneDegreeOfEquatorIsRTimesPiOver180) {
  const double expected = 6371008.8 * std::numbers::pi / 180.0;
  EXPECT_NEAR(expected, 111195.0802335, 1e-6);
  EXPECT_NEAR(io::haversine_m({0.0, 0.0}, {1.0, 0.0}), expected, 1e-6);
  EXPECT_NEAR(io::haversine_m({121.0, 31.0}, {121.0, 32.0}), expected, 1e-6);  // any meridian
}

TEST(Haversine, KunshanPairMatchesHandComputation) {
  EXPECT_NEAR(io::haversine_m(kunshan_a, kunshan_b), 1100.068940, 1e-6);
  EXPECT_DOUBLE_EQ(io::haversine_m(kunshan_a, kunshan_b), io::haversine_m(kunshan_b, kunshan_a));
  EXPECT_EQ(io::haversine_m(kunshan_a, kunshan_a), 0.0);
}

TEST(Ellipsoid, OneDegreeOfLatitudeIsTheMeridianArc) {
  EXPECT_NEAR(io::ellipsoid_m({0.0, 0.0}, {0.0, 1.0}), 110574.388558, 1e-3);
  EXPECT_NEAR(io::ellipsoid_m({121.0, 31.0}, {121.0, 32.0}), 110878.110750, 1e-3);
}

TEST(Ellipsoid, DiffersFromHaversineByLessThanHalfAPercent) {
  std::mt19937 random(20260701);
  std::uniform_real_distribution<double> lon(120.8, 121.2);
  std::uniform_real_distribution<double> lat(31.2, 31.6);
  std::uniform_real_distribution<double> step(-0.01, 0.01);
  for (int i = 0; i < 1000; ++i) {
    const XY a{lon(random), lat(random)};
    const XY b{a.x + step(random), a.y + step(random)};
    const double sphere = io::haversine_m(a, b);
    const double ellipsoid = io::ellipsoid_m(a, b);
    EXPECT_NEAR(ellipsoid, sphere, 0.005 * sphere) << i;
  }
  // The two models do differ: here the ellipsoid is 0.08% longer (1100.927 m by PROJ's geod).
  EXPECT_NEAR(io::ellipsoid_m(kunshan_a, kunshan_b), 1100.927, 1e-3);
}

planner::RoadLine line_of(std::vector<XY> points) {
  planner::RoadLine line;
  line.points = std::move(points);
  return line;
}

TEST(MeasureLonLat, FillsOneLengthPerSegment) {
  std::vector<planner::RoadLine> lines{line_of({kunshan_a, kunshan_b, {121.0, 31.39}}),
                                       line_of({kunshan_a}), line_of({})};
  io::measure_lonlat(lines, io::LengthModel::haversine);
  ASSERT_EQ(lines[0].segment_m.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[0].segment_m[0], io::haversine_m(kunshan_a, kunshan_b));
  EXPECT_TRUE(lines[1].segment_m.empty());
  EXPECT_TRUE(lines[2].segment_m.empty());

  io::measure_lonlat(lines, io::LengthModel::ellipsoid);  // overwrites, does not append
  ASSERT_EQ(lines[0].segment_m.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[0].segment_m[1], io::ellipsoid_m(kunshan_b, {121.0, 31.39}));
}

TEST(MeasureLonLat, PlanarLeavesLinesAlone) {
  std::vector<planner::RoadLine> lines{line_of({kunshan_a, kunshan_b})};
  io::measure_lonlat(lines, io::LengthModel::planar);
  EXPECT_TRUE(lines[0].segment_m.empty());
}

TEST(MeasureLonLat, ManyLinesGiveTheSameLengthsAsOneByOne) {
  // Enough segments for the threaded path; uneven line sizes test the split into chunks.
  std::mt19937 random(7);
  std::uniform_real_distribution<double> jitter(-0.0005, 0.0005);
  std::vector<planner::RoadLine> lines(9000);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    XY p{120.9 + 0.00001 * static_cast<double>(i), 31.3};
    for (std::size_t k = 0; k < 1 + i % 17; ++k) {
      lines[i].points.push_back(p);
      p = {p.x + jitter(random), p.y + jitter(random)};
    }
  }
  for (auto model : {io::LengthModel::ellipsoid, io::LengthModel::haversine}) {
    io::measure_lonlat(lines, model);
    for (const auto& line : lines) {
      ASSERT_EQ(line.segment_m.size(), line.points.size() - 1);
      for (std::size_t k = 0; k + 1 < line.points.size(); ++k) {
        const double expected = model == io::LengthModel::ellipsoid
                                    ? io::ellipsoid_m(line.points[k], line.points[k + 1])
                                    : io::haversine_m(line.points[k], line.points[k + 1]);
        ASSERT_EQ(line.segment_m[k], expected);
      }
    }
  }
}

TEST(MeasurePlanar, EuclideanInMetres) {
  std::vector<planner::RoadLine> lines{line_of({{0.0, 0.0}, {3.0, 4.0}, {3.0, 10.0}}),
                                       line_of({{5.0, 5.0}})};
  io::measure_planar(lines);
  ASSERT_EQ(lines[0].segment_m.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[0].segment_m[0], 5.0);
  EXPECT_DOUBLE_EQ(lines[0].segment_m[1], 6.0);
  EXPECT_TRUE(lines[1].segment_m.empty());
}

}  // namespace
