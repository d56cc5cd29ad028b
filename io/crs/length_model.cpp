#include "io/crs/length_model.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <span>
#include <thread>
#include <vector>

#include <geodesic.h>

namespace io {

namespace {

constexpr double earth_radius_m = 6371008.8;  // WALKABLE.md: the mean radius of WGS84
constexpr double deg_to_rad = std::numbers::pi / 180.0;

// A geodesic costs about 0.7 us of CPU (160k segments: 115-135 ms); starting a thread costs tens
// of microseconds, so from this many segments per thread splitting pays. Measured on 2 busy cores:
// same CPU time, wall time never worse, up to 30% better. A haversine costs 0.06 us (160k: 9 ms);
// a second thread waiting for a time slice lost as often as it won, so haversine stays serial.
constexpr std::size_t min_geodesics_per_thread = 8192;
constexpr std::size_t never_split = std::numeric_limits<std::size_t>::max();

const geod_geodesic& wgs84() {
  // geod_init only fills constants; geod_inverse reads them, so one shared copy is thread-safe.
  static const geod_geodesic ellipsoid = [] {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
  }();
  return ellipsoid;
}

std::size_t segment_count(const planner::RoadLine& line) {
  return line.points.size() < 2 ? 0 : line.points.size() - 1;
}

template <class Distance>
void measure_lines(std::span<planner::RoadLine> lines, Distance distance) {
  for (planner::RoadLine& line : lines) {
    const planner::LineString& p = line.points;
    for (std::size_t i = 1; i < p.size(); ++i) line.segment_m[i - 1] = distance(p[i - 1], p[i]);
  }
}

/// Sizes every segment_m here (so workers never allocate or throw), then splits the lines into
/// runs of about equal segment counts, one per thread, each of at least min_segments_per_thread.
template <class Distance>
void measure_all(std::vector<planner::RoadLine>& lines, Distance distance,
                 std::size_t min_segments_per_thread) {
  std::size_t total = 0;
  for (planner::RoadLine& line : lines) {
    line.segment_m.assign(segment_count(line), 0.0);
    total += line.segment_m.size();
  }
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::clamp<std::size_t>(total / min_segments_per_thread, 1, cores);
  const std::span<planner::RoadLine> all(lines);
  if (threads == 1) {
    measure_lines(all, distance);
    return;
  }
  std::vector<std::jthread> workers;
  workers.reserve(threads - 1);
  std::size_t begin = 0;
  for (std::size_t t = 0; t + 1 < threads; ++t) {
    std::size_t end = begin;
    for (std::size_t taken = 0; end < lines.size() && taken < total / threads; ++end) {
      taken += lines[end].segment_m.size();
    }
    workers.emplace_back([=] { measure_lines(all.subspan(begin, end - begin), distance); });
    begin = end;
  }
  measure_lines(all.subspan(begin), distance);
}  // the jthreads join here

}  // namespace

std::optional<LengthModel> parse_length_model(const std::string& name) {
  if (name == "ellipsoid") return LengthModel::ellipsoid;
  if (name == "haversine") return LengthModel::haversine;
  if (name == "planar") return LengthModel::planar;
  return std::nullopt;
}

std::string to_string(LengthModel model) {
  switch (model) {
    case LengthModel::ellipsoid:
      return "ellipsoid";
    case LengthModel::haversine:
      return "haversine";
    case LengthModel::planar:
      return "planar";
  }
  return "unknown";
}

double haversine_m(planner::XY a, planner::XY b) {
  const double lat1 = a.y * deg_to_rad;
  const double lat2 = b.y * deg_to_rad;
  const double sin_dlat = std::sin((lat2 - lat1) / 2.0);
  const double sin_dlon = std::sin((b.x - a.x) * deg_to_rad / 2.0);
  const double h = sin_dlat * sin_dlat + std::cos(lat1) * std::cos(lat2) * sin_dlon * sin_dlon;
  // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
  return 2.0 * earth_radius_m * std::asin(std::min(1.0, std::sqrt(h)));
}

double ellipsoid_m(planner::XY a, planner::XY b) {
  double s12 = 0.0;
  geod_inverse(&wgs84(), a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
  return s12;
}

void measure_lonlat(std::vector<planner::RoadLine>& lines, LengthModel model) {
  switch (model) {
    case LengthModel::ellipsoid:
      measure_all(
          lines, [](planner::XY a, planner::XY b) { return ellipsoid_m(a, b); },
          min_geodesics_per_thread);
      return;
    case LengthModel::haversine:
      measure_all(
          lines, [](planner::XY a, planner::XY b) { return haversine_m(a, b); }, never_split);
      return;
    case LengthModel::planar:
      return;  // needs projected points: measure_planar() after project_inputs()
  }
}

void measure_planar(std::vector<planner::RoadLine>& lines) {
  for (planner::RoadLine& line : lines) {
    const planner::LineString& p = line.points;
    line.segment_m.resize(segment_count(line));
    for (std::size_t i = 1; i < p.size(); ++i) {
      // Not std::hypot: its overflow care is several times slower and metres cannot overflow.
      const double dx = p[i].x - p[i - 1].x;
      const double dy = p[i].y - p[i - 1].y;
      line.segment_m[i - 1] = std::sqrt(dx * dx + dy * dy);
    }
  }
}

}  // namespace io
