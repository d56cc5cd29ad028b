// Blocks measured against a service standard (standard.h): per block and tier, the value that
// decides it (minutes, network metres or the share of its area within a radius) and whether the
// tier is met; per block how many tiers it meets and whether it complies (all of them); then
// compliance by reporting unit (all blocks, community, grid, subdistrict) and the grids' service
// points. docs/standards.md states each rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "planner/coverage/communities.h"
#include "planner/coverage/standard.h"
#include "planner/ids.h"
#include "planner/network/block_sites.h"
#include "planner/network/network.h"
#include "planner/search/walk_times.h"

namespace planner {

struct Evaluation;
struct EvaluationParams;

/// One block against one tier.
struct BlockTierValue {
  /// walk_min: minutes; network_m: metres (both inf_time when no serving center is within the
  /// search); radius_m: the share of the block's area within the radius of a serving center.
  double value = inf_time;
  std::uint32_t center = invalid_id;  ///< nearest serving center, or (radius) the one covering most
  bool met = false;
};

/// One row of the compliance table: one scope (a reporting unit) and one tier.
struct ComplianceRow {
  std::string scope;     ///< "all" | "community" | "grid" | "subdistrict"
  std::string scope_id;  ///< the unit's id ("" for all)
  std::string std_tier;  ///< the standard's tier name
  TierDefinition definition = TierDefinition::walk_min;
  std::uint32_t blocks = 0, met_blk = 0;
  double pop = 0.0, met_pop = 0.0;
  /// met_area: radius tiers Σ area × share, the others the area of met blocks (unlike the
  /// summary's covered area, which weighs every block by its cov_share).
  double area_m2 = 0.0, met_area = 0.0;
  double sh_blk = 0.0, sh_pop = 0.0, sh_area = 0.0;  ///< met / total, 0 for an empty scope
};

/// A grid (网格) and the service points inside it.
struct GridOutcome {
  std::uint32_t blocks = 0;  ///< blocks assigned to it (field, else largest overlap)
  double pop = 0.0;
  std::uint32_t points = 0;  ///< centers inside it, any tier (on a shared edge: the first grid)
  bool has_point = false;
  /// Complying share (population, else blocks) of its blocks; negative when no standard.
  double comply_share = -1.0;
};

struct StandardOutcome {
  std::vector<std::vector<BlockTierValue>> values;  ///< [tier][block]
  std::vector<std::uint32_t> tiers_met;             ///< per block
  std::vector<std::uint8_t> comply;                 ///< per block: every tier met
  /// Scope "all" first (one row per tier), then community, grid and subdistrict rows, each
  /// unit's tiers in the standard's order, units in their assignment order.
  std::vector<ComplianceRow> compliance;
  std::vector<std::string> warnings;  ///< standard_mismatches(), to pass on
};

/// The headline share of a compliance row: of its population when the data has population, else
/// of its blocks (as covered_share is for coverage).
inline double met_share(const ComplianceRow& row, bool has_population) {
  return has_population ? row.sh_pop : row.sh_blk;
}

/// Measures every block against every tier of `standard`: walk tiers with the evaluation's
/// access rule (its sites, snapping and gates; `walk` at the run's speed), network-metre tiers
/// with the same rule over true metres, radius tiers by area within circles around the serving
/// centers' input positions. Compliance rows for every scope with units (ev's communities,
/// grids and subdistricts assignments).
StandardOutcome measure_standard(const Network& network, const WalkTimes& walk,
                                 const Inputs& inputs, const Evaluation& ev,
                                 const Standard& standard, const EvaluationParams& params);

/// The grids' blocks, population and service points; comply_share from `standard` when given
/// (nullptr: no standard).
/// Ids of the grids without a service point, in grid order (一网格一站点).
std::vector<std::string> grids_without_point(const CommunityAssignment& grids,
                                             const std::vector<GridOutcome>& outcomes);

std::vector<GridOutcome> grid_outcomes(const Inputs& inputs, const CommunityAssignment& grids,
                                       const StandardOutcome* standard, bool has_population);

}  // namespace planner
