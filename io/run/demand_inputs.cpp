#include "io/run/demand_inputs.h"

#include <string>
#include <utility>

#include "io/crs/projection.h"
#include "io/gdal/demand_point_reader.h"
#include "io/tables/csv_text.h"

namespace io {

std::optional<DemandPointsReport> load_demand_points(const InputOptions& o,
                                                     const LoadedInputs& loaded,
                                                     const WarningSink& sink) {
  const DemandPointOptions& d = o.demand_points;
  if (d.points.path.empty()) return std::nullopt;
  planner::check_range(planner::demand_snap_range, d.snap_m);
  const std::string option = "--demand-points";
  ReadReport report;
  DemandPointLayer layer = read_role(
      option, [&] { return read_demand_points(d.points, d.weight_field, o.settings, report); });
  report_read(option, report, sink);
  if (layer.points.empty()) warn(sink, option + ": " + describe(report.layer, "no points"));

  // The points travel as centers named by their feature, so a point PROJ refuses is named.
  planner::Inputs extra;
  extra.centers.reserve(layer.points.size());
  for (std::size_t p = 0; p < layer.points.size(); ++p) {
    extra.centers.push_back({std::to_string(layer.fids[p]), "", "", layer.points[p]});
  }
  if (o.gcj02.has("demand-points")) convert_gcj02_to_wgs84(extra);
  InputSources sources;
  sources.centers = {option, report.layer, "demand point of feature"};
  project_inputs(extra, loaded.run_crs, sources);

  planner::DemandPoints points;
  points.points.reserve(extra.centers.size());
  for (const planner::Center& c : extra.centers) points.points.push_back(c.pos);
  points.weights = std::move(layer.weights);
  DemandPointsReport out;
  out.weight_field = layer.weight_field;
  out.snap_m = d.snap_m;
  out.read = {option, report.layer, report.features, report.use};
  if (o.gcj02.has("demand-points"))
    out.read.use.crs = Gcj02Layers::converted_crs_text(out.read.use.crs);
  out.aggregation = planner::aggregate_demand_points(loaded.inputs.blocks, points, d.snap_m);
  const planner::DemandTally& lost = out.aggregation.unassigned;
  if (lost.points > 0) {
    std::string what = std::to_string(lost.points) + " demand points";
    if (!out.weight_field.empty())
      what += " (" + out.weight_field + " " + csv_number(lost.weight) + ")";
    warn(sink, option + ": " +
                   describe(report.layer, what + " lie farther than --demand-snap-m (" +
                                              csv_number(d.snap_m) +
                                              " m) from every block and count for none (the "
                                              "unassigned figure of summary.json)"));
  }
  return out;
}

void add_demand_input(std::vector<std::pair<std::string, std::string>>& inputs,
                      const InputOptions& options) {
  if (options.demand_points.points.path.empty()) return;
  inputs.emplace_back("demand_points", layer_label(options.demand_points.points));
}

}  // namespace io
