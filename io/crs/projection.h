// Puts every input into the run's metric CRS: readers deliver WGS84 lon/lat, this projects it.
#pragma once

#include <string>

#include "io/crs/gcj02_layers.h"
#include "io/errors.h"
#include "planner/inputs.h"

namespace io {

/// lon/lat bounding-box centre of all input geometry (roads, centers, blocks...).
planner::XY lonlat_centre(const planner::Inputs& inputs);

/// The run CRS: the user's --crs when given (must be metric projected, else std::invalid_argument
/// with a hint), otherwise the UTM zone of the data's centre.
std::string choose_run_crs(const std::string& user_crs, const planner::Inputs& inputs);

/// --gcj02: every coordinate of inputs is GCJ-02 lon/lat; converts it to WGS84 in place.
void convert_gcj02_to_wgs84(planner::Inputs& inputs);

/// --gcj02 LAYERS: converts only the members of `inputs` that `layers` names (roads, centers,
/// blocks, entrances, communities, grids, subdistricts); the others stay as read.
void convert_gcj02_to_wgs84(planner::Inputs& inputs, const Gcj02Layers& layers);

/// Where one kind of input was read from: the option that named it ("--blocks"; may be empty)
/// and its file and real layer name. Named in the error for a point that cannot be projected.
struct InputSource {
  std::string option;
  DataLocation layer;
  std::string item;  ///< what one feature is called ("candidate"); empty: "road", "center"...
};

/// The source of each kind of input of a planner::Inputs.
struct InputSources {
  InputSource roads, centers, blocks, entrances, communities;
  InputSource grids{"", {}, "grid"}, subdistricts{"", {}, "subdistrict"};
  /// Every kind read from one layer (a scenario's extra layers hold one kind each).
  static InputSources all(const InputSource& one) { return {one, one, one, one, one, one, one}; }
};

/// Transforms every coordinate of inputs from WGS84 lon/lat to run_crs, in place. A point PROJ
/// cannot transform is an InputError naming the option, file, layer and feature it came from
/// (from sources) and saying what to check.
void project_inputs(planner::Inputs& inputs, const std::string& run_crs,
                    const InputSources& sources = {});

}  // namespace io
