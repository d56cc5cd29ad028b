// The headline figures of a scenario run, one row per base and variant: what summary.csv and
// summary.json hold (io/tables/scenario_summary.h), and what `batch` gathers over many files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "planner/scenario/comparison.h"
#include "planner/scenario/run.h"

namespace planner {

/// Headline figures of one tier.
struct TierRow {
  std::string tier;
  std::uint32_t centers = 0, blocks = 0, covered = 0;
  double covered_pop = 0.0;
  double covered_share = 0.0;
};

/// One tier of the variant's service standard, over all blocks: the population share meeting
/// it (the block share when no block has a population).
struct StandardShare {
  std::string std_tier;
  std::uint32_t met_blk = 0;
  double share = 0.0;
};

/// One row: one variant (or the base) of one scenario.
struct VariantRow {
  std::string scenario;  ///< the scenario file's stem
  std::string variant;   ///< "base" or the variant's name
  std::string error;     ///< non-empty: the scenario failed and no figures follow
  // Parameters.
  double speed_kmh = 0.0;
  std::vector<double> minutes;
  double cover_minutes = 0.0;
  double max_snap_m = 0.0;
  std::string edits;  ///< a short description of the edits, e.g. "close-centers 1; site mclp k=2"
  // Headline figures.
  std::uint32_t centers = 0, network_edges = 0;
  std::uint32_t blocks = 0, covered = 0, uncovered = 0, unreachable = 0;
  bool has_population = false;
  double pop = 0.0, covered_pop = 0.0;
  double covered_share = 0.0;  ///< covered_pop / pop, or covered / blocks without population
  // Against the base (0 for the base itself).
  std::uint32_t newly_covered = 0, newly_uncovered = 0, minutes_changed = 0;
  std::vector<TierRow> tiers;
  std::vector<StandardShare> standard;  ///< empty without a standard
};

/// The row of one evaluated variant; `against_base` (null for the base) fills the change counts.
VariantRow variant_row(const std::string& scenario, const VariantRun& run, const std::string& edits,
                       std::uint32_t network_edges, const Comparison* against_base);

}  // namespace planner
