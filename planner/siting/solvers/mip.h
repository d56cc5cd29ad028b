// A mixed-integer program as plain arrays, and its solution by COIN-OR CBC under a time limit.
//
// This header is CBC-free on purpose: the models are built from plain vectors and only
// siting_mip.cpp includes CBC's headers, so they never leak into the public planner headers.
// CBC's command layer keeps global state, so solves are serialised inside the process.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace planner {

inline constexpr double mip_infinity = std::numeric_limits<double>::infinity();

struct MipOutcome {
  bool has_solution = false;
  bool optimal = false;     ///< proven optimal (within CBC's default tolerance)
  bool infeasible = false;  ///< proven infeasible
  double objective = 0.0;   ///< best solution's value, constant included
  double bound = 0.0;       ///< best proven bound, constant included (when bound_known)
  /// CBC's bound is taken only when it proves something: optimal, or strictly on the far side
  /// of the objective. A search cut short before its root relaxation would otherwise report the
  /// start solution's value as its "best possible".
  bool bound_known = false;
  std::vector<double> values;  ///< column values of the best solution
  double seconds = 0.0;
};

class MipProblem;

/// Solves with CBC under time_limit_s. `start` (optional) is a feasible value per column given
/// as the integer columns that are non-zero (CBC derives the rest).
MipOutcome solve_mip(const MipProblem& problem, double time_limit_s,
                     std::span<const int> start_columns = {},
                     std::span<const double> start_values = {});

class MipProblem {
 public:
  explicit MipProblem(bool maximize = false) : m_maximize(maximize) {}

  /// Adds a column and returns its index.
  int add_column(double objective, double lower, double upper, bool integer);
  /// Adds lower <= sum(values[a] * x[columns[a]]) <= upper (either side may be infinite).
  void add_row(std::span<const int> columns, std::span<const double> values, double lower,
               double upper);
  /// A constant added to the objective (CBC has none; added back to what it reports).
  void add_constant(double c) { m_constant += c; }

  bool maximize() const { return m_maximize; }
  double constant() const { return m_constant; }
  std::size_t column_count() const { return m_objective.size(); }
  std::size_t row_count() const { return m_row_lower.size(); }
  std::size_t nonzero_count() const { return m_row_columns.size(); }

 private:
  friend MipOutcome solve_mip(const MipProblem&, double, std::span<const int>,
                              std::span<const double>);
  bool m_maximize;
  double m_constant = 0.0;
  std::vector<double> m_objective, m_col_lower, m_col_upper;
  std::vector<char> m_integer;
  std::vector<std::uint32_t> m_row_first{0};
  std::vector<int> m_row_columns;
  std::vector<double> m_row_values, m_row_lower, m_row_upper;
};

}  // namespace planner
