#include "planner/coverage/standard.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "planner/errors.h"
#include "planner/parameters.h"

namespace planner {
namespace {

/// How warnings and errors name the standard: its file, else its name.
std::string label(const Standard& standard) {
  return "standard '" + (standard.source.empty() ? standard.name : standard.source) + "'";
}

void check_tier(const Standard& standard, const StandardTier& tier) {
  const std::string where = label(standard) + ": tier '" + tier.name + "': ";
  if (tier.name.empty()) throw InvalidValue(label(standard) + ": a tier has no name");
  if (tier.center_tiers.empty()) throw InvalidValue(where + "lists no center tier");
  if (!std::isfinite(tier.threshold) || !(tier.threshold > 0.0)) {
    throw InvalidValue(where + "its reach must be a finite number greater than 0");
  }
  if (tier.definition == TierDefinition::walk_min && !minutes_range.contains(tier.threshold)) {
    throw InvalidValue(where + describe(minutes_range));
  }
  if (tier.definition == TierDefinition::radius_m &&
      !(tier.min_share > 0.0 && tier.min_share <= 1.0)) {
    throw InvalidValue(where + "min-share must be greater than 0 and at most 1");
  }
}

}  // namespace

std::string_view to_string(TierDefinition definition) {
  switch (definition) {
    case TierDefinition::walk_min:
      return "walk_min";
    case TierDefinition::network_m:
      return "network_m";
    case TierDefinition::radius_m:
      return "radius_m";
  }
  return "walk_min";
}

std::string_view value_unit(TierDefinition definition) {
  switch (definition) {
    case TierDefinition::walk_min:
      return "min";
    case TierDefinition::network_m:
      return "m";
    case TierDefinition::radius_m:
      return "share";
  }
  return "min";
}

void validate(const Standard& standard) {
  if (standard.tiers.empty()) throw InvalidValue(label(standard) + " has no tier");
  std::set<std::string> names;
  for (const StandardTier& tier : standard.tiers) {
    check_tier(standard, tier);
    if (!names.insert(tier.name).second) {
      throw InvalidValue(label(standard) + ": tier name '" + tier.name + "' is used twice");
    }
  }
}

std::vector<std::uint8_t> serving_centers(const Standard& standard, std::size_t t,
                                          const std::vector<Center>& centers) {
  // The center tier values tier t takes: its own, and with higher_serves every later tier's.
  std::unordered_set<std::string> takes;
  const std::size_t last = standard.tiers[t].higher_serves ? standard.tiers.size() : t + 1;
  for (std::size_t u = t; u < last; ++u) {
    takes.insert(standard.tiers[u].center_tiers.begin(), standard.tiers[u].center_tiers.end());
  }
  std::vector<std::uint8_t> serves(centers.size(), 0);
  for (std::size_t c = 0; c < centers.size(); ++c) serves[c] = takes.count(centers[c].tier) ? 1 : 0;
  return serves;
}

std::vector<std::string> standard_mismatches(const Standard& standard,
                                             const std::vector<Center>& centers) {
  std::vector<std::string> out;
  std::unordered_set<std::string> carried, listed;
  for (const Center& c : centers) carried.insert(c.tier);
  for (const StandardTier& tier : standard.tiers) {
    for (const std::string& value : tier.center_tiers) {
      listed.insert(value);
      if (!carried.count(value)) {
        out.push_back(label(standard) + ": tier '" + tier.name + "' lists '" + value +
                      "' but no center has that tier");
      }
    }
  }
  for (const Center& c : centers) {
    if (listed.count(c.tier)) continue;
    const std::string who = "center '" + c.id + "'" + (c.name.empty() ? "" : " (" + c.name + ")");
    if (c.tier.empty()) {
      out.push_back(who + " has no tier value, so no tier of " + label(standard) + " takes it");
    } else {
      out.push_back(who + " has tier '" + c.tier + "' which no tier of " + label(standard) +
                    " lists");
    }
  }
  return out;
}

double walk_reach_minutes(const Standard& standard) {
  double reach = 0.0;
  for (const StandardTier& tier : standard.tiers) {
    if (tier.definition == TierDefinition::walk_min) reach = std::max(reach, tier.threshold);
  }
  return reach;
}

}  // namespace planner
