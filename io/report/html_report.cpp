// Drawing: run-CRS metres to SVG pixels (y flipped) with one frame for every map of a report, so
// the maps of base and variants line up; coordinates rounded to 0.1 px and vertices closer than
// half a pixel to the previous one dropped, which keeps a city's blocks to a few hundred KB.
#include "io/report/html_report.h"
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

using planner::BlockChange;
using planner::CoverStatus;
using planner::invalid_id;
using planner::ResultSnapshot;

constexpr double map_width_px = 800.0;
constexpr double max_map_height_px = 800.0;
constexpr double margin_px = 10.0;
constexpr double legend_height_px = 64.0;

void escape_into(std::string& out, std::string_view text) {
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
}

std::string esc(std::string_view text) {
  std::string out;
  escape_into(out, text);
  return out;
}

/// Fixed decimals in the C locale's format (the program never changes LC_NUMERIC).
std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string out = buf;
  if (out == "-0" || out == "-0.0" || out == "-0.00") out.erase(0, 1);
  return out;
}

std::string signed_fixed(double value, int decimals) {
  std::string out = fixed(value, decimals);
  if (out.front() != '-' && std::stod(out) != 0.0) out.insert(0, "+");
  return out;
}

std::string percent(double share) {
  return fixed(100.0 * share, 1) + "%";
}

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
    case planner::BlockChangeKind::removed:
      return "only before 仅在前";
    case planner::BlockChangeKind::added:
      return "only after 仅在后";
    case planner::BlockChangeKind::unchanged:
      break;
  }
  return "unchanged 无变化";
}

// ---- map frame ------------------------------------------------------------------------------

struct Frame {
  double min_x = 0.0, max_y = 0.0;
  double scale = 1.0;  ///< pixels per metre
  double width = map_width_px, height = 0.0;
  bool empty = true;

  double px(double x) const { return margin_px + (x - min_x) * scale; }
  double py(double y) const { return margin_px + (max_y - y) * scale; }
};

struct Extent {
  double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
  double max_x = -min_x, max_y = -min_x;
  void add(const planner::XY& p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  bool valid() const { return min_x <= max_x && min_y <= max_y; }
};

void add_snapshot(Extent& extent, const ResultSnapshot& s) {
  for (const planner::BlockResult& b : s.blocks) {
    for (const planner::Polygon& polygon : b.shape) {
      for (const planner::XY& p : polygon.outer) extent.add(p);
    }
  }
  for (const planner::CenterResult& c : s.centers) extent.add(c.pos);
}

Frame frame_of(const ReportInput& input) {
  Extent extent;
  add_snapshot(extent, *input.base);
  for (const ReportVariant& v : input.variants) add_snapshot(extent, *v.result);
  Frame frame;
  if (!extent.valid()) {
    frame.height = 100.0;
    return frame;
  }
  const double dx = std::max(extent.max_x - extent.min_x, 1.0);
  const double dy = std::max(extent.max_y - extent.min_y, 1.0);
  const double inner_w = map_width_px - 2 * margin_px;
  const double inner_h = max_map_height_px - 2 * margin_px;
  frame.scale = std::min(inner_w / dx, inner_h / dy);
  frame.min_x = extent.min_x;
  frame.max_y = extent.max_y;
  frame.height = std::ceil(dy * frame.scale + 2 * margin_px);
  frame.empty = false;
  return frame;
}

/// 0.1 px, as text; -0.0 printed as 0.
std::string coord(double value) {
  return fixed(std::round(value * 10.0) / 10.0, 1);
}

/// Tenths of a pixel as the shortest SVG number: 7800 -> "780", 12 -> "1.2", -5 -> "-.5".
void append_tenths(std::string& out, long long tenths) {
  if (tenths < 0) {
    out += '-';
    tenths = -tenths;
  }
  if (tenths >= 10) out += std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + tenths % 10);
  } else if (tenths < 10) {
    out += '0';
  }
}

/// A number of a path, separated from the previous one by a space unless its sign separates it.
void append_coordinate(std::string& out, long long tenths) {
  if (tenths >= 0 && !out.empty() && std::isdigit(static_cast<unsigned char>(out.back()))) {
    out += ' ';
  }
  append_tenths(out, tenths);
}

/// One SVG path for a multipolygon (holes by the even-odd rule); empty when it collapses below a
/// drawable ring at this scale. Points are whole tenths of a pixel; after the first, each is
/// written relative to the previous one ("l dx dy"), computed on the tenths so nothing drifts.
std::string path_data(const planner::MultiPolygon& shape, const Frame& frame) {
  std::string d;
  auto ring = [&](const planner::Ring& points) {
    std::string part;
    long long last_x = 0, last_y = 0;
    int kept = 0;
    // Rings are closed (last point = first); 'Z' closes the drawn ring instead.
    const std::size_t n =
        points.size() > 1 && points.front() == points.back() ? points.size() - 1 : points.size();
    for (std::size_t i = 0; i < n; ++i) {
      const planner::XY& p = points[i];
      const long long x = std::llround(frame.px(p.x) * 10.0);
      const long long y = std::llround(frame.py(p.y) * 10.0);
      if (kept > 0 &&
          std::hypot(static_cast<double>(x - last_x), static_cast<double>(y - last_y)) < 5.0) {
        continue;  // closer than half a pixel to the previous point
      }
      if (kept == 0) {
        part += 'M';
        append_coordinate(part, x);
        append_coordinate(part, y);
      } else {
        if (kept == 1) part += 'l';
        append_coordinate(part, x - last_x);
        append_coordinate(part, y - last_y);
      }
      last_x = x;
      last_y = y;
      ++kept;
    }
    if (kept >= 3) {
      d += part;
      d += 'Z';
    }
  };
  for (const planner::Polygon& polygon : shape) {
    const std::size_t before = d.size();
    ring(polygon.outer);
    if (d.size() == before) continue;  // outer ring too small: its holes are too
    for (const planner::Ring& hole : polygon.holes) ring(hole);
  }
  return d;
}

/// Colour class of a block: three shades of covered by minutes, then uncovered with and without
/// minutes, then unreachable.
int colour_class(const planner::BlockResult& b, double cover_minutes) {
  if (b.status == CoverStatus::covered) {
    const double m = b.minutes.value_or(0.0);
    if (m <= cover_minutes / 3.0) return 0;
    if (m <= 2.0 * cover_minutes / 3.0) return 1;
    return 2;
  }
  if (b.status == CoverStatus::uncovered) return b.minutes ? 3 : 4;
  return 5;
}

/// "500 m", "2 km": 1, 2 or 5 times a power of ten, about a fifth of the map's width.
std::pair<double, std::string> scale_bar(const Frame& frame) {
  const double target_m = (map_width_px / 5.0) / frame.scale;
  const double power = std::pow(10.0, std::floor(std::log10(target_m)));
  double length = power;
  for (double step : {2.0, 5.0}) {
    if (step * power <= target_m) length = step * power;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%g %s", length >= 1000.0 ? length / 1000.0 : length,
                length >= 1000.0 ? "km" : "m");
  return {length, text};
}

std::string cross(double x, double y, double r, const char* cls) {
  return "<path class=\"" + std::string(cls) + "\" d=\"M" + coord(x - r) + ' ' + coord(y - r) +
         "L" + coord(x + r) + ' ' + coord(y + r) + "M" + coord(x - r) + ' ' + coord(y + r) + "L" +
         coord(x + r) + ' ' + coord(y - r) + "\"/>";
}

std::string legend(const Frame& frame, double cover, bool variant) {
  const double top = frame.height + 6.0;
  std::string out = "<g class=\"legend\" font-size=\"11\">";
  struct Item {
    std::string swatch, label;
  };
  const std::string c1 = fixed(cover / 3.0, 0), c2 = fixed(2.0 * cover / 3.0, 0),
                    c3 = fixed(cover, 0);
  std::vector<Item> items{
      {"k0", "covered ≤ " + c1 + " min 覆盖"},
      {"k1", "covered ≤ " + c2 + " min 覆盖"},
      {"k2", "covered ≤ " + c3 + " min 覆盖"},
      {"k3", "uncovered > " + c3 + " min 未覆盖"},
      {"k4", "no center reached 无可达中心"},
      {"k5", "unreachable 无法接入路网"},
      {"ck", "center 服务中心"},
  };
  if (variant) {
    items.push_back({"co", "opened 新增中心"});
    items.push_back({"cc", "closed 关闭中心"});
    items.push_back({"h", "changed block 变化小区"});
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double x = 10.0 + 196.0 * static_cast<double>(i % 4);
    const double y = top + 18.0 * static_cast<double>(i / 4);
    const std::string& s = items[i].swatch;
    if (s[0] == 'k') {
      out += "<rect class=\"" + s + "\" x=\"" + coord(x) + "\" y=\"" + coord(y) +
             "\" width=\"14\" height=\"12\"/>";
    } else if (s == "h") {
      out += "<rect class=\"h\" x=\"" + coord(x + 1) + "\" y=\"" + coord(y + 1) +
             "\" width=\"12\" height=\"10\"/>";
    } else if (s == "cc") {
      out += cross(x + 7, y + 6, 5, "cc");
    } else {
      out += "<circle class=\"" + s + "\" cx=\"" + coord(x + 7) + "\" cy=\"" + coord(y + 6) +
             "\" r=\"5\"/>";
    }
    out += "<text x=\"" + coord(x + 19) + "\" y=\"" + coord(y + 10) + "\">" + esc(items[i].label) +
           "</text>";
  }
  return out + "</g>";
}

/// Blocks to draw: all of them, or when there are more than `cap`, the changed ones first and
/// then the largest (by bounding box), so the picture keeps what matters. Indices ascending.
std::vector<std::uint32_t> blocks_to_draw(const ResultSnapshot& s,
                                          const std::set<std::uint32_t>& changed, std::size_t cap) {
  std::vector<std::uint32_t> all(s.blocks.size());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  if (all.size() <= cap) return all;
  std::vector<double> size(all.size(), 0.0);
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    Extent e;
    for (const planner::Polygon& p : s.blocks[i].shape) {
      for (const planner::XY& xy : p.outer) e.add(xy);
    }
    if (e.valid()) size[i] = (e.max_x - e.min_x) * (e.max_y - e.min_y);
  }
  std::stable_sort(all.begin(), all.end(), [&](std::uint32_t a, std::uint32_t b) {
    const bool ca = changed.count(a) > 0, cb = changed.count(b) > 0;
    if (ca != cb) return ca;
    return size[a] > size[b];
  });
  all.resize(cap);
  std::sort(all.begin(), all.end());
  return all;
}

std::string map_svg(const ReportInput& input, const Frame& frame, const ResultSnapshot& shown,
                    const planner::Comparison* comparison, const std::string& caption) {
  const bool variant = comparison != nullptr;
  const double cover = input.cover_minutes > 0.0 ? input.cover_minutes : 15.0;
  const double total_h = frame.height + legend_height_px;
  // No xmlns: the HTML parser puts inline <svg> in the SVG namespace itself, and the file then
  // holds no http:// text at all, which makes "loads nothing from the network" easy to check.
  std::string out = "<figure><svg width=\"" + coord(frame.width) + "\" height=\"" + coord(total_h) +
                    "\" viewBox=\"0 0 " + coord(frame.width) + ' ' + coord(total_h) +
                    "\" role=\"img\">";
  out += "<title>" + esc(caption) + "</title>";
  if (frame.empty) {
    out += "<text x=\"20\" y=\"50\">no geometry to draw 无可绘制的几何</text>";
  }
  std::set<std::uint32_t> changed;                    // indices into shown.blocks
  std::vector<const planner::MultiPolygon*> removed;  // changed blocks only in the base
  if (variant) {
    for (const BlockChange& c : comparison->blocks) {
      if (!planner::is_change(c)) continue;
      if (c.after_index != invalid_id) {
        changed.insert(c.after_index);
      } else {
        removed.push_back(&input.base->blocks[c.before_index].shape);
      }
    }
  }
  const std::vector<std::uint32_t> drawn = blocks_to_draw(shown, changed, input.max_map_blocks);
  if (!frame.empty) {
    out += "<g class=\"blocks\">";
    for (std::uint32_t i : drawn) {
      const std::string d = path_data(shown.blocks[i].shape, frame);
      if (d.empty()) continue;
      out += "<path class=\"b k" + std::to_string(colour_class(shown.blocks[i], cover)) +
             "\" d=\"" + d + "\"/>";
    }
    out += "</g><g class=\"changed\">";
    for (std::uint32_t i : drawn) {
      if (changed.count(i) == 0) continue;
      const std::string d = path_data(shown.blocks[i].shape, frame);
      if (!d.empty()) out += "<path class=\"h\" d=\"" + d + "\"/>";
    }
    for (const planner::MultiPolygon* shape : removed) {
      const std::string d = path_data(*shape, frame);
      if (!d.empty()) out += "<path class=\"h\" stroke-dasharray=\"4 2\" d=\"" + d + "\"/>";
    }
    out += "</g><g class=\"centers\">";
    if (variant) {
      for (const planner::CenterChange& c : comparison->centers) {
        if (c.kind == planner::CenterChangeKind::closed) {
          const planner::XY& p = input.base->centers[c.before_index].pos;
          out += cross(frame.px(p.x), frame.py(p.y), 5.0, "cc");
        }
      }
      std::set<std::uint32_t> opened;
      for (const planner::CenterChange& c : comparison->centers) {
        if (c.kind == planner::CenterChangeKind::opened) opened.insert(c.after_index);
      }
      for (std::uint32_t i = 0; i < shown.centers.size(); ++i) {
        const planner::XY& p = shown.centers[i].pos;
        out += "<circle class=\"" + std::string(opened.count(i) ? "co" : "ck") + "\" cx=\"" +
               coord(frame.px(p.x)) + "\" cy=\"" + coord(frame.py(p.y)) + "\" r=\"" +
               std::string(opened.count(i) ? "5" : "4") + "\"/>";
      }
    } else {
      for (const planner::CenterResult& c : shown.centers) {
        out += "<circle class=\"ck\" cx=\"" + coord(frame.px(c.pos.x)) + "\" cy=\"" +
               coord(frame.py(c.pos.y)) + "\" r=\"4\"/>";
      }
    }
    out += "</g>";
    const auto [length_m, label] = scale_bar(frame);
    const double x0 = margin_px + 4.0, y0 = frame.height - margin_px - 6.0;
    const double x1 = x0 + length_m * frame.scale;
    out += "<g class=\"scalebar\" font-size=\"11\"><path class=\"sb\" d=\"M" + coord(x0) + ' ' +
           coord(y0 - 5) + "V" + coord(y0) + "H" + coord(x1) + "V" + coord(y0 - 5) +
           "\"/><text x=\"" + coord(x1 + 4) + "\" y=\"" + coord(y0) + "\">" + esc(label) +
           "</text></g>";
    if (input.osm_data) {
      out += "<text class=\"attr\" font-size=\"10\" x=\"" + coord(frame.width - margin_px) +
             "\" y=\"" + coord(frame.height - 4.0) +
             "\" text-anchor=\"end\">© OpenStreetMap contributors, ODbL</text>";
    }
  }
  out += legend(frame, cover, variant);
  out += "</svg><figcaption>" + esc(caption);
  if (drawn.size() < shown.blocks.size()) {
    out += " — " + std::to_string(shown.blocks.size() - drawn.size()) +
           " small blocks not drawn 未绘制的小型小区";
  }
  if (!input.crs.empty()) out += " · CRS " + esc(input.crs);
  out += "</figcaption></figure>\n";
  return out;
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

std::string counts_line(const planner::ComparisonCounts& n) {
  return "<p class=\"counts\">newly covered 新覆盖: <b>" + std::to_string(n.newly_covered) +
         "</b> · newly uncovered 新失去覆盖: <b>" + std::to_string(n.newly_uncovered) +
         "</b> · minutes lower 时间缩短: " + std::to_string(n.minutes_lower) +
         " · minutes higher 时间增加: " + std::to_string(n.minutes_higher) +
         " · centers opened 新增中心: " + std::to_string(n.centers_opened) +
         " · centers closed 关闭中心: " + std::to_string(n.centers_closed) + "</p>\n";
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
  const Frame frame = frame_of(input);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" +
      esc(input.title) + " – circleplan report</title><style>" + style_sheet +
      "</style></head><body>\n<h1>" + esc(input.title) +
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
  out += "<h2>" + esc(input.base_name) + " — map 地图</h2>\n";
  out += map_svg(input, frame, *input.base, nullptr, input.base_name);
  for (const ReportVariant& v : input.variants) {
    out += "<h2>" + esc(v.name) + " vs 相比 " + esc(input.base_name) + "</h2>\n";
    out += counts_line(v.comparison->counts);
    out += map_svg(input, frame, *v.result, v.comparison, v.name);
    out += change_table(input, *v.comparison);
  }
  out +=
      "<footer><p>Maps in the run CRS, north up; scale bar in metres. 地图为运行坐标系，上北；"
      "比例尺单位为米。</p>";
  if (input.osm_data) {
    out +=
        "<p class=\"attribution\">Map data © OpenStreetMap contributors, ODbL "
        "(openstreetmap.org/copyright). 地图数据 © OpenStreetMap 贡献者，ODbL 许可。</p>";
  }
  out += "</footer>\n</body></html>\n";
  return out;
}

}  // namespace io
