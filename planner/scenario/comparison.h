// Before/after comparison of two evaluation results (scenario variants, or two result files):
// which blocks became covered or uncovered, whose minutes changed, which centers opened or
// closed, and the headline figures on both sides. A ResultSnapshot is what one result says, as
// plain values, whether it comes from an Evaluation in memory or from a result GeoPackage read
// back by io/tables/result_reader.h; compare() is a pure function of two snapshots.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planner/areas/service_areas.h"
#include "planner/coverage/coverage.h"
#include "planner/coverage/evaluation.h"
#include "planner/geometry.h"
#include "planner/inputs.h"
#include "planner/scenario/access_change.h"

namespace planner {

/// One block as a result states it.
struct BlockResult {
  std::string id;
  std::string name;
  std::string community;          ///< community id, empty when in none
  std::optional<double> pop;      ///< never invented
  std::optional<double> minutes;  ///< nullopt: no center within the search limit, or unreachable
  CoverStatus status = CoverStatus::unreachable;
  std::string center_id;    ///< nearest center, empty when none
  std::string center_tier;  ///< that center's tier, empty when none or untiered
  MultiPolygon shape;       ///< run CRS metres (for the changes layer and the report maps)
  /// Accessibility scores (1000 x A_i), aligned with ResultSnapshot::access_methods.
  std::vector<std::optional<double>> access{};
  /// Tiers of the service standard the block meets; nullopt without a standard (or when read
  /// back from a result file, which the report does not map).
  std::optional<std::uint32_t> tiers_met{};
};

/// One center as a result states it.
struct CenterResult {
  std::string id;
  std::string name;
  std::string tier;
  bool attached = false;                   ///< snapped to the network
  std::optional<std::uint32_t> reach_blk;  ///< nullopt: reach not computed
  std::optional<double> reach_pop;         ///< nullopt: not computed or no population known
  std::uint32_t served_blk = 0;
  std::optional<double> served_pop;  ///< nullopt: no population known
  XY pos;                            ///< run CRS metres
};

/// Headline figures of one scope, as the summary layer states them.
struct ScopeFigures {
  std::string scope;  ///< "all", "tier:<name>" or "community:<id>"
  std::uint32_t blocks = 0;
  std::uint32_t covered = 0;
  std::optional<double> pop;          ///< nullopt: no population known
  std::optional<double> covered_pop;  ///< nullopt: no population known
  /// covered_pop / pop, or covered / blocks without population (as summary.cov_share).
  double covered_share = 0.0;
};

struct ResultSnapshot {
  bool has_population = false;
  double cover_minutes = 0.0;         ///< 0 when unknown (a result file does not store it)
  std::vector<BlockResult> blocks;    ///< in result order
  std::vector<CenterResult> centers;  ///< in result order
  /// "all" first, then "tier:<name>" rows sorted by tier, then "community:<id>" rows.
  std::vector<ScopeFigures> scopes;
  /// The service standard's compliance rows (compliance.h), empty without a standard.
  std::vector<ComplianceRow> compliance;
  std::uint32_t grids = 0;                       ///< grids (网格) reported on; 0: none given
  std::vector<std::string> grids_without_point;  ///< their ids, in grid order
  /// The accessibility methods the blocks carry scores of (none without --access).
  std::vector<AccessMethod> access_methods{};
  std::uint32_t standard_tiers = 0;  ///< tiers of the service standard; 0: none
};

/// The snapshot of an evaluation in memory. `reach` (per center, from build_service_areas) fills
/// reach_blk / reach_pop; without it they stay nullopt.
ResultSnapshot snapshot_of(const Inputs& inputs, const Evaluation& evaluation,
                           const std::vector<CenterReach>* reach = nullptr);

/// How a block's result changed, most important first.
enum class BlockChangeKind {
  newly_covered,    ///< not covered before, covered after
  newly_uncovered,  ///< covered before, not covered after
  status,           ///< not covered on both sides, but uncovered <-> unreachable
  minutes,          ///< same status, minutes differ (or known on one side only)
  center,           ///< same status and minutes, another nearest center
  access,           ///< same coverage and nearest center, an accessibility score changed
  removed,          ///< only in `before`
  added,            ///< only in `after`
  unchanged,
};

/// "newly_covered" | "newly_uncovered" | "status" | "minutes" | "center" | "access" | "removed" |
/// "added" | "unchanged": the words written to the `change` field.
std::string_view to_string(BlockChangeKind kind);

struct BlockChange {
  std::string id;
  std::string name;           ///< after's, else before's
  std::string community;      ///< after's, else before's
  std::optional<double> pop;  ///< after's, else before's
  std::optional<double> minutes_before, minutes_after;
  std::optional<double> minutes_change;                    ///< after - before, when both are known
  std::optional<CoverStatus> status_before, status_after;  ///< nullopt: not on that side
  std::string center_before, center_after;
  BlockChangeKind kind = BlockChangeKind::unchanged;
  std::uint32_t before_index = invalid_id;  ///< into before.blocks, invalid_id when absent
  std::uint32_t after_index = invalid_id;   ///< into after.blocks, invalid_id when absent
  /// Scores of Comparison::access_methods on each side (nullopt: none on that side).
  std::vector<std::optional<double>> access_before{}, access_after{};
};

enum class CenterChangeKind { kept, opened, closed };
std::string_view to_string(CenterChangeKind kind);  ///< "kept" | "opened" | "closed"

struct CenterChange {
  std::string id;
  std::string name;  ///< after's, else before's
  std::string tier;  ///< after's, else before's
  CenterChangeKind kind = CenterChangeKind::kept;
  std::optional<std::uint32_t> reach_blk_before, reach_blk_after;
  std::optional<double> reach_pop_before, reach_pop_after;
  std::optional<std::uint32_t> served_blk_before, served_blk_after;
  std::optional<double> served_pop_before, served_pop_after;
  std::uint32_t before_index = invalid_id;
  std::uint32_t after_index = invalid_id;
};

/// One scope on both sides; a scope present on one side only has nullopt on the other.
struct ScopeChange {
  std::string scope;
  std::optional<ScopeFigures> before, after;
};

/// One tier of the service standard over all blocks, on both sides (matched by tier name); a
/// tier on one side only has nullopt on the other.
struct StandardTierChange {
  std::string std_tier;
  std::optional<ComplianceRow> before, after;
};

struct ComparisonCounts {
  std::uint32_t newly_covered = 0, newly_uncovered = 0, status = 0, minutes = 0, center = 0,
                removed = 0, added = 0, unchanged = 0;
  std::uint32_t access = 0;  ///< blocks whose only change is an accessibility score
  std::uint32_t minutes_lower = 0, minutes_higher = 0;  ///< among blocks known on both sides
  std::uint32_t centers_opened = 0, centers_closed = 0, centers_reach_changed = 0;
};

struct Comparison {
  bool has_population = false;  ///< either side has population
  /// Every block of either side, sorted by id (bytewise); blocks sharing an id are paired in
  /// order of appearance.
  std::vector<BlockChange> blocks;
  std::vector<CenterChange> centers;  ///< every center of either side, sorted likewise
  /// "all", then tiers sorted, then communities sorted by id; union of both sides.
  std::vector<ScopeChange> scopes;
  /// The standard's tiers over all blocks: before's order, then tiers only after has.
  std::vector<StandardTierChange> standard;
  ComparisonCounts counts;
  /// Accessibility methods both sides computed (shared_access_methods), and per method how many
  /// blocks are better or worse served after.
  std::vector<AccessMethod> access_methods{};
  std::vector<AccessChange> access{};
};

/// Minutes closer than this are equal: the same route summed in another order may differ in the
/// last bits, and a planner cares about seconds, not microseconds.
inline constexpr double minutes_tolerance = 1e-6;

/// The standard's tiers over all blocks (the "all" rows) on both sides: before's order, then the
/// tiers only after has.
std::vector<StandardTierChange> standard_changes(const std::vector<ComplianceRow>& before,
                                                 const std::vector<ComplianceRow>& after);

/// Compares two results block by block (matched by id), center by center, scope by scope.
Comparison compare(const ResultSnapshot& before, const ResultSnapshot& after);

/// Blocks found on both sides (matched by id).
std::uint32_t blocks_in_common(const Comparison& comparison);

/// Fewer than half the blocks of the larger side found on the other: the two results almost
/// certainly name their blocks by different ids (another id field, or FIDs), so "changed, only
/// before, only after" describe the ids, not the city.
bool few_blocks_in_common(const Comparison& comparison);

/// True for every kind but unchanged: the rows of the changes layer, CSV and report table.
inline bool is_change(const BlockChange& change) {
  return change.kind != BlockChangeKind::unchanged;
}

}  // namespace planner
