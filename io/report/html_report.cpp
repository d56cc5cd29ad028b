// The HTML report: headline tables, the maps (io/report/svg_map.h) and the change tables.
#include "io/report/html_report.h"

#include "io/report/compliance_section.h"
#include "io/report/html_text.h"
#include "io/report/svg_map.h"
#include "io/report/web_map.h"
#include "planner/errors.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <stdexcept>
#include <string_view>

namespace io {
namespace {

using html::esc;
using html::fixed;
using html::percent;
using html::signed_fixed;
using planner::BlockChange;
using planner::CoverStatus;
using planner::invalid_id;
using planner::ResultSnapshot;

std::string minutes_text(const std::optional<double>& minutes) {
  return minutes ? fixed(*minutes, 1) : std::string("–");
}

std::string status_text(const std::optional<CoverStatus>& status) {
  if (!status) return "–";
  switch (*status) {
    case CoverStatus::covered:
      return "covered 覆盖";
    case CoverStatus::uncovered:
      return "uncovered 未覆盖";
    case CoverStatus::unreachable:
      return "unreachable 无法接入";
  }
  return "–";
}

std::string change_text(planner::BlockChangeKind kind) {
  switch (kind) {
    case planner::BlockChangeKind::newly_covered:
      return "newly covered 新覆盖";
    case planner::BlockChangeKind::newly_uncovered:
      return "newly uncovered 新失去覆盖";
    case planner::BlockChangeKind::status:
      return "status 状态变化";
    case planner::BlockChangeKind::minutes:
      return "minutes 时间变化";
    case planner::BlockChangeKind::center:
      return "nearest center 最近中心变化";
    case planner::BlockChangeKind::access:
      return "access score 可达性评分变化";
    case planner::BlockChangeKind::removed:
      return "only before 仅在前";
    case planner::BlockChangeKind::added:
      return "only after 仅在后";
    case planner::BlockChangeKind::unchanged:
      break;
  }
  return "unchanged 无变化";
}

// ---- tables ---------------------------------------------------------------------------------

const planner::ScopeFigures* find_scope(const ResultSnapshot& s, const std::string& scope) {
  for (const planner::ScopeFigures& f : s.scopes) {
    if (f.scope == scope) return &f;
  }
  return nullptr;
}

std::string figures_cells(const planner::ScopeFigures* f, const planner::ScopeFigures* base,
                          bool population) {
  if (f == nullptr) {
    return std::string("<td>–</td>") + (population ? "<td>–</td>" : "") + "<td>–</td><td>–</td>";
  }
  std::string out =
      "<td>" + std::to_string(f->covered) + " / " + std::to_string(f->blocks) + "</td>";
  if (population) {
    out += "<td>" + (f->covered_pop ? fixed(*f->covered_pop, 0) : std::string("–")) + " / " +
           (f->pop ? fixed(*f->pop, 0) : std::string("–")) + "</td>";
  }
  out += "<td>" + percent(f->covered_share) + "</td><td>";
  out += base == nullptr || base == f
             ? std::string("–")
             : signed_fixed(100.0 * (f->covered_share - base->covered_share), 1) + " pt";
  return out + "</td>";
}

std::string headline_table(const ReportInput& input, const std::string& scope,
                           const std::string& heading) {
  const bool population = input.base->has_population;
  std::string out = "<h3>" + esc(heading) + "</h3><table><thead><tr><th class=\"t\">" +
                    "result 结果</th><th>covered blocks 覆盖小区</th>";
  if (population) out += "<th>covered population 覆盖人口</th>";
  out += "<th>covered share 覆盖比例</th><th>vs base 相比基准</th></tr></thead><tbody>";
  const planner::ScopeFigures* base = find_scope(*input.base, scope);
  out += "<tr><td class=\"t\">" + esc(input.base_name) + "</td>" +
         figures_cells(base, base, population) + "</tr>";
  for (const ReportVariant& v : input.variants) {
    out += "<tr><td class=\"t\">" + esc(v.name) + "</td>" +
           figures_cells(find_scope(*v.result, scope), base, population) + "</tr>";
  }
  return out + "</tbody></table>\n";
}

std::string counts_line(const planner::Comparison& comparison) {
  const planner::ComparisonCounts& n = comparison.counts;
  std::string access;
  for (const planner::AccessChange& a : comparison.access) {
    const std::string method(planner::to_string(a.method));
    access += " · " + method + " better served 可达性提高: " + std::to_string(a.higher) + " · " +
              method + " worse 可达性降低: " + std::to_string(a.lower);
  }
  return "<p class=\"counts\">newly covered 新覆盖: <b>" + std::to_string(n.newly_covered) +
         "</b> · newly uncovered 新失去覆盖: <b>" + std::to_string(n.newly_uncovered) +
         "</b> · minutes lower 时间缩短: " + std::to_string(n.minutes_lower) +
         " · minutes higher 时间增加: " + std::to_string(n.minutes_higher) +
         " · centers opened 新增中心: " + std::to_string(n.centers_opened) +
         " · centers closed 关闭中心: " + std::to_string(n.centers_closed) + access + "</p>\n";
}

std::string change_table(const ReportInput& input, const planner::Comparison& comparison) {
  std::string out =
      "<table class=\"changes\"><thead><tr><th class=\"t\">block 小区编号</th><th "
      "class=\"t\">name 名称</th><th>minutes before 之前分钟</th><th>minutes after 之后分钟</th>"
      "<th>change 变化</th><th class=\"t\">status before 之前状态</th><th class=\"t\">status "
      "after 之后状态</th><th class=\"t\">what changed 变化类型</th></tr></thead><tbody>";
  std::size_t rows = 0, total = 0;
  for (const BlockChange& c : comparison.blocks) {
    if (!planner::is_change(c)) continue;
    ++total;
    if (rows >= input.max_table_rows) continue;
    ++rows;
    out +=
        "<tr><td class=\"t\">" + esc(c.id) + "</td><td class=\"t\">" + esc(c.name) + "</td><td>" +
        minutes_text(c.minutes_before) + "</td><td>" + minutes_text(c.minutes_after) + "</td><td>" +
        (c.minutes_change ? signed_fixed(*c.minutes_change, 1) : std::string("–")) +
        "</td><td class=\"t\">" + status_text(c.status_before) + "</td><td class=\"t\">" +
        status_text(c.status_after) + "</td><td class=\"t\">" + change_text(c.kind) + "</td></tr>";
  }
  out += "</tbody></table>\n";
  if (total == 0) return "<p>No block changed. 没有小区发生变化。</p>\n";
  if (rows < total) {
    out += "<p>First " + std::to_string(rows) + " of " + std::to_string(total) +
           " changed blocks (by id); all are in changes.csv. 仅列出前 " + std::to_string(rows) +
           " 个（共 " + std::to_string(total) + " 个），完整列表见 changes.csv。</p>\n";
  }
  return out;
}

constexpr const char* style_sheet =
    "body{font-family:sans-serif;margin:1em 2em;color:#222;max-width:60em}"
    "table{border-collapse:collapse;margin:.4em 0 1em}"
    "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right;font-size:90%}"
    ".t{text-align:left}thead th{background:#eee}"
    "figure{margin:0 0 1em}svg{border:1px solid #999;background:#fff}"
    ".b{stroke:#fff;stroke-width:.4;fill-rule:evenodd}"
    ".k0{fill:#1a9850}.k1{fill:#91cf60}.k2{fill:#d9ef8b}.k3{fill:#fc8d59}.k4{fill:#d73027}"
    ".k5{fill:#bdbdbd}.h{fill:none;stroke:#7b3294;stroke-width:2}"
    ".ck{fill:#2166ac;stroke:#fff;stroke-width:1}.co{fill:#00e5ff;stroke:#000;stroke-width:1.5}"
    ".cc{fill:none;stroke:#d7191c;stroke-width:2.5}.sb{fill:none;stroke:#000;stroke-width:2}"
    "rect.k0,rect.k1,rect.k2,rect.k3,rect.k4,rect.k5{stroke:#666;stroke-width:.5}"
    ".attr{fill:#333}footer{margin-top:2em;font-size:85%;color:#555}";

}  // namespace

std::string html_report(const ReportInput& input) {
  if (input.base == nullptr) throw planner::InternalError("html_report: no base result");
  for (const ReportVariant& v : input.variants) {
    if (v.result == nullptr || v.comparison == nullptr) {
      throw planner::InternalError("html_report: variant '" + v.name + "' has no result");
    }
  }
  const MapFrame frame = frame_of(input);
  const bool web = input.leaflet.has_value();
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" +
      esc(input.title) + " – circleplan report</title><style>" + style_sheet + "</style>" +
      (web ? web_map_head(*input.leaflet) : std::string()) + "</head><body>\n<h1>" +
      esc(input.title) +
      "</h1>\n<p>circleplan scenario report 情景分析报告 · cover threshold 覆盖阈值 " +
      fixed(input.cover_minutes, 1) + " min 分钟</p>\n";
  out += "<h2>Headline figures 主要指标</h2>\n";
  out += headline_table(input, "all", "All centers 全部中心");
  std::set<std::string> tier_scopes;
  for (const planner::ScopeFigures& f : input.base->scopes) {
    if (f.scope.rfind("tier:", 0) == 0) tier_scopes.insert(f.scope);
  }
  for (const ReportVariant& v : input.variants) {
    for (const planner::ScopeFigures& f : v.result->scopes) {
      if (f.scope.rfind("tier:", 0) == 0) tier_scopes.insert(f.scope);
    }
  }
  for (const std::string& scope : tier_scopes) {
    out += headline_table(
        input, scope,
        "Only tier 仅层级 “" + scope.substr(5) + "” (its centers alone 仅该层级中心)");
  }
  out += compliance_section(input);
  out += "<h2>" + esc(input.base_name) + " — map 地图</h2>\n";
  out += web ? web_map_figure(0, input.base_name)
             : map_svg(input, frame, *input.base, nullptr, input.base_name);
  for (std::size_t i = 0; i < input.variants.size(); ++i) {
    const ReportVariant& v = input.variants[i];
    out += "<h2>" + esc(v.name) + " vs 相比 " + esc(input.base_name) + "</h2>\n";
    const double cover = v.result->cover_minutes;
    if (cover > 0.0 && std::abs(cover - input.cover_minutes) > 1e-9) {
      out += "<p>This variant's cover threshold 本方案覆盖阈值: <b>" + fixed(cover, 1) +
             " min 分钟</b> (" + esc(input.base_name) + ": " + fixed(input.cover_minutes, 1) +
             " min)</p>\n";
    }
    out += counts_line(*v.comparison);
    if (i >= input.max_mapped_variants) {
      out += "<p>Map and changed blocks of the first " + std::to_string(input.max_mapped_variants) +
             " variants only; this one's are in changes-" + esc(v.name) + "/. 仅前 " +
             std::to_string(input.max_mapped_variants) +
             " 个方案绘制地图并列出变化小区；本方案见 changes-" + esc(v.name) + "/。</p>\n";
      continue;
    }
    out += web ? web_map_figure(i + 1, v.name + " (changed blocks outlined 变化小区描边)")
               : map_svg(input, frame, *v.result, v.comparison, v.name);
    out += change_table(input, *v.comparison);
  }
  out += web ? "<footer><p>Interactive maps (Leaflet " + esc(input.leaflet->version) +
                   ", inlined; BSD-2-Clause, notice in this file's source) in WGS84, north up; "
                   "the streets of the walking network are the basemap, no tiles are loaded. "
                   "All maps share one view: pan or zoom one and the others follow. Click a "
                   "block or a center for its figures. 交互地图（WGS84 坐标，上北），以步行路网"
                   "街道为底图，不加载在线瓦片；各图同步缩放平移；点击小区或中心查看详情。</p>"
             : std::string(
                   "<footer><p>Maps in the run CRS, north up; scale bar in metres. "
                   "地图为运行坐标系，上北；比例尺单位为米。</p>");
  if (input.osm_data) {
    out +=
        "<p class=\"attribution\">Map data © OpenStreetMap contributors, ODbL "
        "(openstreetmap.org/copyright). 地图数据 © OpenStreetMap 贡献者，ODbL 许可。</p>";
  }
  out += "</footer>\n";
  if (web) out += web_map_scripts(input);
  out += "</body></html>\n";
  return out;
}

}  // namespace io
