#include "io/tables/access_layers.h"

namespace io {
namespace {

FieldValue optional_value(const std::optional<double>& v) {
  if (!v) return std::monostate{};
  return *v;
}

}  // namespace

void add_block_access_fields(OutputLayer& blocks, const planner::Evaluation& ev) {
  if (!ev.access) return;
  for (const planner::AccessMethod m : ev.access->methods) {
    blocks.fields.push_back({std::string(planner::field_name(m)), FieldType::real});
  }
  blocks.fields.push_back({"acc_rank", FieldType::integer});
}

void add_block_access_values(std::vector<FieldValue>& row, const planner::Evaluation& ev,
                             std::size_t b) {
  if (!ev.access) return;
  const planner::AccessResult& a = *ev.access;
  for (std::size_t m = 0; m < a.methods.size(); ++m) row.push_back(optional_value(a.score[m][b]));
  if (a.rank[b]) {
    row.push_back(static_cast<std::int64_t>(*a.rank[b]));
  } else {
    row.emplace_back();
  }
}

void add_center_access_fields(OutputLayer& centers, const planner::Evaluation& ev) {
  if (!ev.access) return;
  centers.fields.push_back({"capacity", FieldType::real});
  centers.fields.push_back({"demand", FieldType::real});
  centers.fields.push_back({"ratio", FieldType::real});
  centers.fields.push_back({"load", FieldType::real});
}

void add_center_access_values(std::vector<FieldValue>& row, const planner::Inputs& inputs,
                              const planner::Evaluation& ev, std::size_t c) {
  if (!ev.access) return;
  const planner::AccessResult& a = *ev.access;
  row.push_back(optional_value(inputs.centers[c].capacity));
  row.push_back(optional_value(a.demand[c]));
  row.push_back(optional_value(a.ratio[c]));
  row.push_back(optional_value(a.load[c]));
}

void access_json(JsonWriter& json, const planner::Inputs& inputs, const planner::Evaluation& ev) {
  if (!ev.access) return;
  const planner::AccessResult& a = *ev.access;
  json.key("access").begin_object();
  json.key("methods").begin_array();
  for (const planner::AccessMethod m : a.methods) json.value(planner::to_string(m));
  json.end_array();
  json.key("catchment_minutes").value(a.t0_minutes);
  json.key("steps").begin_array();
  for (const planner::AccessStep& s : a.steps) {
    json.begin_object();
    json.key("up_to_minutes").value(s.upper_minutes);
    json.key("weight").value(s.weight);
    json.end_object();
  }
  json.end_array();
  json.key("centers_without_capacity").value(a.centers_without_capacity);
  json.key("most_loaded").begin_array();
  for (const std::uint32_t c : a.most_loaded) {
    json.begin_object();
    json.key("center_id").value(inputs.centers[c].id);
    json.key("name").value(inputs.centers[c].name);
    json.key("load").value(a.load[c].value_or(0.0));
    json.key("demand").value(a.demand[c].value_or(0.0));
    json.end_object();
  }
  json.end_array();
  json.key("worst_served").begin_array();
  for (const std::uint32_t b : a.worst_served) {
    json.begin_object();
    json.key("block_id").value(inputs.blocks[b].id);
    json.key("name").value(inputs.blocks[b].name);
    json.key(planner::field_name(a.methods.front())).value(a.score[0][b].value_or(0.0));
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace io
