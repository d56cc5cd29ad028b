// The run's parameters, each with one named default and one allowed range, and the one wording
// of an out-of-range message. A value is checked once, where it enters: the command line
// (app/), the scenario reader (io/scenario/) or a Python argument; the engine below trusts it.
// Scenario keys are the long option names without "--", so the range names the key.
#pragma once

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>

#include "planner/errors.h"

namespace planner {

inline constexpr double default_speed_kmh = 4.5;  ///< walking speed, km/h
inline constexpr double default_minutes = 15.0;   ///< the one threshold when none is given
inline constexpr double default_max_snap_m = 300.0;
inline constexpr double default_sample_spacing_m = 25.0;
inline constexpr double default_search_limit_minutes = 60.0;
inline constexpr double default_buffer_m = 25.0;
inline constexpr double default_simplify_m = 0.0;
inline constexpr int default_quadrant_segments = 8;
inline constexpr double default_node_tolerance_m = 0.01;
/// Rings between bands are computed on this grid (metres): GEOS's snap-rounding overlay rounds
/// their vertices to it. Two bands' polygons share long stretches of nearly equal boundary (the
/// same streets buffered twice), on which GEOS's floating-point overlay fails and retries with
/// snapping, several times slower (planner/areas/reach_polygon.h).
inline constexpr double ring_grid_m = 0.001;
inline constexpr double kmh_per_mps = 3.6;  ///< the one km/h -> m/s conversion factor

/// An interval of allowed values; a bound is open (excluded) or closed (included), infinite
/// bounds are written as such. NaN is never in range.
struct Range {
  std::string_view name;  ///< the option / scenario key, without "--"
  double min;
  double max;
  bool min_open;
  bool max_open;
  std::string_view unit;  ///< "" for a plain number

  bool contains(double v) const {
    if (std::isnan(v)) return false;
    if (min_open ? !(v > min) : !(v >= min)) return false;
    if (max_open ? !(v < max) : !(v <= max)) return false;
    return true;
  }
};

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

inline constexpr Range speed_kmh_range{"speed-kmh", 0.0, 50.0, true, true, "km/h"};
inline constexpr Range minutes_range{"minutes", 0.0, 600.0, true, false, "minutes"};
inline constexpr Range cover_minutes_range{"cover-minutes", 0.0, 600.0, true, false, "minutes"};
// Every range has a finite maximum (issue #17 point 7): a value such as 1e308 is a slip, never a
// setting, and would overflow what is computed from it. The maxima are far beyond any sensible
// value (a day's walk, 10 km of snapping...) and listed in docs/user-guide.md.
inline constexpr Range search_limit_range{"search-limit", 0.0, 1440.0, true, false, "minutes"};
inline constexpr Range max_snap_range{"max-snap", 0.0, 10000.0, false, false, "m"};
inline constexpr Range sample_spacing_range{"sample-spacing", 1.0, 10000.0, false, false, "m"};
inline constexpr Range buffer_range{"buffer-m", 0.0, 500.0, true, false, "m"};
inline constexpr Range simplify_range{"simplify-m", 0.0, 1000.0, false, false, "m"};
inline constexpr Range node_tolerance_range{"node-tolerance", 0.0, 100.0, false, false, "m"};
inline constexpr Range long_edge_range{"long-edge-m", 0.0, 100000.0, true, false, "m"};
inline constexpr Range island_share_range{"island-share", 0.0, 1.0, false, false, ""};
inline constexpr Range candidate_spacing_range{
    "candidate-spacing", 0.0, 100000.0, false, false, "m"};
inline constexpr Range max_cost_range{"max-cost", 0.0, 1e12, false, false, ""};
inline constexpr Range speed_factor_range{"speed-factor", 0.0, 10.0, true, false, ""};
inline constexpr Range time_limit_range{"time-limit", 0.0, 1e6, true, false, "s"};
inline constexpr Range footpath_snap_range{"footpath-snap", 0.0, 1000.0, false, false, "m"};
/// --site-capacity: in the demand's unit (people, blocks, weight); the same maximum as a center's
/// capacity read from a layer (max_center_capacity in inputs.h).
inline constexpr Range site_capacity_range{"site-capacity", 0.0, 1e8, false, false, ""};

/// "speed-kmh must be greater than 0 and less than 50 km/h" (the allowed values only).
inline std::string describe(const Range& r) {
  auto number = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  std::string out = std::string(r.name) + " must be ";
  const bool has_min = r.min > -unbounded, has_max = r.max < unbounded;
  if (has_min) out += (r.min_open ? "greater than " : "at least ") + number(r.min);
  if (has_min && has_max) out += " and ";
  if (has_max) out += (r.max_open ? "less than " : "at most ") + number(r.max);
  if (!r.unit.empty()) out += " " + std::string(r.unit);
  return out;
}

/// The message for an out-of-range value, or "" when it is allowed.
inline std::string range_error(const Range& r, double value) {
  if (r.contains(value)) return {};
  char got[32];
  std::snprintf(got, sizeof got, "%g", value + 0.0);  // -0 + 0 is +0: -0 is said as 0
  return describe(r) + " (got " + got + ")";
}

/// Throws InvalidValue with range_error()'s message when value is out of range.
inline void check_range(const Range& r, double value) {
  const std::string message = range_error(r, value);
  if (!message.empty()) throw InvalidValue(message);
}

}  // namespace planner
