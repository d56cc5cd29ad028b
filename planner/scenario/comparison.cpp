#include "planner/scenario/comparison.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace planner {
namespace {

ScopeFigures figures_of(std::string scope, const Totals& t, bool has_population) {
  ScopeFigures f;
  f.scope = std::move(scope);
  f.blocks = t.blocks;
  f.covered = t.covered;
  if (has_population) {
    f.pop = t.pop;
    f.covered_pop = t.covered_pop;
  }
  f.covered_share = covered_share(t, has_population);
  return f;
}

/// Index pairs (before, after) of items matched by id; the k-th occurrence of an id on one side
/// goes with its k-th occurrence on the other. Sorted by id, then occurrence.
template <typename Item>
std::vector<std::pair<std::uint32_t, std::uint32_t>> match_by_id(const std::vector<Item>& before,
                                                                 const std::vector<Item>& after) {
  std::map<std::pair<std::string, std::uint32_t>, std::pair<std::uint32_t, std::uint32_t>> keyed;
  std::map<std::string, std::uint32_t> seen;
  for (std::uint32_t i = 0; i < before.size(); ++i) {
    keyed[{before[i].id, seen[before[i].id]++}] = {i, invalid_id};
  }
  seen.clear();
  for (std::uint32_t i = 0; i < after.size(); ++i) {
    auto [it, inserted] =
        keyed.try_emplace({after[i].id, seen[after[i].id]++}, invalid_id, invalid_id);
    it->second.second = i;
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  pairs.reserve(keyed.size());
  for (const auto& [key, indices] : keyed) pairs.push_back(indices);
  return pairs;
}

bool is_covered(CoverStatus status) {
  return status == CoverStatus::covered;
}

bool same_minutes(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::abs(*a - *b) <= minutes_tolerance;
}

BlockChangeKind kind_of(const BlockResult& b, const BlockResult& a, const BlockChange& change) {
  if (!is_covered(b.status) && is_covered(a.status)) return BlockChangeKind::newly_covered;
  if (is_covered(b.status) && !is_covered(a.status)) return BlockChangeKind::newly_uncovered;
  if (b.status != a.status) return BlockChangeKind::status;
  if (!same_minutes(b.minutes, a.minutes)) return BlockChangeKind::minutes;
  if (b.center_id != a.center_id) return BlockChangeKind::center;
  for (std::size_t m = 0; m < change.access_before.size(); ++m) {
    if (!same_score(change.access_before[m], change.access_after[m])) {
      return BlockChangeKind::access;
    }
  }
  return BlockChangeKind::unchanged;
}

/// Per method, blocks scored on both sides that are better or worse served after.
void count_access(std::vector<AccessChange>& changes, const BlockChange& change) {
  for (std::size_t m = 0; m < changes.size(); ++m) {
    const std::optional<double>& b = change.access_before[m];
    const std::optional<double>& a = change.access_after[m];
    if (!b || !a) continue;
    ++changes[m].compared;
    if (same_score(b, a)) continue;
    ++(*a > *b ? changes[m].higher : changes[m].lower);
  }
}

void count(ComparisonCounts& counts, const BlockChange& change) {
  switch (change.kind) {
    case BlockChangeKind::newly_covered:
      ++counts.newly_covered;
      break;
    case BlockChangeKind::newly_uncovered:
      ++counts.newly_uncovered;
      break;
    case BlockChangeKind::status:
      ++counts.status;
      break;
    case BlockChangeKind::minutes:
      ++counts.minutes;
      break;
    case BlockChangeKind::center:
      ++counts.center;
      break;
    case BlockChangeKind::access:
      ++counts.access;
      break;
    case BlockChangeKind::removed:
      ++counts.removed;
      break;
    case BlockChangeKind::added:
      ++counts.added;
      break;
    case BlockChangeKind::unchanged:
      ++counts.unchanged;
      break;
  }
  if (change.minutes_change && std::abs(*change.minutes_change) > minutes_tolerance) {
    ++(*change.minutes_change < 0.0 ? counts.minutes_lower : counts.minutes_higher);
  }
}

BlockChange block_change(const ResultSnapshot& before, const ResultSnapshot& after,
                         const std::vector<AccessMethod>& methods, std::uint32_t bi,
                         std::uint32_t ai) {
  BlockChange change;
  change.before_index = bi;
  change.after_index = ai;
  const BlockResult* b = bi == invalid_id ? nullptr : &before.blocks[bi];
  const BlockResult* a = ai == invalid_id ? nullptr : &after.blocks[ai];
  const BlockResult& named = a != nullptr ? *a : *b;
  change.id = named.id;
  change.name = named.name;
  change.community = named.community;
  change.pop = named.pop;
  if (b != nullptr) {
    change.minutes_before = b->minutes;
    change.status_before = b->status;
    change.center_before = b->center_id;
  }
  if (a != nullptr) {
    change.minutes_after = a->minutes;
    change.status_after = a->status;
    change.center_after = a->center_id;
  }
  if (change.minutes_before && change.minutes_after) {
    change.minutes_change = *change.minutes_after - *change.minutes_before;
  }
  if (!methods.empty()) {
    const std::vector<std::optional<double>> none(methods.size());
    change.access_before =
        b != nullptr ? scores_for(before.access_methods, b->access, methods) : none;
    change.access_after =
        a != nullptr ? scores_for(after.access_methods, a->access, methods) : none;
  }
  if (b == nullptr) {
    change.kind = BlockChangeKind::added;
  } else if (a == nullptr) {
    change.kind = BlockChangeKind::removed;
  } else {
    change.kind = kind_of(*b, *a, change);
  }
  return change;
}

CenterChange center_change(const ResultSnapshot& before, const ResultSnapshot& after,
                           std::uint32_t bi, std::uint32_t ai) {
  CenterChange change;
  change.before_index = bi;
  change.after_index = ai;
  const CenterResult* b = bi == invalid_id ? nullptr : &before.centers[bi];
  const CenterResult* a = ai == invalid_id ? nullptr : &after.centers[ai];
  const CenterResult& named = a != nullptr ? *a : *b;
  change.id = named.id;
  change.name = named.name;
  change.tier = named.tier;
  if (b != nullptr) {
    change.reach_blk_before = b->reach_blk;
    change.reach_pop_before = b->reach_pop;
    change.served_blk_before = b->served_blk;
    change.served_pop_before = b->served_pop;
  }
  if (a != nullptr) {
    change.reach_blk_after = a->reach_blk;
    change.reach_pop_after = a->reach_pop;
    change.served_blk_after = a->served_blk;
    change.served_pop_after = a->served_pop;
  }
  if (b == nullptr) {
    change.kind = CenterChangeKind::opened;
  } else if (a == nullptr) {
    change.kind = CenterChangeKind::closed;
  }
  return change;
}

/// Scope order: "all", then tiers, then communities, each sorted by name.
int scope_rank(const std::string& scope) {
  if (scope == "all") return 0;
  if (scope.rfind("tier:", 0) == 0) return 1;
  if (scope.rfind("community:", 0) == 0) return 2;
  return 3;
}

}  // namespace

std::string_view to_string(BlockChangeKind kind) {
  switch (kind) {
    case BlockChangeKind::newly_covered:
      return "newly_covered";
    case BlockChangeKind::newly_uncovered:
      return "newly_uncovered";
    case BlockChangeKind::status:
      return "status";
    case BlockChangeKind::minutes:
      return "minutes";
    case BlockChangeKind::center:
      return "center";
    case BlockChangeKind::access:
      return "access";
    case BlockChangeKind::removed:
      return "removed";
    case BlockChangeKind::added:
      return "added";
    case BlockChangeKind::unchanged:
      break;
  }
  return "unchanged";
}

std::string_view to_string(CenterChangeKind kind) {
  switch (kind) {
    case CenterChangeKind::opened:
      return "opened";
    case CenterChangeKind::closed:
      return "closed";
    case CenterChangeKind::kept:
      break;
  }
  return "kept";
}

std::vector<StandardTierChange> standard_changes(const std::vector<ComplianceRow>& before,
                                                 const std::vector<ComplianceRow>& after) {
  std::vector<StandardTierChange> out;
  auto slot = [&](const std::string& tier) -> StandardTierChange& {
    for (StandardTierChange& c : out) {
      if (c.std_tier == tier) return c;
    }
    out.push_back({tier, std::nullopt, std::nullopt});
    return out.back();
  };
  for (const ComplianceRow& r : before) {
    if (r.scope == "all") slot(r.std_tier).before = r;
  }
  for (const ComplianceRow& r : after) {
    if (r.scope == "all") slot(r.std_tier).after = r;
  }
  return out;
}

ResultSnapshot snapshot_of(const Inputs& inputs, const Evaluation& ev,
                           const std::vector<CenterReach>* reach) {
  ResultSnapshot s;
  s.has_population = ev.has_population;
  s.cover_minutes = ev.cover_s / 60.0;
  s.blocks.reserve(inputs.blocks.size());
  for (std::size_t i = 0; i < inputs.blocks.size(); ++i) {
    const Block& block = inputs.blocks[i];
    const BlockCoverage& cov = ev.blocks[i];
    BlockResult r;
    r.id = block.id;
    r.name = block.name;
    const std::uint32_t comm = ev.communities.block_community[i];
    if (comm != invalid_id) r.community = ev.communities.ids[comm];
    r.pop = block.pop;
    if (cov.time_s != inf_time) r.minutes = cov.time_s / 60.0;
    r.status = cov.status;
    if (cov.center != invalid_id) {
      r.center_id = inputs.centers[cov.center].id;
      r.center_tier = inputs.centers[cov.center].tier;
    }
    r.shape = block.shape;
    if (ev.access) {
      for (const auto& scores : ev.access->score) r.access.push_back(scores[i]);
    }
    if (ev.standard) r.tiers_met = ev.standard->tiers_met[i];
    s.blocks.push_back(std::move(r));
  }
  s.centers.reserve(inputs.centers.size());
  for (std::size_t c = 0; c < inputs.centers.size(); ++c) {
    const Center& center = inputs.centers[c];
    const CenterOutcome& out = ev.centers[c];
    CenterResult r;
    r.id = center.id;
    r.name = center.name;
    r.tier = center.tier;
    r.attached = out.snap.has_value();
    if (reach != nullptr) {
      r.reach_blk = (*reach)[c].blocks;
      if (ev.has_population) r.reach_pop = (*reach)[c].pop;
    }
    r.served_blk = out.served_blk;
    if (ev.has_population) r.served_pop = out.served_pop;
    r.pos = center.pos;
    s.centers.push_back(std::move(r));
  }
  s.scopes.push_back(figures_of("all", ev.totals, ev.has_population));
  for (const TierTotals& tier : ev.tiers) {
    s.scopes.push_back(figures_of("tier:" + tier.tier, tier.totals, ev.has_population));
  }
  for (std::size_t c = 0; c < ev.communities.ids.size(); ++c) {
    s.scopes.push_back(figures_of("community:" + ev.communities.ids[c], ev.community_totals[c],
                                  ev.has_population));
  }
  if (ev.standard) {
    s.compliance = ev.standard->compliance;
    s.standard_tiers = static_cast<std::uint32_t>(ev.standard->values.size());
  }
  s.grids = static_cast<std::uint32_t>(ev.grids.ids.size());
  s.grids_without_point = grids_without_point(ev.grids, ev.grid_outcomes);
  if (ev.access) s.access_methods = ev.access->methods;
  return s;
}

Comparison compare(const ResultSnapshot& before, const ResultSnapshot& after) {
  Comparison out;
  out.has_population = before.has_population || after.has_population;
  out.access_methods = shared_access_methods(before.access_methods, after.access_methods);
  for (AccessMethod m : out.access_methods) out.access.push_back({m, 0, 0, 0});
  for (const auto& [bi, ai] : match_by_id(before.blocks, after.blocks)) {
    out.blocks.push_back(block_change(before, after, out.access_methods, bi, ai));
    count(out.counts, out.blocks.back());
    count_access(out.access, out.blocks.back());
  }
  for (const auto& [bi, ai] : match_by_id(before.centers, after.centers)) {
    out.centers.push_back(center_change(before, after, bi, ai));
    const CenterChange& c = out.centers.back();
    if (c.kind == CenterChangeKind::opened) ++out.counts.centers_opened;
    if (c.kind == CenterChangeKind::closed) ++out.counts.centers_closed;
    if (c.kind == CenterChangeKind::kept &&
        (c.reach_blk_before != c.reach_blk_after || c.reach_pop_before != c.reach_pop_after)) {
      ++out.counts.centers_reach_changed;
    }
  }
  std::map<std::pair<int, std::string>, ScopeChange> scopes;
  for (const ScopeFigures& f : before.scopes) {
    ScopeChange& s = scopes[{scope_rank(f.scope), f.scope}];
    s.scope = f.scope;
    s.before = f;
  }
  for (const ScopeFigures& f : after.scopes) {
    ScopeChange& s = scopes[{scope_rank(f.scope), f.scope}];
    s.scope = f.scope;
    s.after = f;
  }
  for (auto& [key, scope] : scopes) out.scopes.push_back(std::move(scope));
  out.standard = standard_changes(before.compliance, after.compliance);
  return out;
}

std::uint32_t blocks_in_common(const Comparison& c) {
  return static_cast<std::uint32_t>(c.blocks.size()) - c.counts.removed - c.counts.added;
}

bool few_blocks_in_common(const Comparison& c) {
  const std::uint32_t before = static_cast<std::uint32_t>(c.blocks.size()) - c.counts.added;
  const std::uint32_t after = static_cast<std::uint32_t>(c.blocks.size()) - c.counts.removed;
  return 2ull * blocks_in_common(c) < std::max(before, after);
}

}  // namespace planner
