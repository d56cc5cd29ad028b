// The GCJ-02 formula as published by the open-source converters (googollee/eviltransform,
// wandergis/coordtransform): an offset polynomial in lon/lat scaled by the Krasovsky ellipsoid.
#include "io/crs/gcj02.h"

#include <cmath>
#include <numbers>

namespace io {

namespace {

// Krasovsky 1940 ellipsoid, which the published GCJ-02 formula uses (not WGS84's).
constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;
constexpr double pi = std::numbers::pi;

// The inverse stops when the forward image is this close to the input (about 0.1 mm); the
// iteration contracts by about 1e-3 per step, so it takes three or four steps.
constexpr double inverse_tolerance_deg = 1e-9;
constexpr int max_inverse_steps = 30;

double offset_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offset_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
  return r;
}

/// GCJ-02 minus WGS84 at a WGS84 point, in degrees (x = lon, y = lat), without the area test.
planner::XY offset_deg(planner::XY wgs) {
  const double x = wgs.x - 105.0;
  const double y = wgs.y - 35.0;
  const double lat = wgs.y * pi / 180.0;
  const double s = std::sin(lat);
  const double magic = 1.0 - krasovsky_ee * s * s;
  const double sqrt_magic = std::sqrt(magic);
  // Metres of the polynomial to degrees: meridian and parallel radii of curvature.
  const double meridian_radius = krasovsky_a * (1.0 - krasovsky_ee) / (magic * sqrt_magic);
  const double parallel_radius = krasovsky_a / sqrt_magic * std::cos(lat);
  return {offset_lon(x, y) * 180.0 / (parallel_radius * pi),
          offset_lat(x, y) * 180.0 / (meridian_radius * pi)};
}

}  // namespace

bool in_gcj02_area(planner::XY lonlat) {
  // eviltransform's box; coordtransform uses a slightly smaller one (73.66-135.05, 3.86-53.55).
  // Both take in neighbouring countries: GCJ-02 data comes from Chinese maps, so that is moot.
  return lonlat.x >= 72.004 && lonlat.x <= 137.8347 && lonlat.y >= 0.8293 && lonlat.y <= 55.8271;
}

planner::XY wgs84_to_gcj02(planner::XY lonlat) {
  if (!in_gcj02_area(lonlat)) return lonlat;
  const planner::XY d = offset_deg(lonlat);
  return {lonlat.x + d.x, lonlat.y + d.y};
}

planner::XY gcj02_to_wgs84(planner::XY lonlat) {
  if (!in_gcj02_area(lonlat)) return lonlat;
  // Solve wgs + offset(wgs) = gcj by fixed-point iteration: the offset changes by only about
  // 1e-3 degrees per degree, so each step gains three digits. The one-step inverse of the
  // published converters (gcj - offset(gcj)) is off by a metre or two.
  planner::XY wgs = lonlat;
  for (int step = 0; step < max_inverse_steps; ++step) {
    const planner::XY d = offset_deg(wgs);
    const planner::XY next{lonlat.x - d.x, lonlat.y - d.y};
    const bool converged = std::abs(next.x - wgs.x) < inverse_tolerance_deg &&
                           std::abs(next.y - wgs.y) < inverse_tolerance_deg;
    wgs = next;
    if (converged) break;
  }
  return wgs;
}

}  // namespace io
