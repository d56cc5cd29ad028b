// Judging a set of sites: its objective under each model, what it covers at the threshold, and
// the order a planner would build them in (each next site the one that adds most, given the
// fixed facilities and the sites before it; ties to the smaller index).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/siting/model.h"
#include "planner/siting/problem.h"

namespace planner {

/// lscp: total site cost; mclp: covered weight (fixed included, needs the threshold);
/// pmedian: sum of weight x nearest cost; pcenter: the worst nearest cost over weighted demands.
double siting_objective(const SitingProblem& problem, SitingModel model,
                        std::optional<double> threshold, std::span<const std::uint32_t> sites);

struct CoveredTotals {
  double weight = 0.0;
  std::uint32_t count = 0;  ///< demands, whatever their weight
};

/// Demands within the threshold of a fixed facility or one of the sites.
CoveredTotals covered_totals(const SitingProblem& problem, double threshold,
                             std::span<const std::uint32_t> sites);

/// The sites in build order with their marginal gains in the model's unit (covered weight for
/// lscp and mclp, cost decrease for pmedian, decrease of the worst cost for pcenter, then of the
/// total). covered / covered_count are filled when a threshold is given.
std::vector<RankedSite> rank_sites(const SitingProblem& problem, SitingModel model,
                                   std::optional<double> threshold,
                                   std::span<const std::uint32_t> sites);

}  // namespace planner
