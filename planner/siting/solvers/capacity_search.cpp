// Capacitated siting end to end (capacity.h): greedy + best-improvement swaps over site sets
// judged by their assignment, the LP relaxation of the MIP as the proven bound (or CBC on the
// MIP with --exact, the heuristic kept unless CBC beats it), then the answer in the shape every
// model reports: ranked sites, objective, bound, gap, plus who serves whom and the shortfall.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "planner/errors.h"
#include "planner/siting/rank.h"
#include "planner/siting/solvers/capacity.h"
#include "planner/siting/solvers/cover.h"
#include "planner/siting/solvers/solvers.h"

namespace planner::detail {
namespace {

bool capacity_better(const CapacityRules& rules, double a, double b) {
  const double tol = bound_tolerance(b);
  return rules.maximize() ? a > b + tol : a < b - tol;
}

double capacity_value(const SitingProblem& p, const CapacityRules& rules,
                      std::span<const std::uint32_t> sites) {
  return assign_demand(p, rules, open_sites(p, sites)).objective;
}

/// New candidates with some usable pair: the only ones worth opening.
std::vector<std::uint32_t> capacity_candidates(const SitingProblem& p, const CapacityRules& rules) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    if (p.always_open(j) || !(p.capacity(j) > 0.0)) continue;
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) {
      if (rules.usable(p, dem[a], cost[a])) {
        out.push_back(j);
        break;
      }
    }
  }
  return out;
}

/// A bound that needs no solver: every demand served at its best usable pair (cpmedian), or
/// every demand some site could serve served (cmclp), capacities and k ignored.
double capacity_simple_bound(const SitingProblem& p, const CapacityRules& rules) {
  double v = 0.0;
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    if (!(p.weight(i) > 0.0)) continue;
    if (rules.served_by_fixed(p, i)) {
      v += p.weight(i);
      continue;
    }
    const auto cands = p.candidates_of(i);
    const auto costs = p.costs_to(i);
    double best = rules.maximize() ? 0.0 : p.floor_cost(i);
    for (std::size_t a = 0; a < cands.size(); ++a) {
      if (!rules.usable(p, i, costs[a]) || !(p.capacity(cands[a]) > 0.0)) continue;
      best = rules.maximize() ? 1.0 : std::min(best, costs[a]);
    }
    v += p.weight(i) * best;
  }
  return v;
}

bool capacity_integral(const SitingProblem& p, const CapacityRules& rules) {
  if (!p.integral_weights()) return false;
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    if (p.capacity(j) != std::floor(p.capacity(j))) return false;
  }
  return rules.maximize() ||
         (p.integral_costs() && p.unreached_cost() == std::floor(p.unreached_cost()));
}

/// Sites in build order: each next the one that helps most with the existing centers and the
/// sites before it open (ties: smaller index); gains in the model's unit, never negative.
std::vector<RankedSite> rank_capacitated(const SitingProblem& p, const CapacityRules& rules,
                                         std::vector<std::uint32_t> left) {
  std::sort(left.begin(), left.end());
  std::vector<std::uint32_t> placed;
  double current = capacity_value(p, rules, placed);
  double cum = 0.0;
  std::vector<RankedSite> ranked;
  while (!left.empty()) {
    std::size_t best = 0;
    double best_value = 0.0;
    for (std::size_t a = 0; a < left.size(); ++a) {
      placed.push_back(left[a]);
      const double v = capacity_value(p, rules, placed);
      placed.pop_back();
      if (a == 0 || capacity_better(rules, v, best_value)) {
        best = a;
        best_value = v;
      }
    }
    RankedSite r;
    r.candidate = left[best];
    r.gain = std::max(0.0, rules.maximize() ? best_value - current : current - best_value);
    cum += r.gain;
    r.cum_gain = cum;
    ranked.push_back(r);
    placed.push_back(left[best]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
    current = best_value;
  }
  return ranked;
}

}  // namespace

std::vector<std::uint32_t> search_capacitated(const SitingProblem& p, const CapacityRules& rules,
                                              std::uint32_t k, double deadline_s) {
  const Deadline deadline(deadline_s);
  const std::vector<std::uint32_t> cands = capacity_candidates(p, rules);
  std::vector<std::uint32_t> sites;
  std::vector<char> in(p.candidate_count(), 0);
  double current = capacity_value(p, rules, sites);
  while (sites.size() < k) {
    std::uint32_t best = invalid_id;
    double best_value = current;
    for (std::uint32_t j : cands) {
      if (in[j]) continue;
      sites.push_back(j);
      const double v = capacity_value(p, rules, sites);
      sites.pop_back();
      if (capacity_better(rules, v, best_value)) {
        best = j;
        best_value = v;
      }
    }
    if (best == invalid_id) break;
    sites.push_back(best);
    in[best] = 1;
    current = best_value;
  }
  // Best-improvement swaps: one site out, one candidate in.
  bool improved = true;
  while (improved && deadline.remaining_s() > 0.0) {
    improved = false;
    std::size_t out_at = 0;
    std::uint32_t best_in = invalid_id;
    double best_value = current;
    for (std::size_t s = 0; s < sites.size() && deadline.remaining_s() > 0.0; ++s) {
      const std::uint32_t was = sites[s];
      for (std::uint32_t j : cands) {
        if (in[j]) continue;
        sites[s] = j;
        const double v = capacity_value(p, rules, sites);
        if (capacity_better(rules, v, best_value)) {
          out_at = s;
          best_in = j;
          best_value = v;
        }
      }
      sites[s] = was;
    }
    if (best_in != invalid_id) {
      in[sites[out_at]] = 0;
      in[best_in] = 1;
      sites[out_at] = best_in;
      current = best_value;
      improved = true;
    }
  }
  return sites;
}

SitingSolution solve_capacitated(const SitingProblem& p, const SitingOptions& options) {
  validate(options);
  if (!p.has_capacities()) {
    throw InvalidValue(std::string(to_string(options.model)) +
                       " needs site capacities (--site-capacity, --site-capacity-field)");
  }
  const auto started = std::chrono::steady_clock::now();
  const Deadline deadline(options.time_limit_s);
  const CapacityRules rules = capacity_rules(options);
  const std::uint32_t k = options.k;

  // The swaps get half the time at most: the bound (or CBC) needs the rest.
  std::vector<std::uint32_t> sites = search_capacitated(p, rules, k, 0.5 * deadline.remaining_s());
  Assigned best = assign_demand(p, rules, open_sites(p, sites));
  std::string method = rules.model == SitingModel::cmclp ? "greedy + swaps (max-flow assignment)"
                                                         : "greedy + swaps (greedy assignment)";
  double bound = capacity_simple_bound(p, rules);
  bool lp_bound = false;
  bool optimal = false;

  if (options.exact) {
    const CapacityMip model = build_capacity_mip(p, rules, k, false);
    // No MIP start: CBC 2.10 reads some of these starts wrongly (an "Illegal index" in
    // ClpModel::getColumnName on stderr); the heuristic's answer is kept when CBC finds no
    // better one, so only CBC's own search is slower for it.
    const MipOutcome r = solve_mip(model.mip, std::max(0.01, deadline.remaining_s()));
    method = "cbc (capacitated " + std::string(rules.split ? "" : "single-assignment ") +
             "formulation), heuristic kept unless beaten";
    if (r.has_solution) {
      Assigned mip;
      mip.pairs = mip_assignment(p, model, r.values);
      mip.objective = assignment_objective(p, rules, mip.pairs);
      if (capacity_better(rules, mip.objective, best.objective)) {
        best = std::move(mip);
        sites.clear();
        for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
          if (model.site_column[j] >= 0 && !p.always_open(j) &&
              r.values[model.site_column[j]] > 0.5) {
            sites.push_back(j);
          }
        }
      }
    }
    if (r.bound_known) {
      bound = rules.maximize() ? std::min(bound, r.bound) : std::max(bound, r.bound);
      lp_bound = true;
    }
    optimal = r.optimal;
  } else if (deadline.remaining_s() > 0.0) {
    const MipOutcome r =
        solve_mip(build_capacity_mip(p, rules, k, true).mip, deadline.remaining_s());
    if (r.optimal) {
      bound = rules.maximize() ? std::min(bound, r.objective) : std::max(bound, r.objective);
      lp_bound = true;
    }
    if (rules.model == SitingModel::cpmedian && rules.split && deadline.remaining_s() > 0.0) {
      // The best split assignment to the chosen sites: a transportation LP.
      std::vector<char> only(p.candidate_count(), 0);
      for (std::uint32_t j : open_sites(p, sites)) only[j] = 1;
      const CapacityMip model = build_capacity_mip(p, rules, k, true, only);
      const MipOutcome t = solve_mip(model.mip, deadline.remaining_s());
      if (t.optimal && t.has_solution) {
        Assigned lp;
        lp.pairs = mip_assignment(p, model, t.values);
        lp.objective = assignment_objective(p, rules, lp.pairs);
        if (capacity_better(rules, lp.objective, best.objective)) best = std::move(lp);
        method = "greedy + swaps (greedy assignment), transportation LP assignment";
      }
    }
  }
  method += lp_bound ? (options.exact ? "" : ", LP bound") : ", simple bound";

  // Sites that serve nobody are not built (a MIP may open one to no effect).
  std::vector<double> load(p.candidate_count(), 0.0);
  for (const Assignment& a : best.pairs) load[a.candidate] += a.amount;
  std::erase_if(sites, [&](std::uint32_t j) { return !(load[j] > 0.0); });

  SitingSolution out;
  out.model = options.model;
  out.sites = rank_capacitated(p, rules, sites);
  for (RankedSite& r : out.sites) r.assigned = load[r.candidate];
  out.objective = best.objective;
  // Whole weights and capacities make every site set's best flow whole (and its cost, with
  // whole costs): so is the optimum, and the bound rounds to it.
  if (capacity_integral(p, rules)) {
    bound = rules.maximize() ? std::floor(bound + 1e-6) : std::ceil(bound - 1e-6);
  }
  out.bound = rules.maximize() ? std::max(bound, out.objective) : std::min(bound, out.objective);
  out.gap = relative_gap(out.objective, out.bound);
  out.optimal = optimal || out.gap <= 1e-9;
  if (out.optimal) {
    out.gap = 0.0;
    out.bound = out.objective;
  }
  out.method = method;
  out.assignment = best.pairs;

  const std::vector<std::uint32_t> open = open_sites(p, sites);
  std::vector<char> reached(p.demand_count(), 0);
  for (std::uint32_t j : open) {
    out.total_capacity += p.capacity(j);
    if (p.always_open(j)) out.open_existing.push_back({j, 0.0, 0.0, 0.0, 0, load[j]});
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) {
      if (rules.usable(p, dem[a], cost[a])) reached[dem[a]] = 1;
    }
  }
  std::vector<double> left(p.demand_count());
  for (std::uint32_t i = 0; i < left.size(); ++i) left[i] = p.weight(i);
  for (const Assignment& a : best.pairs) {
    left[a.demand] -= a.amount;
    out.served_weight += a.amount;
  }
  for (std::uint32_t i = 0; i < left.size(); ++i) {
    if (rules.served_by_fixed(p, i)) out.served_weight += p.weight(i);
    if (reached[i] && left[i] > 1e-9 * std::max(1.0, p.weight(i))) {
      out.unassigned_weight += left[i];
      ++out.unassigned_count;
    }
    if (p.unreachable(i)) {
      out.unreachable_weight += p.weight(i);
      ++out.unreachable_count;
    }
  }

  if (options.cover_cost) {
    const double t = *options.cover_cost;
    std::vector<std::uint32_t> existing;
    for (const RankedSite& e : out.open_existing) existing.push_back(e.candidate);
    const CoveredTotals base = covered_totals(p, t, existing);
    out.has_coverage = true;
    out.fixed_weight = base.weight;
    out.fixed_count = base.count;
    std::vector<std::uint32_t> upto = existing;
    for (RankedSite& r : out.sites) {
      upto.push_back(r.candidate);
      const CoveredTotals c = covered_totals(p, t, upto);
      r.covered = c.weight;
      r.covered_count = c.count;
    }
    const CoveredTotals all = covered_totals(p, t, upto);
    out.covered_weight = all.weight;
    out.covered_count = all.count;
    const CoverSets sets(p, t);
    out.uncoverable_weight = sets.uncoverable_weight();
    out.uncoverable_count = sets.uncoverable_count();
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace planner::detail
