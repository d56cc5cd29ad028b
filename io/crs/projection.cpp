#include "io/crs/projection.h"

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "io/crs/crs.h"
#include "io/crs/gcj02.h"
#include "io/errors.h"

namespace io {

namespace {

// A run CRS whose metres are off by more than this near the data is refused: 1% is 11 m of a
// 1,125 m walk. UTM stays below 0.1% within its zone, Web Mercator is 17% off in Kunshan.
constexpr double max_run_crs_scale_error = 0.01;

constexpr const char* crs_hint =
    "use a projected CRS in metres, e.g. EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E) "
    "for Kunshan, or leave --crs out to use the UTM zone of the data";

template <class T, class U>
concept maybe_const = std::same_as<std::remove_const_t<T>, U>;

// Every coordinate of one input, visited in a fixed order so that points gathered into a buffer
// can be put back where they came from. Const or not, so one walk serves reading and writing.
void for_each_point(maybe_const<planner::RoadLine> auto& road, auto&& fn) {
  for (auto& p : road.points) fn(p);
}
void for_each_point(maybe_const<planner::Center> auto& center, auto&& fn) {
  fn(center.pos);
}
void for_each_point(maybe_const<planner::Entrance> auto& entrance, auto&& fn) {
  fn(entrance.pos);
}
void for_each_point(maybe_const<planner::MultiPolygon> auto& shape, auto&& fn) {
  for (auto& polygon : shape) {
    for (auto& p : polygon.outer) fn(p);
    for (auto& hole : polygon.holes) {
      for (auto& p : hole) fn(p);
    }
  }
}
void for_each_point(maybe_const<planner::Block> auto& block, auto&& fn) {
  for_each_point(block.shape, fn);
}
void for_each_point(maybe_const<planner::Community> auto& community, auto&& fn) {
  for_each_point(community.shape, fn);
}
void for_each_point(maybe_const<planner::Inputs> auto& inputs, auto&& fn) {
  for (auto& item : inputs.roads) for_each_point(item, fn);
  for (auto& item : inputs.centers) for_each_point(item, fn);
  for (auto& item : inputs.blocks) for_each_point(item, fn);
  for (auto& item : inputs.entrances) for_each_point(item, fn);
  for (auto& item : inputs.communities) for_each_point(item, fn);
  for (auto& item : inputs.grids) for_each_point(item, fn);
  for (auto& item : inputs.subdistricts) for_each_point(item, fn);
}

/// PROJ's reason for refusing one point, with a hint for the commonest cause.
std::string why_not(const CrsTransform& transform, planner::XY lonlat) {
  std::string why = "no reason given";
  try {
    transform.apply(lonlat);
  } catch (const CrsError& e) {
    why = e.what();
  }
  if (std::abs(lonlat.y) > 90.0 && std::abs(lonlat.x) <= 90.0) {
    why += "; latitude beyond 90 degrees: are x and y swapped?";
  }
  return why;
}

std::string format_lonlat(planner::XY p) {
  char text[64];
  std::snprintf(text, sizeof text, "lon/lat (%.9g, %.9g)", p.x, p.y);
  return text;
}

// What to do about a point PROJ refuses: the commonest cause is a layer read in the wrong CRS.
constexpr const char* point_remedy =
    "; check that the layer's CRS (or --assume-crs, for a layer without one) is the right one and "
    "that --crs suits the area, or fix or delete this feature";

// The error for a point of one input, named the way a planner would search for it in GIS: the
// option, file and layer it was read from, then the feature (FID or id field).
InputError located_error(const InputSource& source, std::optional<std::int64_t> feature,
                         const std::string& item, const std::string& what) {
  DataLocation where = source.layer;
  where.feature = feature;
  return InputError(source.option, where,
                    (source.item.empty() ? item : source.item) + what + point_remedy);
}
InputError point_error(const planner::RoadLine& road, const InputSource& source,
                       const std::string& what) {
  return located_error(source, road.feature_id, "road", " " + what);
}
InputError point_error(const planner::Center& center, const InputSource& source,
                       const std::string& what) {
  return located_error(source, std::nullopt, "center", " '" + center.id + "' " + what);
}
InputError point_error(const planner::Block& block, const InputSource& source,
                       const std::string& what) {
  return located_error(source, std::nullopt, "block", " '" + block.id + "' " + what);
}
InputError point_error(const planner::Entrance& entrance, const InputSource& source,
                       const std::string& what) {
  return located_error(source, std::nullopt, "entrance",
                       " of block '" + entrance.block_id + "' " + what);
}
InputError point_error(const planner::Community& community, const InputSource& source,
                       const std::string& what) {
  return located_error(source, std::nullopt, "community", " '" + community.id + "' " + what);
}

/// Projects one kind of input with a single PROJ call: gather, transform, scatter back. A point
/// PROJ refuses becomes an InputError naming its feature and original coordinates.
template <class Item>
void project_all(std::vector<Item>& items, const InputSource& source, const CrsTransform& transform,
                 std::vector<planner::XY>& buffer) {
  buffer.clear();
  for (Item& item : items) for_each_point(item, [&](planner::XY& p) { buffer.push_back(p); });
  try {
    transform.apply(buffer);
  } catch (const CrsError& e) {
    if (!e.point_index()) throw;
    // The items still hold the originals: find the one that owns the failed point.
    std::size_t first = 0;
    for (Item& item : items) {
      std::vector<planner::XY> own;
      for_each_point(item, [&](const planner::XY& p) { own.push_back(p); });
      if (*e.point_index() < first + own.size()) {
        const std::size_t local = *e.point_index() - first;
        throw point_error(item, source,
                          "point " + std::to_string(local) + ": " + why_not(transform, own[local]));
      }
      first += own.size();
    }
    throw;
  }
  std::size_t next = 0;
  for (Item& item : items) for_each_point(item, [&](planner::XY& p) { p = buffer[next++]; });
}

}  // namespace

planner::XY lonlat_centre(const planner::Inputs& inputs) {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = min_x;
  double max_x = -min_x;
  double max_y = -min_x;
  for_each_point(inputs, [&](const planner::XY& p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  });
  if (min_x > max_x) {
    throw std::invalid_argument(
        "the inputs have no coordinates to choose a run CRS from; check that "
        "the layers hold geometry, or give --crs");
  }
  return {(min_x + max_x) / 2.0, (min_y + max_y) / 2.0};
}

std::string choose_run_crs(const std::string& user_crs, const planner::Inputs& inputs) {
  if (user_crs.empty()) {
    const planner::XY centre = lonlat_centre(inputs);
    return utm_crs_for(centre.x, centre.y);
  }
  if (!is_metric_projected(user_crs)) {
    std::string problem = "is not a projected CRS in metres";
    try {
      crs_to_wkt(user_crs);
    } catch (const CrsError& e) {
      problem = std::string("is unknown (") + e.what() + ")";
    }
    throw std::invalid_argument("--crs '" + user_crs + "' " + problem + "; " + crs_hint);
  }
  const planner::XY centre = lonlat_centre(inputs);
  const double error = scale_error_at(user_crs, centre);
  if (!(error <= max_run_crs_scale_error)) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f%%", error * 100.0);
    throw std::invalid_argument("--crs '" + user_crs + "' distorts lengths by " + percent +
                                " at the data's centre, " + format_lonlat(centre) + "; " +
                                crs_hint);
  }
  return user_crs;
}

void convert_gcj02_to_wgs84(planner::Inputs& inputs) {
  for_each_point(inputs, [](planner::XY& p) { p = gcj02_to_wgs84(p); });
}

void convert_gcj02_to_wgs84(planner::Inputs& inputs, const Gcj02Layers& layers) {
  const auto convert = [](planner::XY& p) { p = gcj02_to_wgs84(p); };
  const auto each = [&](std::string_view name, auto& items) {
    if (!layers.has(name)) return;
    for (auto& item : items) for_each_point(item, convert);
  };
  each("roads", inputs.roads);
  each("centers", inputs.centers);
  each("blocks", inputs.blocks);
  each("entrances", inputs.entrances);
  each("communities", inputs.communities);
  each("grids", inputs.grids);
  each("subdistricts", inputs.subdistricts);
}

void project_inputs(planner::Inputs& inputs, const std::string& run_crs,
                    const InputSources& sources) {
  const CrsTransform transform = CrsTransform::create("EPSG:4326", run_crs);
  std::vector<planner::XY> buffer;  // reused: the roads' size is enough for the rest
  project_all(inputs.roads, sources.roads, transform, buffer);
  project_all(inputs.centers, sources.centers, transform, buffer);
  project_all(inputs.blocks, sources.blocks, transform, buffer);
  project_all(inputs.entrances, sources.entrances, transform, buffer);
  project_all(inputs.communities, sources.communities, transform, buffer);
  project_all(inputs.grids, sources.grids, transform, buffer);
  project_all(inputs.subdistricts, sources.subdistricts, transform, buffer);
}

}  // namespace io
