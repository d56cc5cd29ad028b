// A standard's walk-time and network-metre tiers (standard.h): per block, the nearest center
// that serves the tier by the coverage rule (coverage.h: the same access points, snapping and
// gates), searched from only those centers. Walk tiers use the run's walking times, so their
// minutes are what evaluate() gives with only those centers open; network-metre tiers use
// WalkTimes::true_metres(), so no speed or speed factor changes them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/coverage/compliance.h"
#include "planner/coverage/standard.h"
#include "planner/network/block_sites.h"
#include "planner/network/network.h"
#include "planner/search/access_time.h"
#include "planner/search/bounded_search.h"
#include "planner/search/walk_times.h"

namespace planner {

struct EvaluationParams;

/// The snapped centers (label = center index) whose center serves the tier (serving[label]).
std::vector<SnappedSource> serving_sources(std::span<const SnappedSource> sources,
                                           const std::vector<std::uint8_t>& serving);

/// A walk_min tier: value = minutes to the nearest serving center (inf_time beyond the search),
/// met = covered with the tier's minutes as the cover threshold. The search runs to the larger
/// of the run's effective search limit and the tier's minutes.
std::vector<BlockTierValue> walk_tier_values(BoundedSearch& search, const Network& network,
                                             const WalkTimes& walk,
                                             const std::vector<BlockSite>& sites,
                                             std::span<const SnappedSource> sources,
                                             const StandardTier& tier,
                                             const EvaluationParams& params);

/// A network_m tier: the same over `metres` (WalkTimes::true_metres()), value in metres. The
/// search runs to the larger of the tier's metres and the distance the run's search limit
/// walks at the run's speed.
std::vector<BlockTierValue> network_tier_values(BoundedSearch& search, const Network& network,
                                                const WalkTimes& metres,
                                                const std::vector<BlockSite>& sites,
                                                std::span<const SnappedSource> sources,
                                                const StandardTier& tier,
                                                const EvaluationParams& params);

}  // namespace planner
