// The layers of one evaluation, as `evaluate` writes them and `run` writes each variant: one
// list, so a scenario's base.gpkg is byte for byte evaluate's.
#pragma once

#include <vector>

#include "io/gdal/output_layer.h"
#include "io/tables/reach_edges_layer.h"
#include "io/tables/result_layers.h"
#include "planner/inputs.h"
#include "planner/network/network.h"
#include "planner/scenario/run.h"

namespace io {

/// The optional layers of one evaluation.
struct EvaluationLayerChoice {
  bool service_areas = false;  ///< service_areas and (unless reach_edges is none) reach_edges
  planner::Overlap overlap = planner::Overlap::per_center;  ///< how merged reach_edges group
  ReachEdges reach_edges = ReachEdges::merged;
  bool nodes = false;
};

/// blocks, centers, [service_areas, reach_edges], communities, [grids], summary, diagnostics,
/// [block_tiers, compliance (with params.standard)], [nodes]. With demand (--demand-points),
/// blocks gain requests.
std::vector<OutputLayer> evaluation_layers(const planner::Network& network,
                                           const planner::Inputs& inputs,
                                           const planner::EvaluationParams& params,
                                           const planner::EvaluationRun& run,
                                           const EvaluationLayerChoice& choice,
                                           const DemandPointsReport* demand = nullptr);

/// The network's size and components into the run's summary.json.
void add_network_info(RunInfo& info, const planner::Network& network);

}  // namespace io
