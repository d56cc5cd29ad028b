// Solving one siting model on a candidate x demand structure: the entry point for the command
// (network and matrix modes), the tests and the benchmarks. A pure function of its inputs:
// single-threaded and deterministic, except that an exact solve stopped by its time limit
// reports whatever CBC had at that moment (with its gap).
#pragma once

#include "planner/siting/model.h"
#include "planner/siting/problem.h"

namespace planner {

/// Solves options.model: a heuristic with a Lagrangian bound, or CBC when options.exact. Sites
/// come ranked; sites that would add nothing (zero gain, e.g. a k larger than useful) are left
/// out. cmclp and cpmedian (solvers/capacity.h) need the problem's capacities; they report
/// the assignment, the shortfall and an LP bound, and no coverage curve. Throws InvalidValue for
/// options that do not fit (see validate()) or a capacitated model without capacities.
SitingSolution solve_siting(const SitingProblem& problem, const SitingOptions& options);

/// The coverage curve for k = 1..max_k at the threshold: greedy (nested), best known (greedy +
/// swaps, or CBC with `exact`, sharing time_limit_s) and the bound.
std::vector<CurvePoint> coverage_curve(const SitingProblem& problem, double threshold,
                                       std::uint32_t max_k, bool exact, double time_limit_s);

}  // namespace planner
