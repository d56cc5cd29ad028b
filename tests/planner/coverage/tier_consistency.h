// The consistency rule of a standard's walk tiers, shared by the drawn-network tests and the
// real-extract ones (tests/io/osm/): for each walk tier, the per-block minutes and centers equal
// evaluate() run with only the centers that serve that tier, and the tier is met exactly where
// that evaluation covers the block with the tier's minutes as the cover threshold.
#pragma once

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"

namespace testing_support {

/// Returns how many (tier, block) pairs were compared. `params.standard` must be set.
inline std::size_t expect_walk_tiers_match_evaluate(const planner::Network& network,
                                                    const planner::Inputs& inputs,
                                                    const planner::EvaluationParams& params) {
  const planner::Standard& standard = *params.standard;
  const planner::Evaluation ev = planner::evaluate(network, inputs, params);
  EXPECT_TRUE(ev.standard.has_value());
  if (!ev.standard) return 0;
  std::size_t compared = 0;
  for (std::size_t t = 0; t < standard.tiers.size(); ++t) {
    const planner::StandardTier& tier = standard.tiers[t];
    if (tier.definition != planner::TierDefinition::walk_min) continue;
    // Only the serving centers, in input order; `original` maps their index back.
    planner::Inputs only = inputs;
    only.centers.clear();
    std::vector<std::uint32_t> original;
    const auto serving = planner::serving_centers(standard, t, inputs.centers);
    for (std::uint32_t c = 0; c < inputs.centers.size(); ++c) {
      if (!serving[c]) continue;
      only.centers.push_back(inputs.centers[c]);
      original.push_back(c);
    }
    planner::EvaluationParams plain = params;
    plain.standard.reset();
    plain.cover_minutes = tier.threshold;
    plain.search_limit_minutes = params.effective_search_limit_minutes();  // the same reach
    const planner::Evaluation alone = planner::evaluate(network, only, plain);
    for (std::size_t b = 0; b < inputs.blocks.size(); ++b) {
      const planner::BlockCoverage& want = alone.blocks[b];
      const planner::BlockTierValue& got = ev.standard->values[t][b];
      const double minutes =
          want.time_s == planner::inf_time ? planner::inf_time : want.time_s / 60.0;
      EXPECT_EQ(got.value, minutes) << "tier " << tier.name << " block " << b;
      EXPECT_EQ(got.center,
                want.center == planner::invalid_id ? planner::invalid_id : original[want.center])
          << "tier " << tier.name << " block " << b;
      EXPECT_EQ(got.met, want.status == planner::CoverStatus::covered)
          << "tier " << tier.name << " block " << b;
      ++compared;
    }
  }
  return compared;
}

}  // namespace testing_support
