#include "io/tables/demand_layers.h"

#include "io/tables/csv_text.h"

namespace io {
namespace {

std::int64_t point_count(std::size_t n) {
  return static_cast<std::int64_t>(n);
}

}  // namespace

void add_block_request_field(OutputLayer& blocks, const DemandPointsReport* demand) {
  if (demand == nullptr) return;
  blocks.fields.push_back({"requests", FieldType::real});
}

void add_block_request_value(std::vector<FieldValue>& row, const DemandPointsReport* demand,
                             std::size_t block) {
  if (demand == nullptr) return;
  row.push_back(demand->aggregation.block_weight[block]);
}

void demand_points_json(JsonWriter& json, const DemandPointsReport& demand) {
  const planner::DemandAggregation& a = demand.aggregation;
  json.key("demand_points").begin_object();
  json.key("weight_field");
  if (demand.weight_field.empty()) {
    json.null();
  } else {
    json.value(demand.weight_field);
  }
  json.key("snap_m").value(demand.snap_m);
  json.key("points").value(point_count(a.inside.points + a.nearest.points + a.unassigned.points));
  json.key("inside").value(point_count(a.inside.points));
  json.key("nearest").value(point_count(a.nearest.points));
  json.key("unassigned").value(point_count(a.unassigned.points));
  if (!demand.weight_field.empty()) {
    json.key("weights").begin_object();
    json.key("total").value(a.inside.weight + a.nearest.weight + a.unassigned.weight);
    json.key("inside").value(a.inside.weight);
    json.key("nearest").value(a.nearest.weight);
    json.key("unassigned").value(a.unassigned.weight);
    json.end_object();
  }
  json.end_object();
}

std::string demand_points_text(const DemandPointsReport& demand) {
  const planner::DemandAggregation& a = demand.aggregation;
  std::string out =
      "demand points: " + std::to_string(a.inside.points + a.nearest.points + a.unassigned.points) +
      " (" + std::to_string(a.inside.points) + " inside blocks, " +
      std::to_string(a.nearest.points) + " to the nearest block within " +
      csv_number(demand.snap_m) + " m, " + std::to_string(a.unassigned.points) + " unassigned)";
  if (!demand.weight_field.empty()) {
    out += "; " + demand.weight_field + " " +
           csv_number(a.inside.weight + a.nearest.weight + a.unassigned.weight) + " (" +
           csv_number(a.inside.weight) + " / " + csv_number(a.nearest.weight) + " / " +
           csv_number(a.unassigned.weight) + ")";
  }
  return out;
}

}  // namespace io
