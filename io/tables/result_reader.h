// Reading a result written by `circleplan evaluate` (its blocks, centers and summary layers,
// docs/outputs.md) back into a planner::ResultSnapshot, for `circleplan compare`. A GeoPackage,
// or a Shapefile folder (where "" reads back as null, which is taken as ""). A missing layer or
// field, a field of the wrong type, or a status word circleplan does not write is an InputError
// naming the file, layer, feature and field.
#pragma once

#include <string>

#include "planner/scenario/comparison.h"

namespace io {

struct ResultFile {
  planner::ResultSnapshot snapshot;  ///< cover_minutes stays 0: the layers do not store it
  std::string crs_wkt;               ///< the blocks layer's CRS as WKT; empty when it has none
};

/// Reads the result at `path`. Geometries are taken as they are (the run CRS of that result).
ResultFile read_result(const std::string& path);

}  // namespace io
