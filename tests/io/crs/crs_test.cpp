// CrsTransform and the CRS helpers. Expected coordinates come from PROJ's own command-line tool
// (proj-bin 9.1.1, Debian 12), run on a lon/lat-ordered source so no axis swap hides in them:
//   echo "120.98 31.385" | cs2cs -d 6 OGC:CRS84 EPSG:4549   -> 3474075.546114 593218.138056
//   echo "120.98 31.385" | cs2cs -d 6 OGC:CRS84 EPSG:32651  -> 307919.321037 3474034.697055
// cs2cs prints EPSG:4549 northing first, as the EPSG database defines it; our order is E, N.
#include "io/crs/crs.h"

#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using planner::XY;

constexpr XY kunshan{120.98, 31.385};  // lon/lat near Kunshan's centre
constexpr XY kunshan_4549{593218.138056, 3474075.546114};
constexpr XY kunshan_32651{307919.321037, 3474034.697055};
constexpr double mm = 1e-3;

TEST(CrsTransform, Epsg4549ComesOutEastingNorthing) {
  const auto t = io::CrsTransform::create("EPSG:4326", "EPSG:4549");
  const XY p = t.apply(kunshan);
  EXPECT_NEAR(p.x, kunshan_4549.x, mm);
  EXPECT_NEAR(p.y, kunshan_4549.y, mm);
}

TEST(CrsTransform, Epsg4326GoesInLonLatAndUtmComesOutEastingNorthing) {
  const auto t = io::CrsTransform::create("EPSG:4326", "EPSG:32651");
  const XY p = t.apply(kunshan);
  EXPECT_NEAR(p.x, kunshan_32651.x, mm);
  EXPECT_NEAR(p.y, kunshan_32651.y, mm);
}

TEST(CrsTransform, InverseGivesLonLat) {
  const auto t = io::CrsTransform::create("EPSG:4549", "EPSG:4326");
  const XY p = t.apply(kunshan_4549);
  EXPECT_NEAR(p.x, kunshan.x, 1e-8);  // 1e-8 degrees is about 1 mm
  EXPECT_NEAR(p.y, kunshan.y, 1e-8);
}

TEST(CrsTransform, ProjStringsAndEpsgCodesAgree) {
  const auto from_code = io::CrsTransform::create("EPSG:4326", "EPSG:32651");
  const auto from_string =
      io::CrsTransform::create("+proj=longlat +datum=WGS84", "+proj=utm +zone=51 +datum=WGS84");
  const XY a = from_code.apply(kunshan);
  const XY b = from_string.apply(kunshan);
  EXPECT_NEAR(a.x, b.x, mm);
  EXPECT_NEAR(a.y, b.y, mm);
}

TEST(CrsTransform, BatchMatchesSinglePoints) {
  const auto t = io::CrsTransform::create("EPSG:4326", "EPSG:4549");
  std::vector<XY> points;
  for (int i = 0; i < 50; ++i) points.push_back({120.85 + 0.005 * i, 31.25 + 0.004 * i});
  std::vector<XY> batch = points;
  t.apply(batch);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const XY single = t.apply(points[i]);
    EXPECT_DOUBLE_EQ(batch[i].x, single.x) << i;
    EXPECT_DOUBLE_EQ(batch[i].y, single.y) << i;
  }
  t.apply(std::span<XY>());  // empty: nothing to do, no PROJ call
}

TEST(CrsTransform, MovedObjectStillTransforms) {
  auto a = io::CrsTransform::create("EPSG:4326", "EPSG:32651");
  io::CrsTransform b = std::move(a);
  auto c = io::CrsTransform::create("EPSG:4326", "EPSG:4549");
  c = std::move(b);
  EXPECT_NEAR(c.apply(kunshan).x, kunshan_32651.x, mm);
}

TEST(CrsTransform, UnknownCrsIsNamed) {
  try {
    io::CrsTransform::create("EPSG:4326", "EPSG:999999");
    FAIL() << "expected CrsError";
  } catch (const io::CrsError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("EPSG:999999"), std::string::npos) << what;
    EXPECT_NE(what.find("EPSG:4326"), std::string::npos) << what;
    EXPECT_FALSE(e.point_index());
  }
  EXPECT_THROW(io::CrsTransform::create("not a crs", "EPSG:4326"), std::runtime_error);
  // PROJ alone would take "foo" for "Amersfoort" (a name match): a typo must not pick a CRS.
  EXPECT_THROW(io::CrsTransform::create("foo", "EPSG:4326"), io::CrsError);
}

TEST(CrsTransform, FailingPointReportsItsIndex) {
  const auto t = io::CrsTransform::create("EPSG:4326", "EPSG:32651");
  std::vector<XY> points{kunshan, kunshan, {121.0, 95.0}, kunshan};  // latitude 95 is no place
  try {
    t.apply(points);
    FAIL() << "expected CrsError";
  } catch (const io::CrsError& e) {
    ASSERT_TRUE(e.point_index());
    EXPECT_EQ(*e.point_index(), 2u);
    const std::string what = e.what();
    EXPECT_NE(what.find("point 2"), std::string::npos) << what;
    EXPECT_NE(what.find("EPSG:32651"), std::string::npos) << what;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(t.apply(XY{nan, 31.0}), io::CrsError);
}

TEST(IsMetricProjected, AcceptsMetricProjectedOnly) {
  EXPECT_TRUE(io::is_metric_projected("EPSG:4549"));
  EXPECT_TRUE(io::is_metric_projected("EPSG:32651"));
  EXPECT_TRUE(io::is_metric_projected("+proj=utm +zone=51 +datum=WGS84"));
  EXPECT_TRUE(io::is_metric_projected("WGS 84 / UTM zone 51N"));  // an exact name is fine
  EXPECT_TRUE(io::is_metric_projected("EPSG:3857"));   // metric, though not true metres: see scale
  EXPECT_FALSE(io::is_metric_projected("EPSG:4326"));  // geographic
  EXPECT_FALSE(io::is_metric_projected("EPSG:4490"));  // CGCS2000 geographic
  EXPECT_FALSE(io::is_metric_projected("EPSG:2263"));  // New York State Plane, US survey feet
  EXPECT_FALSE(io::is_metric_projected("EPSG:999999"));  // unknown
  EXPECT_FALSE(io::is_metric_projected(""));
}

TEST(ScaleErrorAt, GaussKrugerIsTrueWebMercatorIsNot) {
  // Gauss-Kruger with k0 = 1, one degree from the central meridian: about (dlon cos lat)^2 / 2.
  EXPECT_NEAR(io::scale_error_at("EPSG:4549", kunshan), 1.07e-4, 1e-5);
  // Web Mercator's parallel scale is 1/cos(lat) on the sphere, about 17% in Kunshan.
  EXPECT_GT(io::scale_error_at("EPSG:3857", kunshan), 0.15);
  EXPECT_THROW(io::scale_error_at("EPSG:4326", kunshan), io::CrsError);
}

TEST(UtmCrsFor, ZonesAndHemispheres) {
  EXPECT_EQ(io::utm_crs_for(kunshan.x, kunshan.y), "EPSG:32651");  // 120E-126E
  EXPECT_EQ(io::utm_crs_for(-122.29, 37.81), "EPSG:32610");        // Oakland
  EXPECT_EQ(io::utm_crs_for(-70.65, -33.45), "EPSG:32719");        // Santiago, south
  EXPECT_EQ(io::utm_crs_for(-180.0, 0.0), "EPSG:32601");
  EXPECT_EQ(io::utm_crs_for(180.0, 0.0), "EPSG:32660");
  EXPECT_EQ(io::utm_crs_for(120.0, 31.0), "EPSG:32651");  // a zone's west edge is in the zone
  EXPECT_THROW(io::utm_crs_for(31.385, 120.98), std::invalid_argument);  // swapped lat/lon
  EXPECT_THROW(io::utm_crs_for(std::nan(""), 0.0), std::invalid_argument);
}

TEST(CrsToWkt, Wkt2WithAuthorityId) {
  const std::string wkt = io::crs_to_wkt("EPSG:4549");
  EXPECT_EQ(wkt.rfind("PROJCRS[", 0), 0u) << wkt;
  EXPECT_NE(wkt.find("ID[\"EPSG\",4549]"), std::string::npos) << wkt;
  EXPECT_EQ(wkt.find('\n'), std::string::npos);
  EXPECT_THROW(io::crs_to_wkt("EPSG:999999"), io::CrsError);
}

}  // namespace
