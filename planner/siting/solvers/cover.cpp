#include "planner/siting/solvers/cover.h"

#include <algorithm>
#include <numeric>

namespace planner {

CoverSets::CoverSets(const SitingProblem& problem, double threshold, bool floor_covers) {
  const std::size_t n = problem.demand_count();
  const std::size_t m = problem.candidate_count();
  m_row_first.push_back(0);
  for (std::uint32_t i = 0; i < n; ++i) {
    // Inclusive, as the coverage rule (DESIGN.md §7): minutes <= threshold is covered.
    if (problem.weight(i) <= 0.0) continue;
    const double fixed = floor_covers ? problem.floor_cost(i) : problem.fixed_cost(i);
    if (fixed <= threshold) {
      m_fixed_weight += problem.weight(i);
      ++m_fixed_count;
      continue;
    }
    const auto cands = problem.candidates_of(i);
    const auto costs = problem.costs_to(i);
    const std::size_t before = m_row_cols.size();
    for (std::size_t a = 0; a < cands.size() && costs[a] <= threshold; ++a) {
      m_row_cols.push_back(cands[a]);
    }
    if (m_row_cols.size() == before) {
      m_uncoverable_weight += problem.weight(i);
      ++m_uncoverable_count;
      continue;
    }
    std::sort(m_row_cols.begin() + static_cast<std::ptrdiff_t>(before), m_row_cols.end());
    m_row_demand.push_back(i);
    m_row_weight.push_back(problem.weight(i));
    m_open_weight += problem.weight(i);
    m_row_first.push_back(static_cast<std::uint32_t>(m_row_cols.size()));
  }
  // Columns from the rows, so both sides agree exactly.
  m_col_first.assign(m + 1, 0);
  for (std::uint32_t c : m_row_cols) ++m_col_first[c + 1];
  std::partial_sum(m_col_first.begin(), m_col_first.end(), m_col_first.begin());
  m_col_rows.resize(m_row_cols.size());
  std::vector<std::uint32_t> next(m_col_first.begin(), m_col_first.end() - 1);
  for (std::uint32_t r = 0; r < m_row_demand.size(); ++r) {
    for (std::uint32_t c : columns_of(r)) m_col_rows[next[c]++] = r;
  }
}

std::span<const std::uint32_t> CoverSets::rows_of(std::uint32_t column) const {
  return std::span<const std::uint32_t>(m_col_rows)
      .subspan(m_col_first[column], m_col_first[column + 1] - m_col_first[column]);
}

std::span<const std::uint32_t> CoverSets::columns_of(std::uint32_t row) const {
  return std::span<const std::uint32_t>(m_row_cols)
      .subspan(m_row_first[row], m_row_first[row + 1] - m_row_first[row]);
}

double CoverSets::covered_by(std::span<const std::uint32_t> columns) const {
  std::vector<char> hit(row_count(), 0);
  for (std::uint32_t c : columns) {
    for (std::uint32_t r : rows_of(c)) hit[r] = 1;
  }
  double w = 0.0;
  for (std::uint32_t r = 0; r < row_count(); ++r) w += hit[r] ? m_row_weight[r] : 0.0;
  return w;
}

}  // namespace planner
