#include "planner/coverage/accessibility.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "planner/coverage/access_matrix.h"
#include "planner/coverage/access_scores.h"
#include "planner/coverage/evaluation.h"

namespace planner {
namespace {

/// S_j per matrix row: the center's capacity, 0 without one (counted). A negative or non-finite
/// capacity cannot be shared out and is refused, naming the center.
std::vector<double> row_capacities(const Inputs& inputs, const AccessMatrix& matrix,
                                   std::uint32_t& without) {
  std::vector<double> capacity(matrix.rows(), 0.0);
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    const Center& c = inputs.centers[matrix.center[r]];
    if (!c.capacity) {
      ++without;
      continue;
    }
    if (!std::isfinite(*c.capacity) || *c.capacity < 0.0) {
      char got[32];
      std::snprintf(got, sizeof got, "%g", *c.capacity);
      throw InvalidValue("center " + c.id + ": capacity must be a number at least 0 (got " + got +
                         ")");
    }
    capacity[r] = *c.capacity;
  }
  return capacity;
}

bool has_access_point(const BlockSite& site) {
  return std::any_of(site.access.begin(), site.access.end(),
                     [](const SnappedPoint& p) { return p.snap.has_value(); });
}

/// Indices i with value(i) set, ordered by value (descending or ascending), then id, then index.
template <typename Value, typename Id>
std::vector<std::uint32_t> ordered(std::size_t count, Value value, Id id, bool descending) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (value(i)) out.push_back(i);
  }
  std::sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double va = *value(a), vb = *value(b);
    if (va != vb) return descending ? va > vb : va < vb;
    if (id(a) != id(b)) return id(a) < id(b);  // std::string compares bytewise
    return a < b;
  });
  return out;
}

std::vector<std::uint32_t> first_n(std::vector<std::uint32_t> v, std::size_t n) {
  if (v.size() > n) v.resize(n);
  return v;
}

/// demand, ratio and load per center from the first method's figures.
void center_figures(const AccessMatrix& matrix, const MethodScores& first,
                    std::span<const double> capacity, std::size_t center_count, AccessResult& out) {
  out.demand.assign(center_count, std::nullopt);
  out.ratio.assign(center_count, std::nullopt);
  out.load.assign(center_count, std::nullopt);
  double sum_demand = 0.0, sum_capacity = 0.0;
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    const std::uint32_t c = matrix.center[r];
    out.demand[c] = first.demand[r];
    if (first.ratio[r]) out.ratio[c] = 1000.0 * *first.ratio[r];
    if (capacity[r] > 0.0) {
      sum_demand += first.demand[r];
      sum_capacity += capacity[r];
    }
  }
  if (!(sum_demand > 0.0)) return;  // no center with capacity has anyone to serve
  const double average = sum_demand / sum_capacity;
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    // Without demand a center has no load to compare (its demand, 0, says it is idle).
    if (capacity[r] > 0.0 && first.demand[r] > 0.0) {
      out.load[matrix.center[r]] = first.demand[r] / capacity[r] / average;
    }
  }
}

/// rank, most_loaded and worst_served from the first method's scores and the loads.
void orderings(const Inputs& inputs, std::span<const double> pop, AccessResult& out) {
  const auto& score = out.score.front();
  auto block_id = [&](std::uint32_t b) -> const std::string& { return inputs.blocks[b].id; };
  const auto by_score = ordered(
      score.size(), [&](std::uint32_t b) { return score[b]; }, block_id, true);
  out.rank.assign(score.size(), std::nullopt);
  for (std::size_t k = 0; k < by_score.size(); ++k) {
    out.rank[by_score[k]] = static_cast<std::uint32_t>(k + 1);
  }
  auto center_id = [&](std::uint32_t c) -> const std::string& { return inputs.centers[c].id; };
  out.most_loaded =
      first_n(ordered(
                  out.load.size(), [&](std::uint32_t c) { return out.load[c]; }, center_id, true),
              access_list_length);
  auto populated_score = [&](std::uint32_t b) {
    return pop[b] > 0.0 ? score[b] : std::optional<double>{};
  };
  out.worst_served =
      first_n(ordered(score.size(), populated_score, block_id, false), access_list_length);
}

}  // namespace

AccessResult measure_access(const Network& network, const WalkTimes& walk, const Inputs& inputs,
                            const Evaluation& evaluation, const AccessParams& params,
                            unsigned threads, const CancelToken& cancel) {
  AccessResult out;
  out.t0_minutes = resolved_t0_minutes(params, evaluation.cover_s / 60.0);
  validate(params, out.t0_minutes);
  // With t0 = the cover threshold, the pairs kept are exactly the walks coverage calls covered.
  const double t0_s = params.t0_minutes == 0.0 ? evaluation.cover_s : out.t0_minutes * 60.0;
  out.methods = params.methods;
  out.steps = resolved_steps(params, out.t0_minutes);

  const AccessMatrix matrix =
      access_matrix(network, walk, evaluation.sites, evaluation.sources, t0_s, threads, cancel);
  out.pairs = matrix.pairs.size();
  const std::vector<double> capacity = row_capacities(inputs, matrix, out.centers_without_capacity);
  std::vector<double> pop(inputs.blocks.size());
  for (std::size_t b = 0; b < pop.size(); ++b) pop[b] = inputs.blocks[b].pop.value_or(0.0);

  for (std::size_t m = 0; m < out.methods.size(); ++m) {
    cancel.check();
    const MethodScores s = score_access(matrix, out.methods[m], t0_s, out.steps, pop, capacity);
    std::vector<std::optional<double>> score(pop.size());
    for (std::size_t b = 0; b < pop.size(); ++b) {
      if (has_access_point(evaluation.sites[b])) score[b] = 1000.0 * s.access[b];
    }
    out.score.push_back(std::move(score));
    if (m == 0) center_figures(matrix, s, capacity, inputs.centers.size(), out);
  }
  orderings(inputs, pop, out);
  return out;
}

}  // namespace planner
