// CBC models for the covering problems: set covering (lscp, and p-center's radius test) and
// maximal covering (mclp). Identical rows are merged first, which on block data is common
// (neighbouring blocks reached by the same candidates).
#include <algorithm>
#include <cmath>
#include <map>

#include "planner/siting/solvers/greedy.h"
#include "planner/siting/solvers/lagrangian.h"
#include "planner/siting/solvers/mip.h"
#include "planner/siting/solvers/solvers.h"

namespace planner::detail {
namespace {

/// Distinct rows as column lists (of the kept columns), with their summed weights.
struct MergedRows {
  std::vector<std::vector<int>> columns;
  std::vector<double> weight;
};

MergedRows merge_rows(const CoverSets& sets, const std::vector<int>& column_of) {
  std::map<std::vector<int>, std::size_t> index;
  MergedRows out;
  std::vector<int> cols;
  for (std::uint32_t r = 0; r < sets.row_count(); ++r) {
    cols.clear();
    for (std::uint32_t j : sets.columns_of(r)) {
      if (column_of[j] >= 0) cols.push_back(column_of[j]);
    }
    auto [it, added] = index.emplace(cols, out.columns.size());
    if (added) {
      out.columns.push_back(cols);
      out.weight.push_back(0.0);
    }
    out.weight[it->second] += sets.row_weight(r);
  }
  return out;
}

}  // namespace

double bound_tolerance(double value) {
  return 1e-9 * std::max(1.0, std::abs(value));
}

double improvement_target(double incumbent, bool integral) {
  return integral ? incumbent - 1.0 + 1e-6 : incumbent - bound_tolerance(incumbent);
}

ExactCover exact_set_cover(const CoverSets& sets, std::span<const double> cost,
                           const std::vector<std::uint32_t>& incumbent,
                           std::span<const double> multipliers, double lagrangian_bound,
                           double target, double time_limit_s) {
  ExactCover out;
  out.columns = incumbent;
  for (std::uint32_t j : incumbent) out.value += cost[j];
  out.bound = lagrangian_bound;
  std::vector<double> rc;
  if (!multipliers.empty()) rc = scp_reduced_costs(sets, cost, multipliers);
  MipProblem mip(false);
  std::vector<int> column_of(sets.column_count(), -1);
  std::vector<std::uint32_t> candidate_of;
  for (std::uint32_t j = 0; j < sets.column_count(); ++j) {
    if (sets.rows_of(j).empty()) continue;
    // Any cover using j costs at least bound + rc_j: beyond the target, j is of no use.
    if (!rc.empty() && rc[j] > 0.0 && lagrangian_bound + rc[j] > target) continue;
    column_of[j] = mip.add_column(cost[j], 0.0, 1.0, true);
    candidate_of.push_back(j);
  }
  const MergedRows rows = merge_rows(sets, column_of);
  for (const std::vector<int>& cols : rows.columns) {
    // A row no kept column covers: no cover within the target exists, the incumbent is optimal.
    if (cols.empty()) {
      out.optimal = true;
      out.bound = out.value;
      return out;
    }
    const std::vector<double> ones(cols.size(), 1.0);
    mip.add_row(cols, ones, 1.0, mip_infinity);
  }
  std::vector<int> start;
  for (std::uint32_t j : incumbent) {
    if (column_of[j] < 0) {
      start.clear();
      break;
    }
    start.push_back(column_of[j]);
  }
  const std::vector<double> start_values(start.size(), 1.0);
  const MipOutcome r = solve_mip(mip, time_limit_s, start, start_values);
  if (r.has_solution && r.objective < out.value - bound_tolerance(out.value)) {
    out.columns.clear();
    for (std::size_t c = 0; c < candidate_of.size(); ++c) {
      if (r.values[c] > 0.5) out.columns.push_back(candidate_of[c]);
    }
    if (covers_all(sets, out.columns)) {
      out.value = 0.0;
      for (std::uint32_t j : out.columns) out.value += cost[j];
    } else {
      out.columns = incumbent;  // not expected; keep the proven-feasible answer
    }
  }
  if (r.infeasible) {
    out.bound = out.value;  // nothing within the target: the incumbent is optimal
  } else if (r.bound_known) {
    out.bound = std::max(out.bound, std::min(r.bound, out.value));
  }
  out.optimal = out.bound >= out.value - bound_tolerance(out.value);
  if (out.optimal) out.bound = out.value;
  return out;
}

ExactCover exact_max_cover(const CoverSets& sets, std::uint32_t k,
                           const std::vector<std::uint32_t>& incumbent, double lagrangian_bound,
                           double time_limit_s) {
  ExactCover out;
  out.columns = incumbent;
  out.value = sets.covered_by(incumbent);
  MipProblem mip(true);
  std::vector<int> column_of(sets.column_count(), -1);
  std::vector<std::uint32_t> candidate_of;
  std::vector<int> all;
  for (std::uint32_t j = 0; j < sets.column_count(); ++j) {
    if (sets.rows_of(j).empty()) continue;
    column_of[j] = mip.add_column(0.0, 0.0, 1.0, true);
    candidate_of.push_back(j);
    all.push_back(column_of[j]);
  }
  const MergedRows rows = merge_rows(sets, column_of);
  std::vector<int> cols;
  std::vector<double> vals;
  for (std::size_t r = 0; r < rows.columns.size(); ++r) {
    // y_r <= sum of its columns: y is continuous, the maximisation makes it 0 or 1.
    const int y = mip.add_column(rows.weight[r], 0.0, 1.0, false);
    cols.assign(1, y);
    vals.assign(1, 1.0);
    for (int c : rows.columns[r]) {
      cols.push_back(c);
      vals.push_back(-1.0);
    }
    mip.add_row(cols, vals, -mip_infinity, 0.0);
  }
  mip.add_row(all, std::vector<double>(all.size(), 1.0), -mip_infinity, static_cast<double>(k));
  std::vector<int> start;
  for (std::uint32_t j : incumbent) {
    if (column_of[j] >= 0) start.push_back(column_of[j]);
  }
  const std::vector<double> start_values(start.size(), 1.0);
  const MipOutcome r = solve_mip(mip, time_limit_s, start, start_values);
  if (r.has_solution) {
    std::vector<std::uint32_t> picked;
    for (std::size_t c = 0; c < candidate_of.size(); ++c) {
      if (r.values[c] > 0.5) picked.push_back(candidate_of[c]);
    }
    const double value = sets.covered_by(picked);
    if (picked.size() <= k && value > out.value) {
      out.columns = picked;
      out.value = value;
    }
  }
  out.bound = lagrangian_bound;
  if (r.bound_known) out.bound = std::min(out.bound, r.bound);
  out.bound = std::max(out.bound, out.value);
  out.optimal = r.optimal || out.bound <= out.value + bound_tolerance(out.value);
  if (out.optimal) out.bound = out.value;
  return out;
}

}  // namespace planner::detail
