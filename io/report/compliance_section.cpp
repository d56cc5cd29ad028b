#include "io/report/compliance_section.h"

#include <algorithm>
#include <map>
#include <vector>

#include "io/report/html_text.h"
#include "planner/coverage/compliance.h"

namespace io {
namespace {

using html::esc;
using html::percent;
using html::signed_fixed;
using planner::ComplianceRow;

/// Reporting units listed per scope at most; the full table is in <result>.compliance.csv.
constexpr std::size_t max_units = 50;

const ComplianceRow* find_row(const std::vector<ComplianceRow>& rows, const std::string& scope,
                              const std::string& id, const std::string& tier) {
  for (const ComplianceRow& r : rows) {
    if (r.scope == scope && r.scope_id == id && r.std_tier == tier) return &r;
  }
  return nullptr;
}

/// The standard's tiers with their definitions, in the base's order, then variants' new ones.
std::vector<const ComplianceRow*> tiers_of(const ReportInput& input) {
  std::vector<const ComplianceRow*> tiers;
  auto add = [&](const planner::ResultSnapshot& s) {
    for (const ComplianceRow& r : s.compliance) {
      if (r.scope != "all") continue;
      const bool seen = std::any_of(tiers.begin(), tiers.end(), [&](const ComplianceRow* t) {
        return t->std_tier == r.std_tier;
      });
      if (!seen) tiers.push_back(&r);
    }
  };
  add(*input.base);
  for (const ReportVariant& v : input.variants) add(*v.result);
  return tiers;
}

std::string share_cell(const ComplianceRow* row, const ComplianceRow* base, bool population) {
  if (row == nullptr) return "<td>–</td>";
  std::string out = "<td>" + percent(planner::met_share(*row, population));
  if (base != nullptr && base != row) {
    out += " (" +
           signed_fixed(100.0 * (planner::met_share(*row, population) -
                                 planner::met_share(*base, population)),
                        1) +
           " pt)";
  }
  return out + "</td>";
}

std::string tier_table(const ReportInput& input, const std::vector<const ComplianceRow*>& tiers) {
  const bool population = input.base->has_population;
  std::string out =
      "<table><thead><tr><th class=\"t\">tier 层级</th><th class=\"t\">definition 口径</th><th>" +
      esc(input.base_name) + "</th>";
  for (const ReportVariant& v : input.variants) out += "<th>" + esc(v.name) + "</th>";
  out += "</tr></thead><tbody>";
  for (const ComplianceRow* tier : tiers) {
    const ComplianceRow* base = find_row(input.base->compliance, "all", "", tier->std_tier);
    out += "<tr><td class=\"t\">" + esc(tier->std_tier) + "</td><td class=\"t\">" +
           std::string(planner::to_string(tier->definition)) + "</td>" +
           share_cell(base, base, population);
    for (const ReportVariant& v : input.variants) {
      out +=
          share_cell(find_row(v.result->compliance, "all", "", tier->std_tier), base, population);
    }
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

/// One scope's units in the base, the worst first (lowest share over the tiers; ties by id).
std::string unit_table(const ReportInput& input, const std::string& scope,
                       const std::string& heading, const std::vector<const ComplianceRow*>& tiers) {
  const bool population = input.base->has_population;
  std::map<std::string, double> worst;  // unit id -> lowest share over tiers
  for (const ComplianceRow& r : input.base->compliance) {
    if (r.scope != scope) continue;
    const double share = planner::met_share(r, population);
    const auto [it, added] = worst.try_emplace(r.scope_id, share);
    if (!added) it->second = std::min(it->second, share);
  }
  if (worst.empty()) return "";
  std::vector<std::pair<double, std::string>> order;
  for (const auto& [id, share] : worst) order.emplace_back(share, id);
  std::sort(order.begin(), order.end());
  std::string out = "<h3>" + heading + "</h3><table><thead><tr><th class=\"t\">id 编号</th>";
  for (const ComplianceRow* t : tiers) {
    out += "<th>" + esc(t->std_tier) + " (" + std::string(planner::to_string(t->definition)) +
           ")</th>";
  }
  out += "<th>blocks 小区</th></tr></thead><tbody>";
  const std::size_t shown = std::min(order.size(), max_units);
  for (std::size_t i = 0; i < shown; ++i) {
    const std::string& id = order[i].second;
    out += "<tr><td class=\"t\">" + esc(id) + "</td>";
    std::uint32_t blocks = 0;
    for (const ComplianceRow* t : tiers) {
      const ComplianceRow* r = find_row(input.base->compliance, scope, id, t->std_tier);
      out += share_cell(r, nullptr, population);
      if (r != nullptr) blocks = r->blocks;
    }
    out += "<td>" + std::to_string(blocks) + "</td></tr>";
  }
  out += "</tbody></table>\n";
  if (shown < order.size()) {
    out += "<p>The " + std::to_string(shown) + " worst of " + std::to_string(order.size()) +
           "; all are in the compliance CSV. 仅列出最差的 " + std::to_string(shown) + " 个（共 " +
           std::to_string(order.size()) + " 个），完整表见 compliance CSV。</p>\n";
  }
  return out;
}

std::string grid_check(const ReportInput& input) {
  const planner::ResultSnapshot& base = *input.base;
  if (base.grids == 0) return "";
  std::string out = "<h3>One service point per grid 一网格一站点</h3>\n<p>" +
                    std::to_string(base.grids - base.grids_without_point.size()) + " of " +
                    std::to_string(base.grids) + " grids have a service point 个网格设有服务点";
  if (base.grids_without_point.empty()) return out + ".</p>\n";
  out += "; without one 未设服务点: ";
  for (std::size_t i = 0; i < base.grids_without_point.size(); ++i) {
    out += (i ? ", " : "") + esc(base.grids_without_point[i]);
  }
  return out + ".</p>\n";
}

}  // namespace

std::string compliance_section(const ReportInput& input) {
  const std::vector<const ComplianceRow*> tiers = tiers_of(input);
  const std::string grids = grid_check(input);
  if (tiers.empty() && grids.empty()) return "";
  std::string out = "<h2>Service standard compliance 服务标准达标</h2>\n";
  if (!tiers.empty()) {
    out += std::string("<p>Share of ") +
           (input.base->has_population ? "population 人口" : "blocks 小区") +
           " meeting each tier. Each tier uses its own definition: walk_min = network walking "
           "minutes, network_m = network metres, radius_m = share of a block's area within a "
           "straight-line radius (docs/standards.md). 各层级按其自身口径计量：walk_min 为路网步行"
           "分钟，network_m 为路网距离（米），radius_m 为直线半径内的小区面积比例。</p>\n";
    out += tier_table(input, tiers);
    out += unit_table(input, "community",
                      "By community 按社区 (" + esc(input.base_name) + ", worst first 最差在前)",
                      tiers);
    out += unit_table(input, "grid",
                      "By grid 按网格 (" + esc(input.base_name) + ", worst first 最差在前)", tiers);
    out += unit_table(
        input, "subdistrict",
        "By subdistrict 按街道/镇 (" + esc(input.base_name) + ", worst first 最差在前)", tiers);
  }
  return out + grids;
}

}  // namespace io
