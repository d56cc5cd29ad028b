#include "planner/siting/solvers/greedy.h"

#include <algorithm>
#include <queue>

namespace planner {
namespace {

/// A heap entry: a possibly stale score and its column.
struct Scored {
  double score;
  std::uint32_t column;
};

/// Larger score first, then smaller column.
struct MaxFirst {
  bool operator()(const Scored& a, const Scored& b) const {
    if (a.score != b.score) return a.score < b.score;
    return a.column > b.column;
  }
};

/// Smaller score first, then smaller column.
struct MinFirst {
  bool operator()(const Scored& a, const Scored& b) const {
    if (a.score != b.score) return a.score > b.score;
    return a.column > b.column;
  }
};

double uncovered_weight(const CoverSets& sets, std::uint32_t c, const std::vector<char>& covered) {
  double w = 0.0;
  for (std::uint32_t r : sets.rows_of(c)) w += covered[r] ? 0.0 : sets.row_weight(r);
  return w;
}

std::uint32_t uncovered_rows(const CoverSets& sets, std::uint32_t c,
                             const std::vector<char>& covered) {
  std::uint32_t n = 0;
  for (std::uint32_t r : sets.rows_of(c)) n += covered[r] ? 0 : 1;
  return n;
}

}  // namespace

std::vector<std::uint32_t> greedy_max_cover(const CoverSets& sets, std::uint32_t k,
                                            std::vector<double>* cum_weight) {
  std::vector<char> covered(sets.row_count(), 0);
  std::priority_queue<Scored, std::vector<Scored>, MaxFirst> heap;
  for (std::uint32_t c = 0; c < sets.column_count(); ++c) {
    const double w = uncovered_weight(sets, c, covered);
    if (w > 0.0) heap.push({w, c});
  }
  std::vector<std::uint32_t> picked;
  double total = 0.0;
  if (cum_weight) cum_weight->clear();
  while (picked.size() < k && !heap.empty()) {
    Scored top = heap.top();
    heap.pop();
    top.score = uncovered_weight(sets, top.column, covered);
    if (top.score <= 0.0) continue;
    // A fresh score that still beats every stale one (upper bounds) is the true best.
    if (!heap.empty() && MaxFirst{}(top, heap.top())) {
      heap.push(top);
      continue;
    }
    picked.push_back(top.column);
    for (std::uint32_t r : sets.rows_of(top.column)) covered[r] = 1;
    total += top.score;
    if (cum_weight) cum_weight->push_back(total);
  }
  return picked;
}

double swap_max_cover(const CoverSets& sets, std::vector<std::uint32_t>& sites) {
  const std::size_t m = sets.column_count();
  std::vector<std::uint32_t> count(sets.row_count(), 0);
  std::vector<std::uint64_t> owner_sum(sets.row_count(), 0);  // sum of covering sites' indices
  std::vector<char> open(m, 0);
  auto add = [&](std::uint32_t c, int sign) {
    for (std::uint32_t r : sets.rows_of(c)) {
      count[r] += sign;
      owner_sum[r] += sign > 0 ? c : -static_cast<std::uint64_t>(c);
    }
    open[c] = sign > 0 ? 1 : 0;
  };
  for (std::uint32_t s : sites) add(s, 1);
  std::vector<double> loss(m, 0.0), bonus(m, 0.0);
  const double scale = std::max(1.0, sets.open_weight());
  for (int round = 0; round < 10000; ++round) {
    // loss[s]: weight only s covers. Swapping s for c keeps the part of it c covers too.
    for (std::uint32_t s : sites) loss[s] = 0.0;
    for (std::uint32_t r = 0; r < sets.row_count(); ++r) {
      if (count[r] == 1) loss[owner_sum[r]] += sets.row_weight(r);
    }
    double best = 1e-12 * scale;
    std::uint32_t best_in = invalid_id, best_out = invalid_id;
    for (std::uint32_t c = 0; c < m; ++c) {
      if (open[c]) continue;
      double gain = 0.0;
      for (std::uint32_t r : sets.rows_of(c)) {
        if (count[r] == 0) gain += sets.row_weight(r);
        if (count[r] == 1) bonus[owner_sum[r]] += sets.row_weight(r);
      }
      for (std::uint32_t s : sites) {
        const double delta = gain - loss[s] + bonus[s];
        // Columns are scanned in ascending order, so an equal delta only wins on a smaller s.
        if (delta > best || (delta == best && c == best_in && s < best_out)) {
          best = delta;
          best_in = c;
          best_out = s;
        }
      }
      for (std::uint32_t r : sets.rows_of(c)) {
        if (count[r] == 1) bonus[owner_sum[r]] = 0.0;
      }
    }
    if (best_in == invalid_id) break;
    add(best_out, -1);
    add(best_in, 1);
    *std::find(sites.begin(), sites.end(), best_out) = best_in;
  }
  double covered = 0.0;
  for (std::uint32_t r = 0; r < sets.row_count(); ++r) covered += count[r] ? sets.row_weight(r) : 0;
  return covered;
}

void complete_cover(const CoverSets& sets, std::span<const double> column_cost,
                    std::vector<std::uint32_t>& chosen) {
  std::vector<char> covered(sets.row_count(), 0);
  std::vector<char> in(sets.column_count(), 0);
  std::size_t left = sets.row_count();
  for (std::uint32_t c : chosen) {
    in[c] = 1;
    for (std::uint32_t r : sets.rows_of(c)) {
      left -= covered[r] ? 0 : 1;
      covered[r] = 1;
    }
  }
  std::priority_queue<Scored, std::vector<Scored>, MinFirst> heap;
  for (std::uint32_t c = 0; c < sets.column_count(); ++c) {
    if (in[c] || column_cost[c] < 0.0) continue;
    const std::uint32_t n = uncovered_rows(sets, c, covered);
    if (n > 0) heap.push({column_cost[c] / n, c});
  }
  while (left > 0 && !heap.empty()) {
    Scored top = heap.top();
    heap.pop();
    const std::uint32_t n = uncovered_rows(sets, top.column, covered);
    if (n == 0) continue;
    top.score = column_cost[top.column] / n;
    if (!heap.empty() && MinFirst{}(top, heap.top())) {
      heap.push(top);
      continue;
    }
    chosen.push_back(top.column);
    for (std::uint32_t r : sets.rows_of(top.column)) {
      left -= covered[r] ? 0 : 1;
      covered[r] = 1;
    }
  }
  drop_redundant(sets, column_cost, chosen);
}

void drop_redundant(const CoverSets& sets, std::span<const double> column_cost,
                    std::vector<std::uint32_t>& chosen) {
  std::vector<std::uint32_t> count(sets.row_count(), 0);
  for (std::uint32_t c : chosen) {
    for (std::uint32_t r : sets.rows_of(c)) ++count[r];
  }
  std::vector<std::uint32_t> order = chosen;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (column_cost[a] != column_cost[b]) return column_cost[a] > column_cost[b];
    return a > b;
  });
  std::vector<char> keep(sets.column_count(), 0);
  for (std::uint32_t c : chosen) keep[c] = 1;
  for (std::uint32_t c : order) {
    const auto rows = sets.rows_of(c);
    if (std::all_of(rows.begin(), rows.end(), [&](std::uint32_t r) { return count[r] >= 2; })) {
      keep[c] = 0;
      for (std::uint32_t r : rows) --count[r];
    }
  }
  std::erase_if(chosen, [&](std::uint32_t c) { return !keep[c]; });
}

bool covers_all(const CoverSets& sets, std::span<const std::uint32_t> columns) {
  std::vector<char> covered(sets.row_count(), 0);
  for (std::uint32_t c : columns) {
    for (std::uint32_t r : sets.rows_of(c)) covered[r] = 1;
  }
  return std::all_of(covered.begin(), covered.end(), [](char x) { return x != 0; });
}

}  // namespace planner
