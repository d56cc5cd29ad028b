// Turning an evaluation into the output layers of DESIGN.md's schema (blocks, centers,
// communities, summary, nodes) and into summary.json. Field names fit in 10 characters so
// GeoPackage and Shapefile outputs read the same.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "io/gdal/layer_reader.h"
#include "io/gdal/output_layer.h"
#include "io/tables/demand_layers.h"
#include "io/tables/json_writer.h"
#include "planner/areas/service_areas.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/inputs.h"
#include "planner/network/network.h"

namespace io {

/// What the run was, for the summary: inputs, CRS, models. Written in order.
struct RunInfo {
  std::vector<std::pair<std::string, std::string>> inputs;  ///< role -> path[:layer]
  std::string run_crs;
  std::string length_model;
  std::size_t missing_osm_node_refs = 0;
  std::size_t network_vertices = 0;
  std::size_t network_edges = 0;
  std::size_t network_components = 0;
  std::size_t largest_component_vertices = 0;
  std::vector<LayerRead> layers{};  ///< every input layer: fields, CRS and encoding used
};

/// summary.json's "layers": per input layer its option, file, layer, driver, features, CRS,
/// encoding (and where it came from) and the field used for each role (null: none).
void layers_read_json(JsonWriter& json, const std::vector<LayerRead>& layers);

/// A center's id as a field value; null for invalid_id (no center).
FieldValue center_id_field(const planner::Inputs& inputs, std::uint32_t center);

/// Blocks; with demand (--demand-points), a requests field last.
OutputLayer blocks_layer(const planner::Inputs& inputs, const planner::Evaluation& ev,
                         const DemandPointsReport* demand = nullptr);
/// Centers; reach (per center, from the service-area searches) fills reach_blk and reach_pop.
OutputLayer centers_layer(const planner::Inputs& inputs, const planner::Evaluation& ev,
                          const std::vector<planner::CenterReach>& reach);
/// Communities: polygons when a communities layer was read, else a table.
OutputLayer communities_layer(const planner::Inputs& inputs, const planner::Evaluation& ev);
/// One row per scope: all, each tier ("tier:<name>"), each community ("community:<id>"). The
/// network health counts (components, islands, isl_ctr, isl_blk, long_edges, zero_edges,
/// dup_edges) fill the "all" row and are null in the others; null everywhere without diagnostics.
OutputLayer summary_layer(const planner::Evaluation& ev,
                          const planner::NetworkDiagnostics* diagnostics = nullptr);
/// Every network vertex: node_id (OSM node id where known), minutes, center_id.
OutputLayer nodes_layer(const planner::Network& network, const planner::Inputs& inputs,
                        const planner::Evaluation& ev);

/// summary.json: parameters, network, headline figures, tiers, communities. No timings, so the
/// file is byte-identical from run to run.
/// With diagnostics, a "diagnostics" object follows "network" (io/tables/diagnostics_layer.h);
/// with demand, a "demand_points" object comes last (io/tables/demand_layers.h).
std::string summary_json(const RunInfo& run, const planner::EvaluationParams& params,
                         const planner::Inputs& inputs, const planner::Evaluation& ev,
                         const planner::NetworkDiagnostics* diagnostics = nullptr,
                         const DemandPointsReport* demand = nullptr);

}  // namespace io
