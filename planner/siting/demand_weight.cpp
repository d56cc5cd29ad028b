#include "planner/siting/demand_weight.h"

#include <string>

#include "planner/errors.h"

namespace planner {

std::string_view to_string(DemandWeight kind) {
  switch (kind) {
    case DemandWeight::population:
      return "population";
    case DemandWeight::requests:
      return "requests";
    case DemandWeight::both:
      return "both";
  }
  return "population";
}

std::optional<DemandWeight> parse_demand_weight(std::string_view word) {
  for (const DemandWeight kind :
       {DemandWeight::population, DemandWeight::requests, DemandWeight::both}) {
    if (word == to_string(kind)) return kind;
  }
  return std::nullopt;
}

BlockWeights siting_weights(const std::vector<Block>& blocks, bool has_population,
                            const SitingDemand& demand) {
  const bool with_requests = demand.kind != DemandWeight::population;
  if (with_requests && demand.requests.size() != blocks.size()) {
    throw InvalidValue("--demand-weight " + std::string(to_string(demand.kind)) +
                       " needs the requests of every block: give --demand-points (" +
                       std::to_string(demand.requests.size()) + " values for " +
                       std::to_string(blocks.size()) + " blocks)");
  }
  check_range(request_weight_range, demand.request_weight);
  BlockWeights out;
  out.uses_population = demand.kind != DemandWeight::requests && has_population;
  out.block_counts = demand.kind == DemandWeight::population && !has_population;
  out.weights.resize(blocks.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const std::optional<double>& pop = blocks[b].pop;
    double w = out.block_counts ? 1.0 : 0.0;
    if (out.uses_population) {
      w = pop.value_or(0.0);
      if (!pop) ++out.blocks_without_population;
    }
    if (demand.kind == DemandWeight::requests) w = demand.requests[b];
    if (demand.kind == DemandWeight::both) w += demand.request_weight * demand.requests[b];
    out.weights[b] = w;
  }
  return out;
}

}  // namespace planner
