// How accessibility scores (docs/accessibility.md) change between two results, block by block:
// the methods both sides computed, and when two scores count as the same. A capacity edit or a
// new center changes scores without changing any block's coverage, so compare() reports these
// changes as their own kind (BlockChangeKind::access).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "planner/coverage/access_params.h"

namespace planner {

/// One method's scores over the blocks both results have.
struct AccessChange {
  AccessMethod method = AccessMethod::two_step;
  std::uint32_t compared = 0;  ///< blocks with a score on both sides
  std::uint32_t higher = 0;    ///< better served after
  std::uint32_t lower = 0;     ///< worse served after
};

/// The methods both `a` and `b` hold, in the methods' declaration order (2sfca, e2sfca, g2sfca,
/// bfca), so a comparison's columns do not depend on the order a run listed them.
std::vector<AccessMethod> shared_access_methods(const std::vector<AccessMethod>& a,
                                                const std::vector<AccessMethod>& b);

/// `scores` (aligned with `held`) picked for `wanted`: nullopt where a method is not held.
std::vector<std::optional<double>> scores_for(const std::vector<AccessMethod>& held,
                                              const std::vector<std::optional<double>>& scores,
                                              const std::vector<AccessMethod>& wanted);

/// Equal within a relative 1e-9 (the same sums in another order differ in the last bits), or
/// both null.
bool same_score(const std::optional<double>& a, const std::optional<double>& b);

}  // namespace planner
