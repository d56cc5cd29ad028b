// Coverage sets at one threshold, reduced to what a covering model still has to decide: demands
// that fixed facilities already cover drop out (they are covered whatever is opened), and so do
// demands no candidate reaches within the threshold (reported as uncoverable). What is left is a
// 0/1 matrix, kept both ways: rows (open demands) and columns (candidates).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/siting/problem.h"

namespace planner {

class CoverSets {
 public:
  /// Rows of weight 0 are left out (there is nobody to cover). With floor_covers, a demand whose
  /// floor cost (fixed facility, or the unreached cost) is within the threshold needs no site:
  /// p-center's view, where the worst cost counts whatever serves it.
  CoverSets(const SitingProblem& problem, double threshold, bool floor_covers = false);

  /// Open demands: not covered by a fixed facility, coverable by some candidate.
  std::size_t row_count() const { return m_row_demand.size(); }
  std::size_t column_count() const { return m_col_first.size() - 1; }
  std::uint32_t row_demand(std::uint32_t row) const { return m_row_demand[row]; }
  double row_weight(std::uint32_t row) const { return m_row_weight[row]; }

  /// Rows a candidate covers (ascending) and candidates covering a row (ascending).
  std::span<const std::uint32_t> rows_of(std::uint32_t column) const;
  std::span<const std::uint32_t> columns_of(std::uint32_t row) const;

  double fixed_weight() const { return m_fixed_weight; }
  std::uint32_t fixed_count() const { return m_fixed_count; }
  double uncoverable_weight() const { return m_uncoverable_weight; }
  std::uint32_t uncoverable_count() const { return m_uncoverable_count; }
  double open_weight() const { return m_open_weight; }

  /// Covered weight of the open rows for a set of columns (fixed coverage not included).
  double covered_by(std::span<const std::uint32_t> columns) const;

 private:
  std::vector<std::uint32_t> m_row_demand;
  std::vector<double> m_row_weight;
  std::vector<std::uint32_t> m_col_first, m_col_rows;
  std::vector<std::uint32_t> m_row_first, m_row_cols;
  double m_fixed_weight = 0.0, m_uncoverable_weight = 0.0, m_open_weight = 0.0;
  std::uint32_t m_fixed_count = 0, m_uncoverable_count = 0;
};

}  // namespace planner
