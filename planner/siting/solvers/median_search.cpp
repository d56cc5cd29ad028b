#include "planner/siting/solvers/median_search.h"

#include <algorithm>
#include <random>

#include "planner/siting/solvers/median.h"

namespace planner {

double vns_median(const SitingProblem& p, std::vector<std::uint32_t>& sites, double cost,
                  double good_enough, const MedianSearchEffort& effort) {
  const std::size_t m = p.candidate_count();
  const std::size_t open_count = sites.size();
  if (open_count == 0 || open_count >= m || p.entry_count() == 0) return cost;
  const std::uint64_t max_passes = effort.max_work / p.entry_count();
  const std::uint32_t largest = static_cast<std::uint32_t>(
      std::min<std::size_t>({effort.max_swaps, open_count, m - open_count}));
  if (largest == 0) return cost;
  std::mt19937 rng(effort.seed);
  std::vector<char> taken(m, 0);
  std::vector<std::uint32_t> trial;
  std::uint64_t passes = 0;
  std::uint32_t k = 1, idle = 0;
  while (cost > good_enough && idle < effort.patience && passes < max_passes) {
    // k distinct open sites leave (moved to the front), k distinct closed candidates come in.
    trial = sites;
    std::fill(taken.begin(), taken.end(), 0);
    for (std::uint32_t s : trial) taken[s] = 1;
    for (std::uint32_t a = 0; a < k; ++a) {
      std::swap(trial[a], trial[a + rng() % (open_count - a)]);
      std::uint32_t in = static_cast<std::uint32_t>(rng() % m);
      while (taken[in]) in = static_cast<std::uint32_t>(rng() % m);
      taken[in] = 1;
      trial[a] = in;
    }
    const double c = swap_median(p, trial, {}, {}, &passes);
    if (c < cost - 1e-12 * std::max(1.0, cost)) {
      cost = c;
      sites = trial;
      k = 1;
      idle = 0;
    } else {
      k = k % largest + 1;
      ++idle;
    }
  }
  return cost;
}

}  // namespace planner
