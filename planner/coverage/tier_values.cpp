#include "planner/coverage/tier_values.h"

#include <algorithm>

#include "planner/coverage/coverage.h"
#include "planner/coverage/evaluation.h"

namespace planner {
namespace {

/// The coverage rule from `sources` over `times` (seconds, or true metres), covered within
/// `reach` and searched to `limit` in the same unit; value = time / per_unit.
std::vector<BlockTierValue> nearest_source_values(BoundedSearch& search, const Network& network,
                                                  const WalkTimes& times,
                                                  const std::vector<BlockSite>& sites,
                                                  std::span<const SnappedSource> sources,
                                                  double reach, double limit, double per_unit) {
  add_sources(search.reset(), network.edges, sources, times);
  search.run(times.arc_s(), limit);
  const SourcesByEdge same_edge(sources, network.edges.edge_count());
  const std::vector<BlockCoverage> coverage =
      evaluate_coverage(search, *network.graph, network.edges, same_edge, sites,
                        components_with(network, sources), times, reach);
  std::vector<BlockTierValue> values(coverage.size());
  for (std::size_t b = 0; b < coverage.size(); ++b) {
    const BlockCoverage& c = coverage[b];
    values[b].value = c.time_s == inf_time ? inf_time : c.time_s / per_unit;
    values[b].center = c.center;
    // Unreachable blocks (no access point near the network) are never met.
    values[b].met = c.status == CoverStatus::covered;
  }
  return values;
}

}  // namespace

std::vector<SnappedSource> serving_sources(std::span<const SnappedSource> sources,
                                           const std::vector<std::uint8_t>& serving) {
  std::vector<SnappedSource> out;
  for (const SnappedSource& s : sources) {
    if (serving[s.label]) out.push_back(s);
  }
  return out;
}

std::vector<BlockTierValue> walk_tier_values(BoundedSearch& search, const Network& network,
                                             const WalkTimes& walk,
                                             const std::vector<BlockSite>& sites,
                                             std::span<const SnappedSource> sources,
                                             const StandardTier& tier,
                                             const EvaluationParams& params) {
  // As evaluate() with only these centers and the tier's minutes as the cover threshold:
  // cover and limit in seconds by the same multiplications.
  const double limit_min = std::max(params.effective_search_limit_minutes(), tier.threshold);
  return nearest_source_values(search, network, walk, sites, sources, tier.threshold * 60.0,
                               limit_min * 60.0, 60.0);
}

std::vector<BlockTierValue> network_tier_values(BoundedSearch& search, const Network& network,
                                                const WalkTimes& metres,
                                                const std::vector<BlockSite>& sites,
                                                std::span<const SnappedSource> sources,
                                                const StandardTier& tier,
                                                const EvaluationParams& params) {
  const double limit_m =
      std::max(tier.threshold, params.effective_search_limit_minutes() * 60.0 * params.speed_mps());
  return nearest_source_values(search, network, metres, sites, sources, tier.threshold, limit_m,
                               1.0);
}

}  // namespace planner
