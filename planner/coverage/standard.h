// A service standard (docs/standards.md): tiers of centers, each with its own reach, listed from
// the most local tier to the highest. A block meets a tier when a center serving that tier is
// within the tier's reach; it complies when it meets every tier. Plain values: io/standards/
// reads them from TOML, planner/coverage/compliance measures blocks against them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "planner/inputs.h"

namespace planner {

/// How a tier's reach is measured; the word goes to the `definition` column so that a report
/// never mixes them silently.
enum class TierDefinition {
  walk_min,   ///< network walk time in minutes, the coverage rule's (gates, snapping, speed)
  network_m,  ///< network distance in true metres (speed and speed factors do not change it)
  radius_m,   ///< straight-line radius: a share of the block's area within it of some center
};

/// "walk_min" | "network_m" | "radius_m".
std::string_view to_string(TierDefinition definition);

/// "min" | "m" | "share": the unit of a block's value for the tier.
std::string_view value_unit(TierDefinition definition);

inline constexpr double default_min_share = 0.5;

struct StandardTier {
  std::string name;                       ///< label in every output (std_tier)
  std::vector<std::string> center_tiers;  ///< values of the centers' tier field it takes
  TierDefinition definition = TierDefinition::walk_min;
  double threshold = 0.0;                 ///< minutes (walk_min) or metres (network_m, radius_m)
  double min_share = default_min_share;   ///< radius_m: met when this share lies within reach
  bool higher_serves = true;              ///< a center of any later tier serves this one too
};

struct Standard {
  std::string name;
  std::string source;  ///< the file it came from, named in warnings; may be empty
  std::vector<StandardTier> tiers;
};

/// Throws InvalidValue when the standard cannot be measured: no tier, a tier without a name or
/// centers, duplicate tier names, a threshold not > 0 (or above 600 minutes), a min_share
/// outside (0, 1]. The reader checks the same with file and line; this guards other callers.
void validate(const Standard& standard);

/// Per center: whether it serves tier `t` (its tier value is listed by tier t, or, when t's
/// higher_serves holds, by a later tier).
std::vector<std::uint8_t> serving_centers(const Standard& standard, std::size_t t,
                                          const std::vector<Center>& centers);

/// What the standard and the centers' tiers do not match, one sentence each, for warnings: a
/// tier value no center carries (naming the value, the tier and the standard's file) and each
/// center whose tier no standard tier lists (naming the center and its tier).
std::vector<std::string> standard_mismatches(const Standard& standard,
                                             const std::vector<Center>& centers);

/// The walk-time reach the standard needs, in minutes (0 when no walk tier): a search must run
/// at least this far.
double walk_reach_minutes(const Standard& standard);

}  // namespace planner
