// Fast covering heuristics: lazy greedy (a candidate's gain only shrinks as others open, so a
// stale gain is an upper bound and most candidates are never re-scored) and local search by
// swaps. Ties always go to the smaller candidate index, so answers do not depend on timing.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/siting/solvers/cover.h"

namespace planner {

/// Maximal covering, greedy: at most k columns in pick order, stopping early when nothing more
/// can be covered. cum_weight (optional) receives the covered weight after each pick.
std::vector<std::uint32_t> greedy_max_cover(const CoverSets& sets, std::uint32_t k,
                                            std::vector<double>* cum_weight = nullptr);

/// Best-improvement 1-swaps (one site out, one in) until none adds weight. Returns the covered
/// weight of the result.
double swap_max_cover(const CoverSets& sets, std::vector<std::uint32_t>& sites);

/// Set covering: adds columns to `chosen` by least cost per newly covered row until every row
/// is covered (columns with column_cost < 0 are never added). Then drop_redundant().
void complete_cover(const CoverSets& sets, std::span<const double> column_cost,
                    std::vector<std::uint32_t>& chosen);

/// Removes columns whose rows are all covered by others, dearest first (ties: larger index).
void drop_redundant(const CoverSets& sets, std::span<const double> column_cost,
                    std::vector<std::uint32_t>& chosen);

/// True when the columns cover every row.
bool covers_all(const CoverSets& sets, std::span<const std::uint32_t> columns);

}  // namespace planner
