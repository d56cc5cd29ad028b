// How edge lengths are measured from lon/lat: WGS84 ellipsoid geodesic (default), haversine
// sphere (WALKABLE.md's comparison model, R = 6371008.8 m) or planar in the run CRS.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "planner/geometry.h"
#include "planner/inputs.h"

namespace io {

enum class LengthModel { ellipsoid, haversine, planar };

/// "ellipsoid" | "haversine" | "planar"; nullopt for anything else.
std::optional<LengthModel> parse_length_model(const std::string& name);
std::string to_string(LengthModel model);

/// Haversine distance in metres between two lon/lat points (degrees), R = 6371008.8 m.
double haversine_m(planner::XY a, planner::XY b);

/// Geodesic distance in metres on the WGS84 ellipsoid (PROJ's geodesic.h, Karney's algorithm).
double ellipsoid_m(planner::XY a, planner::XY b);

/// Fills RoadLine::segment_m of every line from its lon/lat points (ellipsoid or haversine).
/// For LengthModel::planar it does nothing: call measure_planar() after projecting.
void measure_lonlat(std::vector<planner::RoadLine>& lines, LengthModel model);

/// Fills RoadLine::segment_m with Euclidean lengths of the projected points.
void measure_planar(std::vector<planner::RoadLine>& lines);

}  // namespace io
