// Puts every input into the run's metric CRS: readers deliver WGS84 lon/lat, this projects it.
#pragma once

#include <string>

#include "planner/inputs.h"

namespace io {

/// lon/lat bounding-box centre of all input geometry (roads, centers, blocks...).
planner::XY lonlat_centre(const planner::Inputs& inputs);

/// The run CRS: the user's --crs when given (must be metric projected, else std::invalid_argument
/// with a hint), otherwise the UTM zone of the data's centre.
std::string choose_run_crs(const std::string& user_crs, const planner::Inputs& inputs);

/// --gcj02: every coordinate of inputs is GCJ-02 lon/lat; converts it to WGS84 in place.
void convert_gcj02_to_wgs84(planner::Inputs& inputs);

/// Transforms every coordinate of inputs from WGS84 lon/lat to run_crs, in place.
void project_inputs(planner::Inputs& inputs, const std::string& run_crs);

}  // namespace io
