// Building the sparse candidate x block cost structure on the walking network with bounded
// searches, in parallel (one BoundedSearch per thread).
//
// Times follow the coverage rule exactly (DESIGN.md §7, access_time.h): a candidate is snapped
// like a center, and a block's time is the least over its access points, access legs included.
// Searches run from whichever side needs fewer: one per candidate (the same arithmetic as
// evaluate with that candidate open, so results match it to the last bit), or one per block
// that needs data (its access points as sources; valid because every street is walkable both
// ways at the same speed, which is checked). Demand-side times can differ from evaluate's in
// the last bit, so pairs within a hair of the cover threshold are recomputed from the
// candidate side.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/cancel.h"
#include "planner/network/block_sites.h"
#include "planner/network/network.h"
#include "planner/search/walk_times.h"
#include "planner/siting/problem.h"

namespace planner {

struct CoverageBuildOptions {
  double limit_s = 900.0;  ///< pairs farther than this are left out (unreachable)
  double cover_s = 900.0;  ///< the threshold whose knife-edge pairs are recomputed
  unsigned threads = 0;    ///< 0: all hardware threads
  enum class Side { automatic, candidates, demand } side = Side::automatic;
  CancelToken cancel;  ///< asked before each search (throws Cancelled)
};

struct CoverageBuild {
  std::vector<SitingEntry> entries;  ///< (block, candidate, seconds), cost <= limit_s
  std::size_t searches = 0;
  bool from_demand_side = false;
};

/// Costs from each snapped candidate (nullopt: left out) to each block with needed[b] set.
CoverageBuild build_coverage(const Network& network, const WalkTimes& walk,
                             const std::vector<BlockSite>& sites,
                             std::span<const std::optional<EdgePosition>> candidates,
                             std::span<const char> needed, const CoverageBuildOptions& options);

/// True when every edge is walkable both ways at the same time (so a search from the blocks
/// measures the same walks as one from the candidates).
bool walks_are_symmetric(const StreetGraph& graph, std::span<const double> arc_time_s);

}  // namespace planner
