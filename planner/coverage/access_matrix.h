// The walking minutes between blocks and centers within the accessibility catchment t0: the
// t_ij of the floating-catchment formulas (access_scores.h). One bounded search per snapped
// center, then, for every block whose access points sit on a street the search reached, the
// least time over its access points to that center by the coverage rule (coverage.h: the same
// access points, snapping, access legs and walks along one edge). Pairs beyond t0 are left out.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/cancel.h"
#include "planner/network/block_sites.h"
#include "planner/network/network.h"
#include "planner/search/access_time.h"
#include "planner/search/walk_times.h"

namespace planner {

/// A block within t0 of one center.
struct AccessPair {
  std::uint32_t block = invalid_id;
  double time_s = inf_time;
};

/// Sparse, one row per snapped center (in the order of the sources given), the row's pairs in
/// ascending block order.
struct AccessMatrix {
  std::vector<std::uint32_t> center;  ///< per row: the source's label (the center index)
  std::vector<std::uint32_t> first;   ///< row r's pairs are pairs[first[r], first[r + 1])
  std::vector<AccessPair> pairs;

  std::size_t rows() const { return center.size(); }
  std::span<const AccessPair> row(std::size_t r) const {
    return std::span<const AccessPair>(pairs).subspan(first[r], first[r + 1] - first[r]);
  }
};

/// Every (center, block) pair with a walk of at most t0_s seconds (inclusive, as the cover
/// threshold is), searched from each source alone, in parallel over sources; the result does not
/// depend on the thread count. Blocks with no snapped access point appear in no pair.
AccessMatrix access_matrix(const Network& network, const WalkTimes& walk,
                           const std::vector<BlockSite>& sites,
                           std::span<const SnappedSource> sources, double t0_s, unsigned threads,
                           const CancelToken& cancel);

}  // namespace planner
