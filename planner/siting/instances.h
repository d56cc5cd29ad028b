// SitingProblems from the shapes benchmark instances come in: a weighted graph whose vertices are
// both demand points and candidates (OR-Library p-median: costs are all-pairs shortest paths),
// and a 0/1 set-covering matrix with column costs (OR-Library scp: lscp at threshold 0).
#pragma once

#include <cstdint>
#include <vector>

#include "planner/siting/problem.h"

namespace planner {

struct WeightedEdge {
  std::uint32_t a = 0, b = 0;  ///< 0-based vertices
  double cost = 0.0;
};

/// Every vertex a demand (weight 1) and a candidate (cost 1), every pair at its shortest-path
/// cost over the undirected edges (Dijkstra from each vertex). Pairs in different components
/// are missing.
SitingProblem graph_problem(std::uint32_t vertex_count, const std::vector<WeightedEdge>& edges);

/// Rows are demands (weight 1), columns candidates with their costs; column j covers row i at
/// cost 0 when it is listed for it. Solve as lscp with threshold 0.
SitingProblem set_cover_problem(const std::vector<double>& column_cost,
                                const std::vector<std::vector<std::uint32_t>>& row_columns);

}  // namespace planner
