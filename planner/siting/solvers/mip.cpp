#include "planner/siting/solvers/mip.h"

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>

#include <coin/Cbc_C_Interface.h>

namespace planner {

int MipProblem::add_column(double objective, double lower, double upper, bool integer) {
  m_objective.push_back(objective);
  m_col_lower.push_back(lower);
  m_col_upper.push_back(upper);
  m_integer.push_back(integer ? 1 : 0);
  return static_cast<int>(m_objective.size() - 1);
}

void MipProblem::add_row(std::span<const int> columns, std::span<const double> values, double lower,
                         double upper) {
  m_row_columns.insert(m_row_columns.end(), columns.begin(), columns.end());
  m_row_values.insert(m_row_values.end(), values.begin(), values.end());
  m_row_first.push_back(static_cast<std::uint32_t>(m_row_columns.size()));
  m_row_lower.push_back(lower);
  m_row_upper.push_back(upper);
}

namespace {

struct ModelDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

double coin(double x) {
  if (x == mip_infinity) return DBL_MAX;
  if (x == -mip_infinity) return -DBL_MAX;
  return x;
}

// CbcMain (behind Cbc_solve) keeps static state: one solve at a time per process.
std::mutex& cbc_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

MipOutcome solve_mip(const MipProblem& p, double time_limit_s, std::span<const int> start_columns,
                     std::span<const double> start_values) {
  const auto started = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(cbc_mutex());
  const std::size_t n = p.column_count();
  const std::size_t m = p.row_count();

  // Rows (as built) to the compressed columns CBC loads.
  std::vector<CoinBigIndex> start(n + 1, 0);
  for (int c : p.m_row_columns) ++start[c + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<int> index(p.m_row_columns.size());
  std::vector<double> value(p.m_row_columns.size());
  std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
  for (std::size_t r = 0; r < m; ++r) {
    for (std::uint32_t a = p.m_row_first[r]; a < p.m_row_first[r + 1]; ++a) {
      const CoinBigIndex at = next[p.m_row_columns[a]]++;
      index[at] = static_cast<int>(r);
      value[at] = p.m_row_values[a];
    }
  }
  std::vector<double> col_lower(n), col_upper(n), row_lower(m), row_upper(m);
  std::transform(p.m_col_lower.begin(), p.m_col_lower.end(), col_lower.begin(), coin);
  std::transform(p.m_col_upper.begin(), p.m_col_upper.end(), col_upper.begin(), coin);
  std::transform(p.m_row_lower.begin(), p.m_row_lower.end(), row_lower.begin(), coin);
  std::transform(p.m_row_upper.begin(), p.m_row_upper.end(), row_upper.begin(), coin);

  std::unique_ptr<Cbc_Model, ModelDeleter> model(Cbc_newModel());
  Cbc_loadProblem(model.get(), static_cast<int>(n), static_cast<int>(m), start.data(), index.data(),
                  value.data(), col_lower.data(), col_upper.data(), p.m_objective.data(),
                  row_lower.data(), row_upper.data());
  Cbc_setObjSense(model.get(), p.maximize() ? -1.0 : 1.0);
  for (std::size_t c = 0; c < n; ++c) {
    if (p.m_integer[c]) Cbc_setInteger(model.get(), static_cast<int>(c));
  }
  if (!start_columns.empty()) {
    Cbc_setMIPStartI(model.get(), static_cast<int>(start_columns.size()), start_columns.data(),
                     start_values.data());
  }
  Cbc_setLogLevel(model.get(), 0);
  Cbc_setParameter(model.get(), "log", "0");
  Cbc_setParameter(model.get(), "slog", "0");
  // One thread: the same input gives the same answer (CBC's parallel search is not repeatable).
  Cbc_setParameter(model.get(), "threads", "0");
  const double seconds = std::max(0.01, time_limit_s);
  Cbc_setMaximumSeconds(model.get(), seconds);
  // Wall-clock time, not CPU time: a busy machine must not stretch the user's limit.
  Cbc_setParameter(model.get(), "timeMode", "elapsed");
  Cbc_setParameter(model.get(), "sec", std::to_string(seconds).c_str());
  // Relative gap 0: prove optimality (CBC's default would stop at a small gap).
  Cbc_setAllowableFractionGap(model.get(), 0.0);
  Cbc_setParameter(model.get(), "ratio", "0");
  Cbc_setParameter(model.get(), "allow", "0");

  Cbc_solve(model.get());

  MipOutcome out;
  out.infeasible = Cbc_isProvenInfeasible(model.get()) != 0;
  out.optimal = Cbc_isProvenOptimal(model.get()) != 0;
  const double* x = Cbc_getColSolution(model.get());
  const double* best = Cbc_bestSolution(model.get());
  const double* sol = best ? best : x;
  // A pure LP (no integer column) has no "best solution", only its optimal column values.
  const bool lp = std::none_of(p.m_integer.begin(), p.m_integer.end(), [](char c) { return c; });
  out.has_solution = !out.infeasible && (best != nullptr || (lp && out.optimal));
  if (out.has_solution) out.values.assign(sol, sol + n);
  out.objective = Cbc_getObjValue(model.get()) + p.constant();
  out.bound = Cbc_getBestPossibleObjValue(model.get()) + p.constant();
  if (out.optimal) out.bound = out.objective;
  const double slack = 1e-9 * std::max(1.0, std::abs(out.objective));
  const bool far_side =
      p.maximize() ? out.bound > out.objective + slack : out.bound < out.objective - slack;
  out.bound_known = out.optimal || (std::isfinite(out.bound) && std::abs(out.bound) < 1e30 &&
                                    (far_side || !out.has_solution));
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace planner
