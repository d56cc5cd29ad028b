// p-median heuristics: lazy greedy, then vertex substitution (Teitz-Bart) done the fast way
// (Whitaker's interchange with each demand's nearest and second-nearest open site, so one pass
// over all swaps costs one pass over the pairs plus candidates x open sites).
//
// A demand never costs more than its floor (the nearest fixed facility, or the unreached cost),
// so pairs at or above the floor are skipped everywhere: they can never serve.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/siting/problem.h"

namespace planner {

/// Sum over demands of weight x the cost to the nearest open site (or the floor).
double median_cost(const SitingProblem& problem, std::span<const std::uint32_t> sites);

/// Lazy greedy: up to k sites, each the largest cost decrease (ties: smaller index), stopping
/// when no candidate lowers the cost. `blocked` (optional, per candidate) are never opened.
std::vector<std::uint32_t> greedy_median(const SitingProblem& problem, std::uint32_t k,
                                         std::span<const char> blocked = {});

/// The same greedy continued from `sites` (kept, in order) up to k sites.
void extend_median(const SitingProblem& problem, std::vector<std::uint32_t>& sites, std::uint32_t k,
                   std::span<const char> blocked = {});

/// Best-improvement swaps until none lowers the cost; returns the cost. `blocked` candidates are
/// never swapped in, `pinned` ones never swapped out. `passes` (optional) counts the passes over
/// the pairs (one per swap made, plus the last one that found none): the work done.
double swap_median(const SitingProblem& problem, std::vector<std::uint32_t>& sites,
                   std::span<const char> blocked = {}, std::span<const char> pinned = {},
                   std::uint64_t* passes = nullptr);

}  // namespace planner
