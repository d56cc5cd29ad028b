// Accessibility scores (issue #13, docs/accessibility.md): how much center capacity each block
// can reach per resident, once the competition of everyone else who reaches the same centers is
// counted, by the two-step floating catchment family (2SFCA, E2SFCA, Gaussian 2SFCA, BFCA). Where
// coverage asks "is a center within t minutes?", this asks "how much service is there per person
// within t minutes?", and tells which centers carry more people than their capacity suggests.
//
// P_i is the block's population; a block without a population value demands nothing (P_i = 0),
// as it counts for nothing in the population totals. S_j is the center's capacity; a center
// without a capacity value counts as 0 (never invented; the caller warns about it). Unsnapped
// centers take no part. The walks are the coverage rule's (access_matrix.h).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "planner/cancel.h"
#include "planner/coverage/access_params.h"
#include "planner/inputs.h"
#include "planner/network/network.h"
#include "planner/search/walk_times.h"

namespace planner {

struct Evaluation;

/// How many centers and blocks most_loaded and worst_served list.
inline constexpr std::size_t access_list_length = 10;

struct AccessResult {
  std::vector<AccessMethod> methods;  ///< as asked; the first ranks and loads
  double t0_minutes = 0.0;            ///< the catchment used
  std::vector<AccessStep> steps;      ///< E2SFCA's steps used
  /// [method][block]: 1000 x A_i, capacity per 1,000 residents; 0 when the block reaches no
  /// center with a ratio; nullopt when the block has no access point near the network at all.
  std::vector<std::vector<std::optional<double>>> score;
  /// Per block, 1 = best served by the first method (ties: block id, bytewise, then input
  /// order); nullopt where the score is.
  std::vector<std::optional<std::uint32_t>> rank;
  // Per center (input order), by the first method; nullopt for an unsnapped center.
  std::vector<std::optional<double>> demand;  ///< D_j: weighted residents in its catchment
  /// 1000 x R_j: capacity per 1,000 weighted residents; nullopt also without demand (D_j = 0)
  std::vector<std::optional<double>> ratio;
  /// (D_j / S_j) / (sum D / sum S over snapped centers with capacity > 0): 1 is the average
  /// load, 2 twice the people per unit of capacity. nullopt without capacity (S_j = 0) or
  /// without demand (D_j = 0).
  std::vector<std::optional<double>> load;
  /// Up to 10 center indices by load, highest first (ties: center id bytewise, then input order).
  std::vector<std::uint32_t> most_loaded;
  /// Up to 10 block indices among blocks with population (P_i > 0) and a score, by the first
  /// method's score, lowest first (ties: block id bytewise, then input order).
  std::vector<std::uint32_t> worst_served;
  std::uint32_t centers_without_capacity = 0;  ///< snapped centers with no capacity value
  std::uint64_t pairs = 0;                     ///< (block, center) pairs within t0
};

/// The scores of every method asked, from the evaluation's snapped centers and block sites.
/// t0 = params.t0_minutes, or the evaluation's cover threshold when that is 0. Throws
/// InvalidValue for bad parameters (validate()) or a negative or non-finite capacity (naming the
/// center), Cancelled when asked to stop. Output independent of the thread count.
AccessResult measure_access(const Network& network, const WalkTimes& walk, const Inputs& inputs,
                            const Evaluation& evaluation, const AccessParams& params,
                            unsigned threads, const CancelToken& cancel);

}  // namespace planner
