#include "planner/siting/solve.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "planner/siting/rank.h"
#include "planner/siting/solvers/capacity.h"
#include "planner/siting/solvers/cover.h"
#include "planner/siting/solvers/greedy.h"
#include "planner/siting/solvers/lagrangian.h"
#include "planner/siting/solvers/solvers.h"

namespace planner {

SitingSolution solve_siting(const SitingProblem& problem, const SitingOptions& options) {
  validate(options);
  if (capacitated(options.model)) return detail::solve_capacitated(problem, options);
  const auto started = std::chrono::steady_clock::now();
  const detail::Deadline deadline(options.time_limit_s);
  detail::ModelAnswer answer;
  switch (options.model) {
    case SitingModel::lscp:
      answer = detail::solve_lscp(problem, options, deadline);
      break;
    case SitingModel::mclp:
      answer = detail::solve_mclp(problem, options, deadline);
      break;
    case SitingModel::pmedian:
      answer = detail::solve_pmedian(problem, options, deadline);
      break;
    case SitingModel::pcenter:
      answer = detail::solve_pcenter(problem, options, deadline);
      break;
    case SitingModel::cmclp:
    case SitingModel::cpmedian:
      break;  // solved above
  }

  SitingSolution out;
  out.model = options.model;
  out.sites = rank_sites(problem, options.model, options.cover_cost, answer.sites);
  // A site that adds nothing (a k beyond what helps, a redundant cover column) is not built.
  if (options.model != SitingModel::pcenter) {
    std::erase_if(out.sites, [](const RankedSite& r) { return r.gain <= 0.0; });
  }
  std::vector<std::uint32_t> kept;
  for (const RankedSite& r : out.sites) kept.push_back(r.candidate);
  out.objective = siting_objective(problem, options.model, options.cover_cost, kept);
  out.bound = answer.bound;
  // Dropping useless sites can only help lscp's cost; the bound still holds.
  if (options.model == SitingModel::mclp)
    out.bound = std::max(out.bound, out.objective);
  else
    out.bound = std::min(out.bound, out.objective);
  out.optimal = answer.optimal;
  out.gap = out.optimal ? 0.0 : relative_gap(out.objective, out.bound);
  if (out.gap <= 1e-9) {
    out.gap = 0.0;
    out.optimal = true;
  }
  out.method = answer.method;

  for (std::uint32_t i = 0; i < problem.demand_count(); ++i) {
    if (!problem.unreachable(i)) continue;
    out.unreachable_weight += problem.weight(i);
    ++out.unreachable_count;
  }
  if (options.cover_cost) {
    const double t = *options.cover_cost;
    const CoverSets sets(problem, t);
    const CoveredTotals covered = covered_totals(problem, t, kept);
    out.has_coverage = true;
    out.covered_weight = covered.weight;
    out.covered_count = covered.count;
    out.fixed_weight = sets.fixed_weight();
    out.fixed_count = sets.fixed_count();
    out.uncoverable_weight = sets.uncoverable_weight();
    out.uncoverable_count = sets.uncoverable_count();
    if (options.curve_k > 0) {
      const double left =
          options.time_limit_s -
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      out.curve = coverage_curve(problem, t, options.curve_k, options.exact, std::max(1.0, left));
    }
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

std::vector<CurvePoint> coverage_curve(const SitingProblem& problem, double threshold,
                                       std::uint32_t max_k, bool exact, double time_limit_s) {
  const CoverSets sets(problem, threshold);
  const detail::Deadline deadline(time_limit_s);
  std::vector<double> cum;
  const std::vector<std::uint32_t> order = greedy_max_cover(sets, max_k, &cum);
  std::vector<CurvePoint> curve;
  SubgradientSteps steps;
  steps.max_iterations = 300;
  for (std::uint32_t k = 1; k <= max_k; ++k) {
    CurvePoint pt;
    pt.k = k;
    const double greedy = cum.empty() ? 0.0 : cum[std::min<std::size_t>(k, cum.size()) - 1];
    pt.greedy_weight = sets.fixed_weight() + greedy;
    std::vector<std::uint32_t> sites(order.begin(),
                                     order.begin() + std::min<std::size_t>(k, order.size()));
    double best = swap_max_cover(sets, sites);
    double bound = std::max(best, mclp_upper_bound(sets, k, sites, steps).bound);
    if (problem.integral_weights()) bound = std::max(best, std::floor(bound + 1e-6));
    if (exact && bound > best + detail::bound_tolerance(best) && deadline.remaining_s() > 0.0) {
      // Each k gets an equal share of what is left.
      const double share = deadline.remaining_s() / static_cast<double>(max_k - k + 1);
      const detail::ExactCover ex = detail::exact_max_cover(sets, k, sites, bound, share);
      best = ex.value;
      bound = ex.bound;
    }
    pt.best_weight = sets.fixed_weight() + best;
    pt.bound_weight = sets.fixed_weight() + bound;
    curve.push_back(pt);
  }
  return curve;
}

}  // namespace planner
