// Reading demand points (issue #13 point 3): service requests such as 12345 hotline or 城事通
// records, one point each, with an optional weight field. The layer reading conventions are
// layer_reader.h's: any OGR source, any CRS (delivered in WGS84 lon/lat), errors naming file,
// layer, feature and field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/gdal/layer_reader.h"
#include "planner/geometry.h"

namespace io {

struct DemandPointLayer {
  std::vector<planner::XY> points;  ///< lon/lat
  std::vector<double> weights;      ///< per point
  std::vector<std::int64_t> fids;   ///< per point: the feature it came from
  std::string weight_field;         ///< the field's own spelling; empty: each point weighs 1
};

/// Points; a MultiPoint gives each of its points, each with the feature's weight. A line or
/// polygon is an InputError naming the feature. weight_field empty: every point weighs 1; else
/// the field must exist (ignoring case), and a null, blank, non-numeric, negative or infinite
/// value is an InputError naming file, layer, feature and field. Null and empty geometries are
/// skipped and counted in the report.
DemandPointLayer read_demand_points(const LayerRef& ref, const std::string& weight_field,
                                    const ReadSettings& settings, ReadReport& report);

}  // namespace io
