// Capacitated siting (cmclp, cpmedian; issue #13): what is shared by the two models' solvers.
//
// A set of open sites (the always-open existing centers plus the new ones) is judged by how
// the demand is assigned to them under their capacities:
//   cmclp    the weight served within the threshold, demand split freely: a maximum flow,
//            so the value of a site set is exact;
//   cpmedian sum of weight x cost of the assignment, plus the floor cost (the unreached cost,
//            the search limit in network mode) for every unit of reachable weight left without
//            a site; single assignment (each demand served whole by one site, or not at all) or
//            split. The search judges a set by a greedy assignment (cheapest pairs first); the
//            final split assignment is the transportation optimum (CBC's LP).
// Both then share the search (greedy + swaps), the MIP (CBC, exact on request, its LP
// relaxation as the heuristic's bound) and the ranking.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/siting/model.h"
#include "planner/siting/problem.h"
#include "planner/siting/solvers/mip.h"

namespace planner::detail {

/// The model's rules for a pair and a demand.
struct CapacityRules {
  SitingModel model = SitingModel::cmclp;
  double threshold = 0.0;  ///< cmclp: a pair serves only within it
  bool split = true;       ///< cmclp always; cpmedian with --split-demand

  bool maximize() const { return model == SitingModel::cmclp; }
  /// cmclp: the demand is covered by an (uncapacitated) fixed facility already.
  bool served_by_fixed(const SitingProblem& p, std::uint32_t demand) const;
  /// The pair can serve: weight > 0, not served by a fixed facility, and within the threshold
  /// (cmclp) or cheaper than the demand's floor cost (cpmedian).
  bool usable(const SitingProblem& p, std::uint32_t demand, double cost) const;
};

CapacityRules capacity_rules(const SitingOptions& options);

/// An assignment and its value under the rules.
struct Assigned {
  std::vector<Assignment> pairs;  ///< by (candidate, demand), amounts > 0
  double objective = 0.0;
};

/// Sites open in the answer: the always-open candidates, then `sites`.
std::vector<std::uint32_t> open_sites(const SitingProblem& p, std::span<const std::uint32_t> sites);

/// cmclp: maximum flow from the demands to the open sites (exact served weight).
Assigned assign_max_flow(const SitingProblem& p, const CapacityRules& rules,
                         std::span<const std::uint32_t> open);
/// cpmedian: cheapest pairs first (ties: demand, then candidate), whole demands or split.
Assigned assign_greedy(const SitingProblem& p, const CapacityRules& rules,
                       std::span<const std::uint32_t> open);
/// The model's assignment used by the search (one of the two above).
Assigned assign_demand(const SitingProblem& p, const CapacityRules& rules,
                       std::span<const std::uint32_t> open);
/// The value of any assignment under the rules (the amounts are taken as they are).
double assignment_objective(const SitingProblem& p, const CapacityRules& rules,
                            std::span<const Assignment> pairs);

/// The capacitated MIP: y_j open (always-open fixed to 1), z_ij the share of demand i served by
/// j (usable pairs), u_i its unserved share (cpmedian), capacity rows sum_i w_i z_ij <= C_j y_j,
/// z_ij <= y_j, at most k new sites. Integer y (and z, u for single assignment) unless
/// `relaxed`. `only` (optional, per candidate): the sites fixed open, every other closed.
struct CapacityMip {
  MipProblem mip{false};
  std::vector<int> site_column;  ///< per candidate, -1 when it has none (nothing usable)
  std::vector<Assignment> pair;  ///< per z column in order: demand, candidate (amount unused)
  std::vector<int> pair_column;
  std::vector<int> unserved_column;  ///< cpmedian: per demand, u_i (-1: none)
};
CapacityMip build_capacity_mip(const SitingProblem& p, const CapacityRules& rules, std::uint32_t k,
                               bool relaxed, std::span<const char> only = {});
/// The assignment of a solved MIP (amounts = share x weight).
std::vector<Assignment> mip_assignment(const SitingProblem& p, const CapacityMip& model,
                                       std::span<const double> values);

/// Greedy (each next site the one that helps most) then best-improvement swaps until none
/// helps or the deadline passes. Returns the new sites.
std::vector<std::uint32_t> search_capacitated(const SitingProblem& p, const CapacityRules& rules,
                                              std::uint32_t k, double deadline_s);

/// cmclp and cpmedian end to end (solve_siting's capacitated branch): a heuristic with the LP
/// bound, or CBC with `exact`; sites ranked by marginal gain with the existing centers open.
SitingSolution solve_capacitated(const SitingProblem& p, const SitingOptions& options);

}  // namespace planner::detail
