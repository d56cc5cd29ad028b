// Plain geometry values exchanged between io/ and planner/.
//
// Coordinates are in the run's metric CRS (metres, x = easting, y = northing) once io/ has
// projected them; readers fill them with lon/lat first (x = lon, y = lat), see io/crs/projection.h.
#pragma once

#include <vector>

namespace planner {

struct XY {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const XY&, const XY&) = default;
};

using LineString = std::vector<XY>;

/// A closed ring: the first point equals the last.
using Ring = std::vector<XY>;

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

}  // namespace planner
