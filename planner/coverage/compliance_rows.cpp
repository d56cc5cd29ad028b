#include "planner/coverage/compliance_rows.h"

#include <iterator>
#include <optional>
#include <string>
#include <utility>

namespace planner {
namespace {

void add_block(ComplianceRow& row, const BlockTierValue& v, double area_m2,
               const std::optional<double>& pop) {
  const double p = pop.value_or(0.0);
  ++row.blocks;
  row.pop += p;
  row.area_m2 += area_m2;
  if (v.met) {
    ++row.met_blk;
    row.met_pop += p;
  }
  if (row.definition == TierDefinition::radius_m) {
    row.met_area += area_m2 * v.value;
  } else if (v.met) {
    row.met_area += area_m2;
  }
}

double share(double part, double whole) {
  return whole > 0.0 ? part / whole : 0.0;
}

void finish(ComplianceRow& row) {
  row.sh_blk = share(row.met_blk, row.blocks);
  row.sh_pop = share(row.met_pop, row.pop);
  row.sh_area = share(row.met_area, row.area_m2);
}

/// The rows of one scope: per unit (all blocks as one unit when `units` is null), per tier.
std::vector<ComplianceRow> scope_rows(const std::string& scope, const CommunityAssignment* units,
                                      const std::vector<Block>& blocks,
                                      const std::vector<BlockSite>& sites, const Standard& standard,
                                      const std::vector<std::vector<BlockTierValue>>& values) {
  const std::size_t tiers = standard.tiers.size();
  const std::size_t count = units ? units->ids.size() : 1;
  std::vector<ComplianceRow> rows(count * tiers);
  for (std::size_t u = 0; u < count; ++u) {
    for (std::size_t t = 0; t < tiers; ++t) {
      ComplianceRow& row = rows[u * tiers + t];
      row.scope = scope;
      row.scope_id = units ? units->ids[u] : "";
      row.std_tier = standard.tiers[t].name;
      row.definition = standard.tiers[t].definition;
    }
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const std::uint32_t u = units ? units->block_community[b] : 0;
    if (u == invalid_id) continue;
    for (std::size_t t = 0; t < tiers; ++t) {
      add_block(rows[u * tiers + t], values[t][b], sites[b].area_m2, blocks[b].pop);
    }
  }
  for (ComplianceRow& row : rows) finish(row);
  return rows;
}

}  // namespace

std::vector<ComplianceRow> compliance_rows(
    const std::vector<Block>& blocks, const std::vector<BlockSite>& sites, const Standard& standard,
    const std::vector<std::vector<BlockTierValue>>& values, const CommunityAssignment& communities,
    const CommunityAssignment& grids, const CommunityAssignment& subdistricts) {
  std::vector<ComplianceRow> rows = scope_rows("all", nullptr, blocks, sites, standard, values);
  const std::pair<const char*, const CommunityAssignment*> scopes[] = {
      {"community", &communities}, {"grid", &grids}, {"subdistrict", &subdistricts}};
  for (const auto& [scope, units] : scopes) {
    if (units->ids.empty()) continue;
    std::vector<ComplianceRow> more = scope_rows(scope, units, blocks, sites, standard, values);
    rows.insert(rows.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  }
  return rows;
}

}  // namespace planner
