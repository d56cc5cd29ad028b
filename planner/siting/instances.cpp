#include "planner/siting/instances.h"
#include "planner/errors.h"

#include <functional>
#include <queue>
#include <stdexcept>
#include <utility>

namespace planner {

SitingProblem graph_problem(std::uint32_t n, const std::vector<WeightedEdge>& edges) {
  std::vector<std::uint32_t> first(n + 1, 0);
  for (const WeightedEdge& e : edges) {
    if (e.a >= n || e.b >= n) throw InternalError("edge vertex out of range");
    ++first[e.a + 1];
    ++first[e.b + 1];
  }
  for (std::uint32_t v = 0; v < n; ++v) first[v + 1] += first[v];
  std::vector<std::pair<std::uint32_t, double>> adj(first[n]);
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  for (const WeightedEdge& e : edges) {
    adj[next[e.a]++] = {e.b, e.cost};
    adj[next[e.b]++] = {e.a, e.cost};
  }
  std::vector<SitingEntry> entries;
  entries.reserve(static_cast<std::size_t>(n) * n);
  std::vector<double> dist(n);
  using Item = std::pair<double, std::uint32_t>;
  for (std::uint32_t s = 0; s < n; ++s) {
    std::fill(dist.begin(), dist.end(), inf_time);
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    dist[s] = 0.0;
    heap.push({0.0, s});
    while (!heap.empty()) {
      const auto [d, v] = heap.top();
      heap.pop();
      if (d > dist[v]) continue;
      for (std::uint32_t a = first[v]; a < first[v + 1]; ++a) {
        const double nd = d + adj[a].second;
        if (nd < dist[adj[a].first]) {
          dist[adj[a].first] = nd;
          heap.push({nd, adj[a].first});
        }
      }
    }
    // Candidate s serves demand v at dist[v] (undirected: the same both ways).
    for (std::uint32_t v = 0; v < n; ++v) {
      if (dist[v] != inf_time) entries.push_back({v, s, dist[v]});
    }
  }
  return SitingProblem(std::vector<double>(n, 1.0), std::vector<double>(n, 1.0),
                       std::move(entries));
}

SitingProblem set_cover_problem(const std::vector<double>& column_cost,
                                const std::vector<std::vector<std::uint32_t>>& row_columns) {
  std::vector<SitingEntry> entries;
  for (std::uint32_t r = 0; r < row_columns.size(); ++r) {
    for (std::uint32_t c : row_columns[r]) entries.push_back({r, c, 0.0});
  }
  return SitingProblem(std::vector<double>(row_columns.size(), 1.0), column_cost,
                       std::move(entries));
}

}  // namespace planner
