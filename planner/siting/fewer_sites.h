// Why a siting answer has fewer new sites than the k asked for. A site that would add nothing
// is not proposed (solve.h), so `--k 3` may return 2 sites; the run says why instead of leaving
// the planner to guess whether the third was lost.
#pragma once

#include <cstddef>
#include <cstdint>

#include "planner/siting/model.h"

namespace planner {

enum class FewerSites {
  none,            ///< k sites, or lscp (which chooses how many it needs)
  few_candidates,  ///< every candidate is proposed, and there are fewer than k
  all_covered,     ///< mclp, cmclp: all weight any site can cover within the threshold is covered
  no_gain,         ///< the remaining candidates would not improve the objective
};

/// Why `solution` holds fewer than `k` new sites, chosen from `candidates` new candidate sites
/// (existing centers kept open are not among them). `total_weight` is the problem's.
FewerSites fewer_sites(const SitingSolution& solution, std::uint32_t k, std::size_t candidates,
                       double total_weight);

}  // namespace planner
