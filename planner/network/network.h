// The walking network of one run: edges with geometry, the CSR graph over them, and the
// snapping index. Built once from the projected road lines and shared read-only.
#pragma once

#include <memory>
#include <vector>

#include "planner/network/edge_set.h"
#include "planner/network/street_graph.h"

namespace planner {

struct Network {
  EdgeSet edges;
  std::unique_ptr<StreetGraph>
      graph;  ///< refers to nothing in edges; heap-held to keep moves cheap
};

/// Cuts the lines into edges and builds the graph. Throws InvalidValue when no line
/// gives an edge (an empty road layer cannot carry a walk).
Network build_network(const std::vector<RoadLine>& lines, const SplitOptions& options = {});

}  // namespace planner
