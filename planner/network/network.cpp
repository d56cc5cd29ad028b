#include "planner/network/network.h"

#include <stdexcept>

#include "planner/errors.h"

namespace planner {

Network build_network(const std::vector<RoadLine>& lines, const SplitOptions& options) {
  Network network;
  network.edges = split_into_edges(lines, options);
  if (network.edges.edge_count() == 0) {
    throw InvalidValue(
        "the road layer gives no walkable edge; check that --roads holds "
        "lines of positive length (not one repeated point each)");
  }
  network.graph = std::make_unique<StreetGraph>(network.edges);
  return network;
}

}  // namespace planner
