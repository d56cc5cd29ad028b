#include "planner/siting/rank.h"

#include <algorithm>
#include <stdexcept>

#include "planner/errors.h"
#include "planner/siting/solvers/median.h"

namespace planner {
namespace {

/// Nearest cost per demand with only the fixed facilities open (the floor).
std::vector<double> floor_costs(const SitingProblem& p) {
  std::vector<double> d(p.demand_count());
  for (std::uint32_t i = 0; i < d.size(); ++i) d[i] = p.floor_cost(i);
  return d;
}

void open_site(const SitingProblem& p, std::uint32_t j, std::vector<double>& d) {
  const auto dem = p.demands_of(j);
  const auto cost = p.costs_of(j);
  for (std::size_t a = 0; a < dem.size(); ++a) d[dem[a]] = std::min(d[dem[a]], cost[a]);
}

double worst(const SitingProblem& p, const std::vector<double>& d) {
  double w = 0.0;
  for (std::uint32_t i = 0; i < d.size(); ++i) {
    if (p.weight(i) > 0.0) w = std::max(w, d[i]);
  }
  return w;
}

/// Within the threshold: a fixed facility counts by its real cost (not the floor).
bool is_covered(const SitingProblem& p, std::uint32_t i, double d, double threshold) {
  return d <= threshold || p.fixed_cost(i) <= threshold;
}

}  // namespace

CoveredTotals covered_totals(const SitingProblem& p, double threshold,
                             std::span<const std::uint32_t> sites) {
  std::vector<double> d(p.demand_count(), inf_time);
  for (std::uint32_t s : sites) open_site(p, s, d);
  CoveredTotals t;
  for (std::uint32_t i = 0; i < d.size(); ++i) {
    if (!is_covered(p, i, d[i], threshold)) continue;
    t.weight += p.weight(i);
    ++t.count;
  }
  return t;
}

double siting_objective(const SitingProblem& p, SitingModel model, std::optional<double> threshold,
                        std::span<const std::uint32_t> sites) {
  switch (model) {
    case SitingModel::lscp: {
      double c = 0.0;
      for (std::uint32_t s : sites) c += p.site_cost(s);
      return c;
    }
    case SitingModel::mclp:
      if (!threshold) throw InternalError("mclp needs a coverage threshold");
      return covered_totals(p, *threshold, sites).weight;
    case SitingModel::pmedian:
      return median_cost(p, sites);
    case SitingModel::pcenter: {
      std::vector<double> d = floor_costs(p);
      for (std::uint32_t s : sites) open_site(p, s, d);
      return worst(p, d);
    }
    case SitingModel::cmclp:
    case SitingModel::cpmedian:
      throw InternalError("capacitated models are judged by their assignment (capacity.h)");
  }
  return 0.0;
}

std::vector<RankedSite> rank_sites(const SitingProblem& p, SitingModel model,
                                   std::optional<double> threshold,
                                   std::span<const std::uint32_t> sites) {
  const bool by_cover = model == SitingModel::lscp || model == SitingModel::mclp;
  if (by_cover && !threshold) throw InternalError("lscp and mclp need a threshold");
  std::vector<double> d = floor_costs(p);
  // Coverage is judged on real costs: the floor may hold the unreached cost.
  std::vector<double> reach(p.demand_count(), inf_time);
  std::vector<std::uint32_t> left(sites.begin(), sites.end());
  std::sort(left.begin(), left.end());
  std::vector<RankedSite> ranked;
  double cum = 0.0;
  while (!left.empty()) {
    std::size_t best = 0;
    double best_primary = -1.0, best_secondary = -1.0;
    for (std::size_t a = 0; a < left.size(); ++a) {
      const std::uint32_t j = left[a];
      const auto dem = p.demands_of(j);
      const auto cost = p.costs_of(j);
      double primary = 0.0, secondary = 0.0;
      if (by_cover) {
        for (std::size_t b = 0; b < dem.size(); ++b) {
          const std::uint32_t i = dem[b];
          if (cost[b] <= *threshold && !is_covered(p, i, reach[i], *threshold)) {
            primary += p.weight(i);
            secondary += 1.0;
          }
        }
      } else {
        for (std::size_t b = 0; b < dem.size(); ++b) {
          const std::uint32_t i = dem[b];
          if (cost[b] < d[i]) secondary += p.weight(i) * (d[i] - cost[b]);
        }
        if (model == SitingModel::pcenter) {
          std::vector<double> after = d;
          open_site(p, j, after);
          primary = worst(p, d) - worst(p, after);
        } else {
          std::swap(primary, secondary);
        }
      }
      if (primary > best_primary || (primary == best_primary && secondary > best_secondary)) {
        best = a;
        best_primary = primary;
        best_secondary = secondary;
      }
    }
    const std::uint32_t j = left[best];
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
    open_site(p, j, d);
    open_site(p, j, reach);
    RankedSite r;
    r.candidate = j;
    r.gain = std::max(0.0, best_primary);
    cum += r.gain;
    r.cum_gain = cum;
    if (threshold) {
      for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
        if (!is_covered(p, i, reach[i], *threshold)) continue;
        r.covered += p.weight(i);
        ++r.covered_count;
      }
    }
    ranked.push_back(r);
  }
  return ranked;
}

}  // namespace planner
