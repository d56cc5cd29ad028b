// The compliance table (compliance.h, docs/standards.md): blocks measured against a standard,
// summed by reporting unit. One row per scope and tier: "all" first, then each community, grid
// and subdistrict unit (a scope without units has no rows), each unit's tiers in the
// standard's order.
#pragma once

#include <vector>

#include "planner/coverage/communities.h"
#include "planner/coverage/compliance.h"
#include "planner/coverage/standard.h"
#include "planner/inputs.h"
#include "planner/network/block_sites.h"

namespace planner {

/// `values` is [tier][block]; `sites` gives each block's area. Blocks without a population
/// count 0 in the pop sums; a share with an empty denominator is 0. met_area is Σ area × share
/// for radius tiers and the area of met blocks for the others.
std::vector<ComplianceRow> compliance_rows(
    const std::vector<Block>& blocks, const std::vector<BlockSite>& sites, const Standard& standard,
    const std::vector<std::vector<BlockTierValue>>& values, const CommunityAssignment& communities,
    const CommunityAssignment& grids, const CommunityAssignment& subdistricts);

}  // namespace planner
