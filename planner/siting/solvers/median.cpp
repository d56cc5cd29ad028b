#include "planner/siting/solvers/median.h"

#include <algorithm>
#include <queue>

namespace planner {
namespace {

/// Each demand's nearest and second-nearest open site (or the floor).
struct Nearest {
  std::vector<double> d1, d2;
  std::vector<std::uint32_t> s1;  ///< invalid_id: the floor serves it
};

void find_nearest(const SitingProblem& p, const std::vector<char>& open, Nearest& n) {
  const std::size_t count = p.demand_count();
  n.d1.resize(count);
  n.d2.resize(count);
  n.s1.resize(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const double floor = p.floor_cost(i);
    n.d1[i] = n.d2[i] = floor;
    n.s1[i] = invalid_id;
    const auto cands = p.candidates_of(i);
    const auto costs = p.costs_to(i);
    for (std::size_t a = 0; a < cands.size() && costs[a] < floor; ++a) {
      if (!open[cands[a]]) continue;
      if (n.s1[i] == invalid_id) {
        n.d1[i] = costs[a];
        n.s1[i] = cands[a];
      } else {
        n.d2[i] = costs[a];
        break;
      }
    }
  }
}

double gain_of(const SitingProblem& p, std::uint32_t j, const std::vector<double>& d1) {
  const auto dem = p.demands_of(j);
  const auto cost = p.costs_of(j);
  double g = 0.0;
  for (std::size_t a = 0; a < dem.size(); ++a) {
    if (cost[a] < d1[dem[a]]) g += p.weight(dem[a]) * (d1[dem[a]] - cost[a]);
  }
  return g;
}

struct SiteGain {
  double gain;
  std::uint32_t site;
};
struct LargestGainFirst {
  bool operator()(const SiteGain& a, const SiteGain& b) const {
    if (a.gain != b.gain) return a.gain < b.gain;
    return a.site > b.site;
  }
};

bool flag(std::span<const char> mask, std::uint32_t j) {
  return !mask.empty() && mask[j];
}

}  // namespace

double median_cost(const SitingProblem& p, std::span<const std::uint32_t> sites) {
  std::vector<char> open(p.candidate_count(), 0);
  for (std::uint32_t s : sites) open[s] = 1;
  Nearest n;
  find_nearest(p, open, n);
  double total = 0.0;
  for (std::uint32_t i = 0; i < p.demand_count(); ++i) total += p.weight(i) * n.d1[i];
  return total;
}

std::vector<std::uint32_t> greedy_median(const SitingProblem& p, std::uint32_t k,
                                         std::span<const char> blocked) {
  std::vector<std::uint32_t> sites;
  extend_median(p, sites, k, blocked);
  return sites;
}

void extend_median(const SitingProblem& p, std::vector<std::uint32_t>& sites, std::uint32_t k,
                   std::span<const char> blocked) {
  std::vector<double> d1(p.demand_count());
  for (std::uint32_t i = 0; i < d1.size(); ++i) d1[i] = p.floor_cost(i);
  std::vector<char> open(p.candidate_count(), 0);
  auto open_site = [&](std::uint32_t j) {
    open[j] = 1;
    const auto dem = p.demands_of(j);
    const auto cost = p.costs_of(j);
    for (std::size_t a = 0; a < dem.size(); ++a) d1[dem[a]] = std::min(d1[dem[a]], cost[a]);
  };
  for (std::uint32_t s : sites) open_site(s);
  std::priority_queue<SiteGain, std::vector<SiteGain>, LargestGainFirst> heap;
  for (std::uint32_t j = 0; j < p.candidate_count(); ++j) {
    if (open[j] || flag(blocked, j)) continue;
    const double g = gain_of(p, j, d1);
    if (g > 0.0) heap.push({g, j});
  }
  while (sites.size() < k && !heap.empty()) {
    SiteGain top = heap.top();
    heap.pop();
    top.gain = gain_of(p, top.site, d1);  // gains only shrink: a stale one is an upper bound
    if (top.gain <= 0.0) continue;
    if (!heap.empty() && LargestGainFirst{}(top, heap.top())) {
      heap.push(top);
      continue;
    }
    sites.push_back(top.site);
    open_site(top.site);
  }
}

double swap_median(const SitingProblem& p, std::vector<std::uint32_t>& sites,
                   std::span<const char> blocked, std::span<const char> pinned,
                   std::uint64_t* passes) {
  const std::size_t m = p.candidate_count();
  std::vector<char> open(m, 0);
  for (std::uint32_t s : sites) open[s] = 1;
  Nearest n;
  std::vector<double> loss(m, 0.0), extra(m, 0.0);
  std::vector<std::uint32_t> touched;
  double total = 0.0;
  for (std::size_t round = 0; round < 100 * m + 100; ++round) {
    if (passes) ++*passes;
    find_nearest(p, open, n);
    total = 0.0;
    for (std::uint32_t s : sites) loss[s] = 0.0;
    for (std::uint32_t i = 0; i < p.demand_count(); ++i) {
      total += p.weight(i) * n.d1[i];
      if (n.s1[i] != invalid_id) loss[n.s1[i]] += p.weight(i) * (n.d2[i] - n.d1[i]);
    }
    // Improvement of swapping r out and j in: gain(j) - loss(r) + extra_j(r), where extra_j(r)
    // is the part of r's loss that j would take over.
    double best = 1e-12 * std::max(1.0, total);
    std::uint32_t best_in = invalid_id, best_out = invalid_id;
    for (std::uint32_t j = 0; j < m; ++j) {
      if (open[j] || flag(blocked, j)) continue;
      const auto dem = p.demands_of(j);
      const auto cost = p.costs_of(j);
      double gain = 0.0;
      for (std::size_t a = 0; a < dem.size(); ++a) {
        const std::uint32_t i = dem[a];
        const double c = cost[a];
        if (c >= n.d2[i]) continue;
        const double w = p.weight(i);
        const std::uint32_t r = n.s1[i];
        if (c < n.d1[i]) {
          gain += w * (n.d1[i] - c);
          if (r != invalid_id) {
            if (extra[r] == 0.0) touched.push_back(r);
            extra[r] += w * (n.d2[i] - n.d1[i]);
          }
        } else if (r != invalid_id) {
          if (extra[r] == 0.0) touched.push_back(r);
          extra[r] += w * (n.d2[i] - c);
        }
      }
      for (std::uint32_t r : sites) {
        if (flag(pinned, r)) continue;
        const double improvement = gain - loss[r] + extra[r];
        // j ascends, so an equal improvement only wins on a smaller r for the same j.
        if (improvement > best || (improvement == best && j == best_in && r < best_out)) {
          best = improvement;
          best_in = j;
          best_out = r;
        }
      }
      for (std::uint32_t r : touched) extra[r] = 0.0;
      touched.clear();
    }
    if (best_in == invalid_id) break;
    open[best_out] = 0;
    open[best_in] = 1;
    *std::find(sites.begin(), sites.end(), best_out) = best_in;
  }
  return total;
}

}  // namespace planner
