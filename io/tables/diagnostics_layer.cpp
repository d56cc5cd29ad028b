#include "io/tables/diagnostics_layer.h"

#include <cstdio>
#include <string>

namespace io {
namespace {

using planner::FindingKind;

std::string format(const char* pattern, double a, double b = 0.0) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, pattern, a, b);
  return buffer;
}

std::string edge_name(const planner::EdgeSet& edges, std::uint32_t e) {
  std::string name = "road feature ";
  name += std::to_string(edges.edge_feature_id[e]);
  name += " (edge ";
  name += std::to_string(edges.edge_part[e]);
  name += ")";
  return name;
}

std::string object_id(const planner::Network& network, const planner::Inputs* inputs,
                      const planner::Finding& f) {
  switch (f.object) {
    case planner::ObjectType::edge:
      return std::to_string(network.edges.edge_feature_id[f.index]);
    case planner::ObjectType::center:
      return inputs ? inputs->centers[f.index].id : std::to_string(f.index);
    case planner::ObjectType::block:
      return inputs ? inputs->blocks[f.index].id : std::to_string(f.index);
    case planner::ObjectType::component:
      break;
  }
  return std::to_string(f.index);
}

// What is wrong and what to do, in words a planner acts on in GIS. Kept under 254 characters
// (the Shapefile text limit).
std::string message(const planner::Network& network, const planner::NetworkDiagnostics& d,
                    const std::string& id, const planner::Finding& f) {
  const planner::EdgeSet& edges = network.edges;
  std::string m;
  switch (f.kind) {
    case FindingKind::island:
      m = format(
          "network piece of %.0f vertices cut off from the main network (small island: "
          "under %.0f vertices); connect it where a link is missing, or delete it",
          f.value, d.island_below);
      break;
    case FindingKind::component:
      m = format(
          "separate network piece of %.0f vertices; check whether a link to the main "
          "network is missing (walks cannot cross between pieces)",
          f.value);
      break;
    case FindingKind::center_on_island:
      m = "center '" + id;
      m += format(
          "' meets the network on a small island of %.0f vertices and serves only it; "
          "move the center or connect the island",
          f.value);
      break;
    case FindingKind::block_on_island:
      m = "block '" + id;
      m += format(
          "' meets the network only on a small island (largest %.0f vertices); it is "
          "cut off from the centers: connect the island's roads",
          f.value);
      break;
    case FindingKind::long_edge:
      m = edge_name(edges, f.index);
      m += format(
          " is %.0f m long without a junction (over %.0f m); check for a missing node "
          "or a mis-digitised line",
          f.value, d.params.long_edge_m);
      break;
    case FindingKind::zero_edge:
      m = edge_name(edges, f.index);
      m += format(
          " has zero length (%.4f m): two vertices at one place; merge them or delete "
          "the edge",
          f.value);
      break;
    case FindingKind::duplicate_edge:
      m = edge_name(edges, f.index) + " repeats " + edge_name(edges, f.other);
      m += ": the same street drawn twice; delete one";
      break;
  }
  return m;
}

}  // namespace

OutputLayer diagnostics_layer(const planner::Network& network, const planner::Inputs* inputs,
                              const planner::NetworkDiagnostics& d) {
  OutputLayer layer{"diagnostics",
                    GeometryKind::line,
                    {{"kind", FieldType::text},
                     {"severity", FieldType::text},
                     {"obj_type", FieldType::text},
                     {"obj_id", FieldType::text},
                     {"edge", FieldType::integer},
                     {"value", FieldType::real},
                     {"message", FieldType::text}},
                    {},
                    {}};
  for (const planner::Finding& f : d.findings) {
    const std::string id = object_id(network, inputs, f);
    const bool edge = f.object == planner::ObjectType::edge;
    layer.rows.push_back(
        {std::string(planner::to_string(f.kind)), std::string(planner::to_string(f.severity)),
         std::string(planner::to_string(f.object)), id,
         edge ? FieldValue(static_cast<std::int64_t>(network.edges.edge_part[f.index]))
              : FieldValue(),
         f.value, message(network, d, id, f)});
    if (f.geometry.size() >= 2) {
      layer.geometries.emplace_back(f.geometry);
    } else {
      layer.geometries.emplace_back(std::monostate{});
    }
  }
  return layer;
}

void diagnostics_json(JsonWriter& json, const planner::NetworkDiagnostics& d) {
  const planner::DiagnosticsCounts& c = d.counts;
  json.begin_object();
  json.key("island_below_vertices").value(d.island_below);
  json.key("long_edge_m").value(d.params.long_edge_m);
  json.key("zero_edge_m").value(d.params.zero_edge_m);
  json.key("components").value(c.components);
  json.key("islands").value(c.islands);
  json.key("island_vertices").value(c.island_vertices);
  json.key("centers_on_islands").value(c.centers_on_islands);
  json.key("blocks_on_islands").value(c.blocks_on_islands);
  json.key("long_edges").value(c.long_edges);
  json.key("zero_edges").value(c.zero_edges);
  json.key("duplicate_edges").value(c.duplicate_edges);
  json.end_object();
}

std::string diagnostics_text(const planner::NetworkDiagnostics& d) {
  const planner::DiagnosticsCounts& c = d.counts;
  std::string out;
  auto line = [&](std::uint32_t n, const std::string& what) {
    if (n == 0) return;
    out += "  ";
    out += std::to_string(n);
    out += " ";
    out += what;
    out += "\n";
  };
  std::string islands = "small islands (components under ";
  islands += std::to_string(d.island_below);
  islands += " vertices; ";
  islands += std::to_string(c.island_vertices);
  islands += " vertices in all)";
  line(c.islands, islands);
  line(c.components > 1 + c.islands ? c.components - 1 - c.islands : 0,
       "other separate components (not small)");
  line(c.centers_on_islands, "centers on small islands");
  line(c.blocks_on_islands, "blocks reaching the network only on small islands");
  std::string long_edges = "edges longer than ";
  long_edges += format("%.0f m", d.params.long_edge_m);
  line(c.long_edges, long_edges);
  line(c.zero_edges, "zero-length edges");
  line(c.duplicate_edges, "duplicate edges");
  return out;
}

}  // namespace io
