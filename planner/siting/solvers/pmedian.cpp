// pmedian: k new sites minimising the total weighted cost. Greedy + fast interchange from two
// starts (greedy, and the best Lagrangian k-set), with the Lagrangian bound; the heuristic answer
// then goes through variable neighbourhood search (median_search.h). Exact: candidates
// the bound proves useless (or indispensable) are fixed, and the rest goes to CBC in the radius
// formulation of Elloumi (2010), written as a chain (z_l >= z_{l-1} - y at level l) so a demand
// with L distinct distances costs O(L + its candidates) nonzeros instead of O(L^2).
#include <algorithm>
#include <cmath>

#include "planner/siting/solvers/median.h"
#include "planner/siting/solvers/median_bound.h"
#include "planner/siting/solvers/median_search.h"
#include "planner/siting/solvers/mip.h"
#include "planner/siting/solvers/solvers.h"

namespace planner::detail {
namespace {

bool integral_data(const SitingProblem& p) {
  return p.integral_weights() && p.integral_costs() &&
         std::floor(p.unreached_cost()) == p.unreached_cost();
}

/// Sites chosen by CBC in the radius formulation, or nothing when it found no better answer.
struct RadiusModel {
  MipProblem mip{false};
  std::vector<std::uint32_t> column_site;  ///< y columns
};

RadiusModel build_radius_model(const SitingProblem& p, const std::vector<int>& fix,
                               const std::vector<double>& caps, std::uint32_t free_open) {
  RadiusModel model;
  const std::size_t m = p.candidate_count();
  std::vector<int> column_of(m, -1);
  std::uint32_t free_count = 0;
  std::vector<int> all;
  for (std::uint32_t j = 0; j < m; ++j) {
    if (fix[j] != 0) continue;
    column_of[j] = model.mip.add_column(0.0, 0.0, 1.0, true);
    model.column_site.push_back(j);
    all.push_back(column_of[j]);
    ++free_count;
  }
  model.mip.add_row(all, std::vector<double>(all.size(), 1.0), free_open, free_open);
  // Some open free site is among each demand's (free - open + 1) nearest free candidates.
  const std::uint32_t nearest_rank = free_count - free_open + 1;

  std::vector<int> cols;
  std::vector<double> vals;
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    const double w = p.weight(i);
    if (w <= 0.0) continue;
    const auto cands = p.candidates_of(i);
    const auto costs = p.costs_to(i);
    double floor = std::min(p.floor_cost(i), caps[i]);
    for (std::size_t a = 0; a < cands.size() && costs[a] < floor; ++a) {
      if (fix[cands[a]] == 1) floor = costs[a];  // a site fixed open: it serves at worst
    }
    std::uint32_t rank = 0;
    for (std::size_t a = 0; a < cands.size() && costs[a] < floor; ++a) {
      if (fix[cands[a]] == 0 && ++rank == nearest_rank) floor = costs[a];
    }
    // Levels D_1 < D_2 < ... below the floor; z_l = 1 when no open site is within D_l.
    int previous_z = -1;
    double level = -1.0;
    std::size_t a = 0;
    bool first = true;
    while (a < cands.size() && costs[a] < floor) {
      level = costs[a];
      cols.clear();
      vals.clear();
      for (; a < cands.size() && costs[a] == level; ++a) {
        if (fix[cands[a]] != 0) continue;
        cols.push_back(column_of[cands[a]]);
        vals.push_back(1.0);
      }
      if (cols.empty()) continue;  // only fixed (closed) candidates at this distance
      if (first) model.mip.add_constant(w * level);
      first = false;
      double next = floor;
      for (std::size_t b = a; b < cands.size() && costs[b] < floor; ++b) {
        if (fix[cands[b]] == 0) {
          next = costs[b];
          break;
        }
      }
      const int z = model.mip.add_column(w * (next - level), 0.0, 1.0, false);
      cols.push_back(z);
      vals.push_back(1.0);
      if (previous_z >= 0) {
        cols.push_back(previous_z);
        vals.push_back(-1.0);
      }
      model.mip.add_row(cols, vals, previous_z >= 0 ? 0.0 : 1.0, mip_infinity);
      previous_z = z;
    }
    if (first) model.mip.add_constant(w * floor);
  }
  return model;
}

}  // namespace

ModelAnswer solve_pmedian(const SitingProblem& p, const SitingOptions& options,
                          const Deadline& deadline) {
  const bool integral = integral_data(p);
  std::vector<std::uint32_t> sites = greedy_median(p, options.k);
  double cost = swap_median(p, sites);
  SubgradientSteps steps;
  steps.max_iterations = 3000;
  const MedianBound lag = median_lower_bound(p, options.k, sites, steps);
  if (lag.best != sites) {
    std::vector<std::uint32_t> other = lag.best;
    const double c = swap_median(p, other);
    if (c < cost) {
      cost = c;
      sites = other;
    }
  }
  double bound = std::min(lag.bound, cost);
  if (integral) bound = std::min(cost, std::ceil(bound - 1e-6));
  // Beyond the two local optima (the heuristic answer only: --exact hands them to CBC as they
  // were): variable neighbourhood search until the bound is met or its effort is spent.
  if (!options.exact) cost = vns_median(p, sites, cost, bound + bound_tolerance(cost));

  ModelAnswer out;
  out.method = options.exact
                   ? "greedy + interchange, lagrangian bound"
                   : "greedy + interchange + variable neighbourhood search, lagrangian bound";
  if (options.exact && bound < cost - bound_tolerance(cost) && !lag.multipliers.empty()) {
    const double target = improvement_target(cost, integral);
    const std::vector<int> fix = median_fixing(p, options.k, lag.multipliers, target);
    std::uint32_t fixed_open = 0, free_count = 0;
    for (int f : fix) {
      fixed_open += f == 1 ? 1 : 0;
      free_count += f == 0 ? 1 : 0;
    }
    const std::uint32_t want = std::min<std::uint32_t>(options.k, p.candidate_count());
    const std::uint32_t free_open = std::min(want - std::min(want, fixed_open), free_count);
    out.method = "cbc (radius formulation, lagrangian fixing), interchange start";
    if (free_open == 0) {
      // Only the sites fixed open remain as a cheaper answer: it is that or the incumbent.
      std::vector<std::uint32_t> fixed_sites;
      for (std::uint32_t j = 0; j < fix.size(); ++j) {
        if (fix[j] == 1) fixed_sites.push_back(j);
      }
      const double c = median_cost(p, fixed_sites);
      if (c < cost) {
        cost = c;
        sites = fixed_sites;
      }
      bound = cost;
    } else {
      const std::vector<double> caps = median_caps(p, options.k, lag.multipliers, target);
      RadiusModel model = build_radius_model(p, fix, caps, free_open);
      std::vector<int> start;
      for (std::uint32_t c = 0; c < model.column_site.size(); ++c) {
        if (std::find(sites.begin(), sites.end(), model.column_site[c]) != sites.end()) {
          start.push_back(static_cast<int>(c));
        }
      }
      if (start.size() != free_open) start.clear();
      const MipOutcome r = solve_mip(model.mip, deadline.remaining_s(), start,
                                     std::vector<double>(start.size(), 1.0));
      if (r.has_solution) {
        std::vector<std::uint32_t> picked;
        for (std::uint32_t j = 0; j < fix.size(); ++j) {
          if (fix[j] == 1) picked.push_back(j);
        }
        for (std::uint32_t c = 0; c < model.column_site.size(); ++c) {
          if (r.values[c] > 0.5) picked.push_back(model.column_site[c]);
        }
        const double c = median_cost(p, picked);
        if (c < cost) {
          cost = c;
          sites = picked;
        }
      }
      // Answers the fixing left out cost more than the target, so at least the incumbent.
      if (r.infeasible) bound = cost;
      if (r.bound_known) bound = std::max(bound, std::min(r.bound, cost));
      if (integral) bound = std::min(cost, std::ceil(bound - 1e-6));
    }
  }
  out.sites = sites;
  out.objective = cost;
  out.bound = std::min(bound, cost);
  out.optimal = out.bound >= cost - bound_tolerance(cost);
  return out;
}

}  // namespace planner::detail
