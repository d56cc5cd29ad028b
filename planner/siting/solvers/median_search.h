// p-median search beyond one local optimum: variable neighbourhood search around the fast
// interchange (Hansen & Mladenovic 1997). From the best answer so far, k random swaps ("shaking",
// k = 1, 2, ... up to a cap, then 1 again), then the interchange down to a local optimum; a better
// answer replaces the best and restarts at k = 1. It stops when the answer meets the lower bound,
// after `patience` shakes in a row without a better answer, or when the interchange has visited
// `max_work` pairs in all (passes x pairs: a bounded amount of work whatever the instance, so a
// large network run gets fewer shakes, never a long wait). The swaps come from a fixed-seed
// std::mt19937 (its sequence is fixed by the standard, and reduced by %, not by a library's
// distribution), so the answer repeats on every platform and thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "planner/siting/problem.h"

namespace planner {

/// The same for every instance: on OR-Library pmed1-20 these reach within 0.06 % of the optimum
/// for every seed tried (docs/siting.md).
struct MedianSearchEffort {
  std::uint32_t patience = 100;          ///< shakes in a row without a better answer
  std::uint64_t max_work = 320'000'000;  ///< pairs visited by the interchange, in all
  std::uint32_t max_swaps = 20;  ///< largest shake (also at most the sites open, and closed)
  std::uint32_t seed = 0x5eed;
};

/// Improves `sites` (a k-set costing `cost`) and returns its new cost; stops early once the cost
/// is at or below `good_enough` (a proven lower bound: nothing better exists).
double vns_median(const SitingProblem& problem, std::vector<std::uint32_t>& sites, double cost,
                  double good_enough, const MedianSearchEffort& effort = {});

}  // namespace planner
