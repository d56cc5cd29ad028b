// Plain geometry values exchanged between io/ and planner/.
//
// Coordinates are in the run's metric CRS (metres, x = easting, y = northing) once io/ has
// projected them; readers fill them with lon/lat first (x = lon, y = lat), see io/crs/projection.h.
#pragma once

#include <limits>
#include <vector>

namespace planner {

struct XY {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const XY&, const XY&) = default;
};

using LineString = std::vector<XY>;

/// Lines kept together as one value (e.g. all the streets one center reaches within a band).
using MultiLineString = std::vector<LineString>;

/// A closed ring: the first point equals the last.
using Ring = std::vector<XY>;

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

/// An axis-aligned bounding box; empty (min above max) until a point is added.
struct Box {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  void add(XY p) {
    if (p.x < min_x) min_x = p.x;
    if (p.y < min_y) min_y = p.y;
    if (p.x > max_x) max_x = p.x;
    if (p.y > max_y) max_y = p.y;
  }
  bool contains(XY p) const { return !(p.x < min_x || p.x > max_x || p.y < min_y || p.y > max_y); }
  bool intersects(const Box& o) const {
    return !(o.max_x < min_x || o.min_x > max_x || o.max_y < min_y || o.min_y > max_y);
  }
};

}  // namespace planner
