// measure_standard(): every tier of a standard measured for every block by its own definition
// (tier_values for walk minutes and network metres, radius_share for radius shares), then per
// block how many tiers it meets and whether it complies, and the compliance table.
#include "planner/coverage/compliance.h"

#include <optional>

#include "planner/coverage/compliance_rows.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/radius_share.h"
#include "planner/coverage/tier_values.h"

namespace planner {
namespace {

/// Per block: how many tiers it meets and whether it meets them all.
void count_tiers_met(StandardOutcome& out, std::size_t blocks) {
  out.tiers_met.assign(blocks, 0);
  for (const std::vector<BlockTierValue>& tier : out.values) {
    for (std::size_t b = 0; b < blocks; ++b) out.tiers_met[b] += tier[b].met ? 1 : 0;
  }
  out.comply.assign(blocks, 0);
  for (std::size_t b = 0; b < blocks; ++b) {
    out.comply[b] = out.tiers_met[b] == out.values.size() ? 1 : 0;
  }
}

}  // namespace

StandardOutcome measure_standard(const Network& network, const WalkTimes& walk,
                                 const Inputs& inputs, const Evaluation& ev,
                                 const Standard& standard, const EvaluationParams& params) {
  StandardOutcome out;
  BoundedSearch search(*network.graph);
  std::optional<WalkTimes> metres;  // built once, when a tier needs network metres
  for (std::size_t t = 0; t < standard.tiers.size(); ++t) {
    params.cancel.check();
    const StandardTier& tier = standard.tiers[t];
    const std::vector<std::uint8_t> serving = serving_centers(standard, t, inputs.centers);
    switch (tier.definition) {
      case TierDefinition::walk_min:
        out.values.push_back(walk_tier_values(search, network, walk, ev.sites,
                                              serving_sources(ev.sources, serving), tier, params));
        break;
      case TierDefinition::network_m:
        if (!metres) metres = WalkTimes::true_metres(network);
        out.values.push_back(network_tier_values(search, network, *metres, ev.sites,
                                                 serving_sources(ev.sources, serving), tier,
                                                 params));
        break;
      case TierDefinition::radius_m:
        out.values.push_back(
            radius_shares(inputs.blocks, inputs.centers, serving, tier, params.threads));
        break;
    }
  }
  count_tiers_met(out, inputs.blocks.size());
  out.compliance = compliance_rows(inputs.blocks, ev.sites, standard, out.values, ev.communities,
                                   ev.grids, ev.subdistricts);
  out.warnings = standard_mismatches(standard, inputs.centers);
  return out;
}

}  // namespace planner
