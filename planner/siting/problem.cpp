#include "planner/siting/problem.h"
#include "planner/errors.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace planner {
namespace {

bool whole(double x) {
  return std::isfinite(x) && x == std::floor(x);
}

void check_value(double x, const char* what, std::size_t index) {
  if (!(std::isfinite(x) && x >= 0.0)) {
    throw InternalError(std::string(what) + " " + std::to_string(index) +
                        " is negative or not a number");
  }
}

}  // namespace

SitingProblem::SitingProblem(std::vector<double> demand_weight, std::vector<double> site_cost,
                             std::vector<SitingEntry> entries, std::vector<double> fixed_cost,
                             std::optional<double> unreached_cost)
    : m_weight(std::move(demand_weight)),
      m_site_cost(std::move(site_cost)),
      m_fixed(std::move(fixed_cost)) {
  const std::size_t n = m_weight.size();
  const std::size_t m = m_site_cost.size();
  if (m_fixed.empty()) m_fixed.assign(n, inf_time);
  if (m_fixed.size() != n) throw InternalError("one fixed cost per demand expected");
  for (std::size_t i = 0; i < n; ++i) {
    check_value(m_weight[i], "weight of demand", i);
    if (!(m_fixed[i] >= 0.0)) throw InternalError("negative fixed cost");
    m_integral_weights = m_integral_weights && whole(m_weight[i]);
    m_total_weight += m_weight[i];
  }
  for (std::size_t j = 0; j < m; ++j) {
    check_value(m_site_cost[j], "cost of candidate", j);
    m_integral_site_costs = m_integral_site_costs && whole(m_site_cost[j]);
  }
  for (const SitingEntry& e : entries) {
    if (e.demand >= n || e.candidate >= m) throw InternalError("pair index out of range");
    check_value(e.cost, "cost of a pair of demand", e.demand);
  }
  // By candidate, ascending demand; a repeated pair keeps its smaller cost.
  std::sort(entries.begin(), entries.end(), [](const SitingEntry& a, const SitingEntry& b) {
    if (a.candidate != b.candidate) return a.candidate < b.candidate;
    if (a.demand != b.demand) return a.demand < b.demand;
    return a.cost < b.cost;
  });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const SitingEntry& a, const SitingEntry& b) {
                              return a.candidate == b.candidate && a.demand == b.demand;
                            }),
                entries.end());
  double largest = 0.0;
  for (const SitingEntry& e : entries) {
    m_integral_costs = m_integral_costs && whole(e.cost);
    largest = std::max(largest, e.cost);
  }
  for (double f : m_fixed) {
    if (f != inf_time) {
      largest = std::max(largest, f);
      m_integral_costs = m_integral_costs && whole(f);
    }
  }
  m_unreached = unreached_cost.value_or(largest);
  if (!(m_unreached >= 0.0 && std::isfinite(m_unreached))) {
    throw InternalError("the cost of an unreached demand must be finite");
  }
  m_floor.resize(n);
  std::vector<char> reached(n, 0);
  for (const SitingEntry& e : entries) reached[e.demand] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    const bool nothing = !reached[i] && m_fixed[i] == inf_time;
    m_floor[i] = nothing ? 0.0 : std::min(m_fixed[i], m_unreached);
  }

  m_by_candidate_first.assign(m + 1, 0);
  m_by_candidate_demand.reserve(entries.size());
  m_by_candidate_cost.reserve(entries.size());
  for (const SitingEntry& e : entries) {
    ++m_by_candidate_first[e.candidate + 1];
    m_by_candidate_demand.push_back(e.demand);
    m_by_candidate_cost.push_back(e.cost);
  }
  std::partial_sum(m_by_candidate_first.begin(), m_by_candidate_first.end(),
                   m_by_candidate_first.begin());

  // By demand, ascending (cost, candidate): the order nearest-site scans rely on.
  std::sort(entries.begin(), entries.end(), [](const SitingEntry& a, const SitingEntry& b) {
    if (a.demand != b.demand) return a.demand < b.demand;
    if (a.cost != b.cost) return a.cost < b.cost;
    return a.candidate < b.candidate;
  });
  m_by_demand_first.assign(n + 1, 0);
  m_by_demand_candidate.reserve(entries.size());
  m_by_demand_cost.reserve(entries.size());
  for (const SitingEntry& e : entries) {
    ++m_by_demand_first[e.demand + 1];
    m_by_demand_candidate.push_back(e.candidate);
    m_by_demand_cost.push_back(e.cost);
  }
  std::partial_sum(m_by_demand_first.begin(), m_by_demand_first.end(), m_by_demand_first.begin());
}

void SitingProblem::set_capacities(std::vector<double> capacity, std::vector<char> always_open) {
  if (capacity.size() != candidate_count()) throw InternalError("one capacity per candidate");
  if (!always_open.empty() && always_open.size() != candidate_count()) {
    throw InternalError("one always-open flag per candidate");
  }
  for (std::size_t j = 0; j < capacity.size(); ++j)
    check_value(capacity[j], "capacity of candidate", j);
  m_capacity = std::move(capacity);
  m_always_open = std::move(always_open);
  m_has_capacities = true;
}

std::span<const std::uint32_t> SitingProblem::demands_of(std::uint32_t candidate) const {
  const std::uint32_t a = m_by_candidate_first[candidate], b = m_by_candidate_first[candidate + 1];
  return std::span<const std::uint32_t>(m_by_candidate_demand).subspan(a, b - a);
}

std::span<const double> SitingProblem::costs_of(std::uint32_t candidate) const {
  const std::uint32_t a = m_by_candidate_first[candidate], b = m_by_candidate_first[candidate + 1];
  return std::span<const double>(m_by_candidate_cost).subspan(a, b - a);
}

std::span<const std::uint32_t> SitingProblem::candidates_of(std::uint32_t demand) const {
  const std::uint32_t a = m_by_demand_first[demand], b = m_by_demand_first[demand + 1];
  return std::span<const std::uint32_t>(m_by_demand_candidate).subspan(a, b - a);
}

std::span<const double> SitingProblem::costs_to(std::uint32_t demand) const {
  const std::uint32_t a = m_by_demand_first[demand], b = m_by_demand_first[demand + 1];
  return std::span<const double>(m_by_demand_cost).subspan(a, b - a);
}

}  // namespace planner
