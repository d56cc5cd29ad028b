#include "planner/siting/fewer_sites.h"

#include <cmath>

namespace planner {

FewerSites fewer_sites(const SitingSolution& s, std::uint32_t k, std::size_t candidates,
                       double total_weight) {
  if (s.model == SitingModel::lscp || s.sites.size() >= k) return FewerSites::none;
  if (s.sites.size() >= candidates) return FewerSites::few_candidates;
  const bool coverage_model = s.model == SitingModel::mclp || s.model == SitingModel::cmclp;
  // Weight no site can cover (uncoverable) plus the covered weight is all there is: what is
  // left uncovered is beyond every candidate's reach, so no further site can help.
  if (coverage_model && s.has_coverage &&
      s.covered_weight + s.uncoverable_weight >= total_weight - 1e-9 * std::abs(total_weight)) {
    return FewerSites::all_covered;
  }
  return FewerSites::no_gain;
}

}  // namespace planner
