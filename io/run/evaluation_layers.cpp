#include "io/run/evaluation_layers.h"

#include "io/styles/default_styles.h"
#include "io/tables/diagnostics_layer.h"
#include "io/tables/service_area_layers.h"
#include "io/tables/standard_layers.h"

namespace io {

std::vector<OutputLayer> evaluation_layers(const planner::Network& network,
                                           const planner::Inputs& inputs,
                                           const planner::EvaluationParams& params,
                                           const planner::EvaluationRun& run,
                                           const EvaluationLayerChoice& choice,
                                           const DemandPointsReport* demand) {
  std::vector<OutputLayer> layers;
  layers.push_back(blocks_layer(inputs, run.ev, demand));
  layers.push_back(centers_layer(inputs, run.ev, run.areas.reach));
  if (choice.service_areas) {
    layers.push_back(service_areas_layer(inputs, run.areas, run.ev.has_population));
    if (choice.reach_edges == ReachEdges::merged) {
      layers.push_back(
          merged_reach_edges_layer(network, inputs, run.areas, params.minutes, choice.overlap));
    } else if (choice.reach_edges == ReachEdges::pieces) {
      layers.push_back(reach_pieces_layer(network, inputs, run.areas));
    }
  }
  layers.push_back(communities_layer(inputs, run.ev));
  if (!run.ev.grids.ids.empty()) layers.push_back(grids_layer(inputs, run.ev));
  layers.push_back(summary_layer(run.ev, &run.diagnostics));
  layers.push_back(diagnostics_layer(network, &inputs, run.diagnostics));
  if (params.standard && run.ev.standard) {
    layers.push_back(block_tiers_layer(inputs, run.ev, *params.standard));
    layers.push_back(compliance_layer(run.ev));
  }
  if (choice.nodes) layers.push_back(nodes_layer(network, inputs, run.ev));
  attach_default_styles(layers, {params.minutes, params.cover_threshold_minutes()});
  return layers;
}

void add_network_info(RunInfo& info, const planner::Network& network) {
  info.network_vertices = network.edges.vertex_count();
  info.network_edges = network.edges.edge_count();
  info.network_components = network.graph->component_size().size();
  info.largest_component_vertices =
      network.graph->component_size()[network.graph->largest_component()];
}

}  // namespace io
