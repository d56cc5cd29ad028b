// The sparse candidate x demand structure every siting model reads (DESIGN.md §8).
//
// A demand point (a block, a census tract, an OR-Library vertex) has a weight (population, or 1
// when blocks carry none) and may already be served by fixed facilities (the existing centers,
// kept open). A candidate site has an opening cost (1 unless the data gives one). Only the pairs
// a bounded search reached are stored: a missing pair is unreachable. Both directions are kept,
// by candidate (for gains and swaps) and by demand sorted by cost (for nearest-site updates).
// Built once, read-only, shared by every solver.
//
// Capacitated models (cmclp, cpmedian) also need each candidate's capacity, in the unit of the
// weights (set_capacities). Existing centers then cannot stand in as fixed_cost, a nearest
// facility of unlimited size: each serves at most its capacity, and which demands it serves is
// part of the answer. So they enter as candidates marked always open, with their own pairs, like
// new ones but outside k and never ranked; fixed_cost stays empty (the uncapacitated models never
// see such a problem).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/ids.h"

namespace planner {

/// One reachable pair: demand `demand` is `cost` away from candidate `candidate`.
struct SitingEntry {
  std::uint32_t demand = 0;
  std::uint32_t candidate = 0;
  double cost = 0.0;
};

class SitingProblem {
 public:
  SitingProblem() = default;

  /// demand_weight and site_cost give the counts. A pair given twice keeps its smaller cost.
  /// fixed_cost (empty: none) is each demand's cost to the nearest fixed facility, inf_time when
  /// none reaches it. unreached_cost is what p-median and p-center charge a demand that no open
  /// site or fixed facility reaches; nullopt: the largest finite cost of the data (a matrix
  /// truncated at some limit knows no more than that). Throws InternalError on an index out of
  /// range, a negative or non-finite cost or weight (the data is built by circleplan).
  SitingProblem(std::vector<double> demand_weight, std::vector<double> site_cost,
                std::vector<SitingEntry> entries, std::vector<double> fixed_cost = {},
                std::optional<double> unreached_cost = std::nullopt);

  std::size_t demand_count() const { return m_weight.size(); }
  std::size_t candidate_count() const { return m_site_cost.size(); }
  std::size_t entry_count() const { return m_by_candidate_demand.size(); }

  double weight(std::uint32_t demand) const { return m_weight[demand]; }
  double site_cost(std::uint32_t candidate) const { return m_site_cost[candidate]; }
  /// Cost to the nearest fixed facility; inf_time when none reaches the demand.
  double fixed_cost(std::uint32_t demand) const { return m_fixed[demand]; }
  double unreached_cost() const { return m_unreached; }
  /// min(fixed_cost, unreached_cost): what a demand costs at worst, whatever is opened. 0 for a
  /// demand nothing reaches (no pair, no fixed facility): no choice can change its cost, so
  /// p-median and p-center leave it out rather than let it dominate (it is reported instead).
  double floor_cost(std::uint32_t demand) const { return m_floor[demand]; }
  /// No candidate and no fixed facility reaches the demand.
  bool unreachable(std::uint32_t demand) const {
    return m_floor[demand] == 0.0 && m_fixed[demand] == inf_time && candidates_of(demand).empty();
  }
  double total_weight() const { return m_total_weight; }

  /// Demands reached from a candidate (ascending demand index) and their costs.
  std::span<const std::uint32_t> demands_of(std::uint32_t candidate) const;
  std::span<const double> costs_of(std::uint32_t candidate) const;
  /// Candidates reaching a demand, ascending by (cost, candidate index), and their costs.
  std::span<const std::uint32_t> candidates_of(std::uint32_t demand) const;
  std::span<const double> costs_to(std::uint32_t demand) const;

  /// Capacitated models: capacity per candidate (finite, >= 0, in weight units) and the
  /// candidates always open (existing centers; empty: none). Throws InternalError on a size
  /// mismatch or a bad value.
  void set_capacities(std::vector<double> capacity, std::vector<char> always_open = {});
  bool has_capacities() const { return m_has_capacities; }
  double capacity(std::uint32_t candidate) const { return m_capacity[candidate]; }
  bool always_open(std::uint32_t candidate) const {
    return !m_always_open.empty() && m_always_open[candidate] != 0;
  }

  /// Whole-number weights, site costs and pair costs: bounds may then be rounded.
  bool integral_weights() const { return m_integral_weights; }
  bool integral_site_costs() const { return m_integral_site_costs; }
  bool integral_costs() const { return m_integral_costs; }

 private:
  std::vector<double> m_weight, m_site_cost, m_fixed, m_floor;
  double m_unreached = 0.0;
  double m_total_weight = 0.0;
  std::vector<std::uint32_t> m_by_candidate_first;  ///< candidate_count+1 offsets
  std::vector<std::uint32_t> m_by_candidate_demand;
  std::vector<double> m_by_candidate_cost;
  std::vector<std::uint32_t> m_by_demand_first;  ///< demand_count+1 offsets
  std::vector<std::uint32_t> m_by_demand_candidate;
  std::vector<double> m_by_demand_cost;
  bool m_integral_weights = true, m_integral_site_costs = true, m_integral_costs = true;
  std::vector<double> m_capacity;
  std::vector<char> m_always_open;
  bool m_has_capacities = false;  ///< set_capacities() was called (even with no candidate)
};

}  // namespace planner
