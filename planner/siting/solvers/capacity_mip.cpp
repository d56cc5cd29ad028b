// The capacitated siting MIP for CBC (capacity.h): the textbook formulation with the strong
// linking rows z_ij <= y_j, whose LP relaxation is the heuristic's bound. Columns and rows are
// made in candidate then demand order, so the same problem gives CBC the same model.
#include <algorithm>

#include "planner/siting/solvers/capacity.h"

namespace planner::detail {

CapacityMip build_capacity_mip(const SitingProblem& p, const CapacityRules& rules, std::uint32_t k,
                               bool relaxed, std::span<const char> only) {
  CapacityMip out;
  out.mip = MipProblem(rules.maximize());
  const std::size_t m = p.candidate_count();
  const bool integer_pairs = !relaxed && !rules.split;
  out.site_column.assign(m, -1);
  std::vector<int> free_sites;
  for (std::uint32_t j = 0; j < m; ++j) {
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    bool any = false;
    for (std::size_t a = 0; a < dem.size() && !any; ++a) any = rules.usable(p, dem[a], cost[a]);
    if (!any && !p.always_open(j)) continue;
    double lower = p.always_open(j) ? 1.0 : 0.0, upper = 1.0;
    if (!only.empty()) lower = upper = only[j] ? 1.0 : 0.0;
    out.site_column[j] = out.mip.add_column(0.0, lower, upper, !relaxed);
    if (!p.always_open(j)) free_sites.push_back(out.site_column[j]);
  }
  if (only.empty()) {
    out.mip.add_row(free_sites, std::vector<double>(free_sites.size(), 1.0), -mip_infinity,
                    static_cast<double>(k));
  }
  // z columns and the linking and capacity rows, site by site.
  std::vector<std::vector<int>> demand_columns(p.demand_count());
  for (std::uint32_t j = 0; j < m; ++j) {
    if (out.site_column[j] < 0) continue;
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    std::vector<int> cap_cols;
    std::vector<double> cap_vals;
    for (std::size_t a = 0; a < dem.size(); ++a) {
      const std::uint32_t i = dem[a];
      if (!rules.usable(p, i, cost[a])) continue;
      const double w = p.weight(i);
      const double obj = rules.maximize() ? w : w * cost[a];
      const int z = out.mip.add_column(obj, 0.0, 1.0, integer_pairs);
      out.pair.push_back({i, j, 0.0});
      out.pair_column.push_back(z);
      demand_columns[i].push_back(z);
      cap_cols.push_back(z);
      cap_vals.push_back(w);
      const int link[2] = {z, out.site_column[j]};
      const double ones[2] = {1.0, -1.0};
      out.mip.add_row(link, ones, -mip_infinity, 0.0);
    }
    cap_cols.push_back(out.site_column[j]);
    cap_vals.push_back(-p.capacity(j));
    out.mip.add_row(cap_cols, cap_vals, -mip_infinity, 0.0);
  }
  // Each demand is served at most once; cpmedian charges its unserved share the floor cost.
  out.unserved_column.assign(p.demand_count(), -1);
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
    std::vector<int>& cols = demand_columns[i];
    if (rules.model == SitingModel::cmclp) {
      if (rules.served_by_fixed(p, i)) out.mip.add_constant(p.weight(i));
      if (cols.size() > 1 || (!rules.split && !cols.empty())) {
        out.mip.add_row(cols, std::vector<double>(cols.size(), 1.0), -mip_infinity, 1.0);
      }
      continue;
    }
    if (!(p.weight(i) > 0.0)) continue;
    const double charge = p.weight(i) * p.floor_cost(i);
    if (cols.empty()) {
      out.mip.add_constant(charge);
      continue;
    }
    out.unserved_column[i] = out.mip.add_column(charge, 0.0, 1.0, integer_pairs);
    cols.push_back(out.unserved_column[i]);
    out.mip.add_row(cols, std::vector<double>(cols.size(), 1.0), 1.0, 1.0);
  }
  return out;
}

std::vector<Assignment> mip_assignment(const SitingProblem& p, const CapacityMip& model,
                                       std::span<const double> values) {
  std::vector<Assignment> out;
  for (std::size_t a = 0; a < model.pair.size(); ++a) {
    const double share = std::clamp(values[model.pair_column[a]], 0.0, 1.0);
    const double amount = share * p.weight(model.pair[a].demand);
    if (amount > 1e-9 * std::max(1.0, p.weight(model.pair[a].demand))) {
      out.push_back({model.pair[a].demand, model.pair[a].candidate, amount});
    }
  }
  return out;
}

}  // namespace planner::detail
