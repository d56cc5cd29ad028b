// One evaluation: centers snapped, one multi-source search, the coverage rule applied to every
// block, totals by tier and community. A pure function of (network, inputs, parameters).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planner/cancel.h"
#include "planner/coverage/accessibility.h"
#include "planner/coverage/communities.h"
#include "planner/coverage/compliance.h"
#include "planner/coverage/coverage.h"
#include "planner/coverage/standard.h"
#include "planner/network/block_sites.h"
#include "planner/network/islands.h"
#include "planner/network/network.h"
#include "planner/parameters.h"
#include "planner/search/walk_times.h"

namespace planner {

struct EvaluationParams {
  double speed_kmh = default_speed_kmh;
  std::vector<double> minutes{default_minutes};  ///< thresholds (service-area bands)
  std::optional<double> cover_minutes;           ///< default: the largest of minutes
  double max_snap_m = default_max_snap_m;
  double sample_spacing_m = default_sample_spacing_m;
  /// How far the search looks, so uncovered blocks still get their real minutes. Blocks beyond
  /// it have no minutes (and are uncovered). Never below the cover threshold.
  double search_limit_minutes = default_search_limit_minutes;
  unsigned threads = 0;  ///< 0: all hardware threads
  CancelToken cancel;    ///< asked between blocks and between searches (throws Cancelled)
  /// A service standard to measure blocks against (docs/standards.md); its walk tiers raise
  /// the search limit as the cover threshold does.
  std::optional<Standard> standard;
  /// Accessibility scores to compute after the coverage (docs/accessibility.md); t0 = 0 there
  /// means this run's cover threshold.
  std::optional<AccessParams> access;
  /// Which components are small islands: centers and block access points snap to them only
  /// when no other street is within max_snap_m (planner/network/islands.h).
  IslandRule islands{};

  double speed_mps() const { return speed_kmh / kmh_per_mps; }
  double cover_threshold_minutes() const;
  /// The search limit actually used: never below the cover threshold.
  double effective_search_limit_minutes() const;
};

/// Throws InvalidValue naming the option when a parameter is out of range.
void validate(const EvaluationParams& params);

struct CenterOutcome {
  std::optional<EdgePosition> snap;  ///< nullopt: farther than max_snap_m from every edge
  std::uint32_t component_size = 0;  ///< vertices of the network component it sits on
  std::uint32_t served_blk = 0;      ///< covered blocks for which it is the nearest center
  double served_pop = 0.0;
};

/// Headline figures for one scope (all blocks, one tier's centers, one community).
struct Totals {
  std::uint32_t blocks = 0, covered = 0, uncovered = 0, unreachable = 0;
  std::uint32_t without_pop = 0;  ///< blocks with no population value (left out of pop sums)
  double pop = 0.0, covered_pop = 0.0, uncovered_pop = 0.0;
  double area_weighted_pop = 0.0;               ///< sum of pop x cov_share
  double area_m2 = 0.0, covered_area_m2 = 0.0;  ///< covered_area: sum of area x cov_share
};

/// The covered share of a scope: of its population when the data has population, else of its
/// blocks (0 for an empty scope). The summary layer's cov_share and the comparison's figure.
double covered_share(const Totals& totals, bool has_population);

struct TierTotals {
  std::string tier;
  std::uint32_t centers = 0;
  Totals totals;  ///< as if only this tier's centers were open
};

struct Evaluation {
  double cover_s = 0.0;
  bool has_population = false;  ///< some block has a population value
  std::vector<BlockSite> sites;
  std::vector<BlockCoverage> blocks;
  std::vector<CenterOutcome> centers;
  std::vector<SnappedSource> sources;  ///< the snapped centers (label = center index)
  CommunityAssignment communities;
  std::vector<Totals> community_totals;     ///< parallel to communities.ids
  CommunityAssignment grids;                ///< blocks to grids (网格); empty without grids
  CommunityAssignment subdistricts;         ///< blocks to subdistricts (街道/镇)
  std::vector<GridOutcome> grid_outcomes;   ///< parallel to grids.ids
  std::optional<StandardOutcome> standard;  ///< with params.standard
  std::optional<AccessResult> access;       ///< with params.access
  Totals totals;
  std::vector<TierTotals> tiers;      ///< sorted by tier name; empty when centers have no tiers
  std::vector<double> vertex_time_s;  ///< nearest-center seconds per vertex (inf: beyond limit)
  std::vector<std::uint32_t> vertex_center;
  std::uint32_t unsnapped_centers = 0;
  std::uint32_t unlinked_entrances = 0;  ///< entrances matching no block (ignored)
  std::uint32_t repaired_blocks = 0;
};

/// Validates the parameters, builds the walking times at params.speed_mps(), then evaluates.
Evaluation evaluate(const Network& network, const Inputs& inputs, const EvaluationParams& params);

/// The same with walking times already built for this network at params.speed_mps() (a caller
/// that evaluates, then draws service areas or sites, builds them once) and parameters already
/// validated. `sites`, when given, are block_sites_for(network, inputs, params) built before
/// (a scenario builds them once per network for every variant: snapping every block and its
/// sample points is most of an evaluation); null: built here.
Evaluation evaluate(const Network& network, const WalkTimes& walk, const Inputs& inputs,
                    const EvaluationParams& params, const std::vector<BlockSite>* sites = nullptr);

/// Every block snapped to the network: its access points (entrances or representative point)
/// and cov_share sample points, as evaluate() builds them.
std::vector<BlockSite> block_sites_for(const Network& network, const Inputs& inputs,
                                       const EvaluationParams& params);

/// Whether block sites built with `a` serve an evaluation with `b` (same network and blocks):
/// the snapping distance, sample spacing and island rule are equal.
bool same_block_sites(const EvaluationParams& a, const EvaluationParams& b);

}  // namespace planner
