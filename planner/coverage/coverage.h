// The coverage rule (DESIGN.md §7), one rule for evaluate, service areas, siting and scenarios:
// a block's minutes are the least walk from any of its access points to the nearest open center;
// it is covered when that is within the cover threshold, unreachable when no access point meets
// the network, uncovered otherwise. cov_share is the covered share of its sample grid.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "planner/network/block_sites.h"
#include "planner/network/network.h"
#include "planner/search/access_time.h"
#include "planner/search/bounded_search.h"
#include "planner/search/walk_times.h"

namespace planner {

enum class CoverStatus { covered, uncovered, unreachable };

/// "covered" | "uncovered" | "unreachable": the words written to the status field.
std::string_view to_string(CoverStatus status);

/// Why a block is not covered, so a planner knows what to fix.
enum class NotCoveredReason {
  none,                  ///< covered
  too_far,               ///< the nearest center is farther than the cover threshold
  beyond_search_limit,   ///< no center within the search limit (minutes unknown)
  no_center_on_network,  ///< its network piece has no center: a gap in the road data or a real
                         ///< island
  not_near_network,      ///< no access point within the snapping distance (unreachable)
};

/// "" | "too_far" | "beyond_search_limit" | "no_center_on_network" | "not_near_network".
std::string_view to_string(NotCoveredReason reason);

struct BlockCoverage {
  double time_s = inf_time;           ///< inf_time: no center within the search limit
  std::uint32_t center = invalid_id;  ///< label of the nearest center
  CoverStatus status = CoverStatus::unreachable;
  NotCoveredReason reason = NotCoveredReason::not_near_network;
  double cov_share = 0.0;
};

/// Per network component: whether one of `sources` sits on it (the component_has_source of
/// evaluate_coverage()).
std::vector<bool> components_with(const Network& network, std::span<const SnappedSource> sources);

/// Applies the rule to every block against a search that has run with the centers as sources.
/// component_has_source[c] tells whether network component c holds a source; it separates
/// "no center on this network piece" from "beyond the search limit".
std::vector<BlockCoverage> evaluate_coverage(const BoundedSearch& search, const StreetGraph& graph,
                                             const EdgeSet& edges, const SourcesByEdge& same_edge,
                                             const std::vector<BlockSite>& sites,
                                             const std::vector<bool>& component_has_source,
                                             const WalkTimes& walk, double cover_s);

}  // namespace planner
