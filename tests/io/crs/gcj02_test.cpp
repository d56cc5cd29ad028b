// GCJ-02 conversion against published coordinate pairs.
//
// Sources of the vectors (read on GitHub):
// - googollee/eviltransform, go/transform_test.go and c/test.c (the same table in every language
//   port): {wgsLat, wgsLng, gcjLat, gcjLng} for Shanghai, Shenzhen and Beijing.
// - wandergis/coordtransform, README.md ("result" block of the usage example):
//   wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164] and
//   gcj02towgs84(116.404, 39.915) = [116.39775550083061, 39.91359571849836]. The latter is the
//   library's one-step approximation (gcj - offset(gcj)), so ours may only be near it.
#include "io/crs/gcj02.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "io/crs/length_model.h"

namespace {

using planner::XY;

struct Pair {
  const char* place;
  XY wgs;  // lon, lat
  XY gcj;
};

// eviltransform lists lat before lon; reordered here to our x = lon, y = lat.
const std::vector<Pair> published{
    {"shanghai", {121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {"shenzhen", {113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {"beijing", {116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
    {"beijing (coordtransform)", {116.404, 39.915}, {116.41024449916938, 39.91640428150164}},
};

constexpr double tight_deg = 1e-9;  // about 0.1 mm: only floating-point rounding may differ

TEST(Gcj02, ForwardMatchesPublishedPairs) {
  for (const Pair& pair : published) {
    const XY gcj = io::wgs84_to_gcj02(pair.wgs);
    EXPECT_NEAR(gcj.x, pair.gcj.x, tight_deg) << pair.place;
    EXPECT_NEAR(gcj.y, pair.gcj.y, tight_deg) << pair.place;
  }
}

TEST(Gcj02, InverseRecoversPublishedWgs84) {
  for (const Pair& pair : published) {
    const XY wgs = io::gcj02_to_wgs84(pair.gcj);
    // The published GCJ values carry 14-17 digits; 1e-8 degrees is about 1 mm.
    EXPECT_NEAR(wgs.x, pair.wgs.x, 1e-8) << pair.place;
    EXPECT_NEAR(wgs.y, pair.wgs.y, 1e-8) << pair.place;
  }
}

TEST(Gcj02, InverseIsCloseToCoordtransformsOneStepApproximation) {
  const XY ours = io::gcj02_to_wgs84({116.404, 39.915});
  const XY theirs{116.39775550083061, 39.91359571849836};
  const double gap_m = io::haversine_m(ours, theirs);
  EXPECT_GT(gap_m, 0.01);  // the approximation is not exact...
  EXPECT_LT(gap_m, 2.0);   // ...but within the metre or two its authors state
  const XY back = io::wgs84_to_gcj02(ours);
  EXPECT_NEAR(back.x, 116.404, tight_deg);
  EXPECT_NEAR(back.y, 39.915, tight_deg);
}

TEST(Gcj02, RoundTripsAcrossKunshan) {
  for (double lon = 120.80; lon <= 121.20; lon += 0.02) {
    for (double lat = 31.15; lat <= 31.55; lat += 0.02) {
      const XY p{lon, lat};
      const XY there_and_back = io::gcj02_to_wgs84(io::wgs84_to_gcj02(p));
      EXPECT_NEAR(there_and_back.x, p.x, tight_deg);
      EXPECT_NEAR(there_and_back.y, p.y, tight_deg);
      const XY back_and_there = io::wgs84_to_gcj02(io::gcj02_to_wgs84(p));
      EXPECT_NEAR(back_and_there.x, p.x, tight_deg);
      EXPECT_NEAR(back_and_there.y, p.y, tight_deg);
    }
  }
}

TEST(Gcj02, OffsetInKunshanIsSeveralHundredMetres) {
  // Why --gcj02 matters: the shift is a third of a 1,125 m walk. Shanghai's published pair above
  // is 470 m apart, so a similar size next door is expected.
  const XY wgs{120.98, 31.385};
  const double shift_m = io::haversine_m(wgs, io::wgs84_to_gcj02(wgs));
  EXPECT_GT(shift_m, 300.0);
  EXPECT_LT(shift_m, 700.0);
}

TEST(Gcj02, OutsideChinaIsUnchanged) {
  for (const XY p :
       {XY{2.3522, 48.8566}, XY{-122.2712, 37.8044}, XY{151.2093, -33.8688}, XY{0.0, 0.0}}) {
    EXPECT_FALSE(io::in_gcj02_area(p));
    EXPECT_EQ(io::wgs84_to_gcj02(p), p);
    EXPECT_EQ(io::gcj02_to_wgs84(p), p);
  }
  EXPECT_TRUE(io::in_gcj02_area({120.98, 31.385}));
}

}  // namespace
