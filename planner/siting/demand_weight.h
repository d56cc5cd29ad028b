// What a block weighs in siting (issue #13 point 3, docs/siting.md): its population (today's
// rule), its service requests (demand points summed per block, planner/coverage/demand_points.h)
// or both, population + request_weight x requests. `site --demand-weight` chooses.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "planner/inputs.h"
#include "planner/parameters.h"

namespace planner {

enum class DemandWeight {
  population,  ///< population; without any population value, 1 per block (block counts)
  requests,    ///< the requests summed per block
  both,        ///< population + request_weight x requests
};

/// "population" | "requests" | "both": the word of --demand-weight.
std::string_view to_string(DemandWeight kind);
std::optional<DemandWeight> parse_demand_weight(std::string_view word);

/// --request-weight: what one request weighs against one resident in `both`.
/// One request against one resident: at most a million (a finite bound keeps every sum finite).
inline constexpr Range request_weight_range{"request-weight", 0.0, 1e6, false, false, ""};

struct SitingDemand {
  DemandWeight kind = DemandWeight::population;
  /// Per block: the requests (DemandAggregation::block_weight); required by requests and both.
  std::vector<double> requests;
  double request_weight = 1.0;  ///< both: population + request_weight x requests
};

struct BlockWeights {
  std::vector<double> weights;  ///< per block
  /// The population kind on blocks without any population value: 1 per block, block counts.
  bool block_counts = false;
  /// Population enters the weights (population or both, some block has a value).
  bool uses_population = false;
  /// Blocks without a population value where population enters: their population counts 0.
  std::uint32_t blocks_without_population = 0;
};

/// The siting weight of every block. `has_population`: some block has a population value (as
/// Evaluation::has_population). Throws InvalidValue when requests or both is asked without one
/// request value per block, or request_weight is out of request_weight_range.
BlockWeights siting_weights(const std::vector<Block>& blocks, bool has_population,
                            const SitingDemand& demand);

}  // namespace planner
