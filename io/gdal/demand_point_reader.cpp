#include "io/gdal/demand_point_reader.h"

#include <cstdio>
#include <string>

#include "io/gdal/source_layer.h"
#include "planner/inputs.h"

namespace io {
namespace {

// A request's weight counts in siting: a wrong or missing one would move the answer silently.
const char* const demand_weight_remedy =
    "correct it (a number >= 0; 0 leaves the point out of the sums), or leave out "
    "--demand-points-weight to count every point as 1";

}  // namespace

DemandPointLayer read_demand_points(const LayerRef& ref, const std::string& weight_field,
                                    const ReadSettings& settings, ReadReport& report) {
  detail::SourceLayer layer = detail::SourceLayer::open(ref, settings);
  DemandPointLayer out;
  // No defaults: without a named field every point is one request.
  const detail::FieldRef weight =
      weight_field.empty() ? detail::FieldRef{} : layer.field(weight_field, {});
  out.weight_field = weight.name;
  report.use = layer.use({{"weight", &weight}});
  const auto& values = layer.values();
  layer.for_each_feature(
      {detail::OgrShape::point}, "points (Point or MultiPoint)", report,
      [&](const OGRFeature& feature, std::int64_t fid, const OGRGeometry& geometry) {
        double w = 1.0;
        if (weight.found()) {
          const std::optional<double> given =
              values.non_negative_number(feature, fid, weight, demand_weight_remedy);
          if (!given) {
            throw InputError(values.at(fid, weight),
                             std::string("weight is empty; ") + demand_weight_remedy);
          }
          // A weight is summed per block like a population: as large a value is refused (an
          // error, not "missing", since a request without a weight has no meaning here).
          if (*given > planner::max_block_population) {
            char text[64];
            std::snprintf(text, sizeof text, "weight %g is above the maximum 1e8; ", *given);
            throw InputError(values.at(fid, weight), text + std::string(demand_weight_remedy));
          }
          w = *given;
        }
        for (const planner::XY& point : detail::point_parts(geometry)) {
          out.points.push_back(point);
          out.weights.push_back(w);
          out.fids.push_back(fid);
        }
      });
  return out;
}

}  // namespace io
