#include "io/report/svg_map.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "io/report/html_text.h"

namespace io {
namespace {

using html::esc;
using html::fixed;
using planner::BlockChange;
using planner::CoverStatus;
using planner::invalid_id;
using planner::ResultSnapshot;

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
std::string path_data(const planner::MultiPolygon& shape, const MapFrame& frame) {
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
std::pair<double, std::string> scale_bar(const MapFrame& frame) {
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

std::string legend(const MapFrame& frame, double cover, bool variant) {
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

}  // namespace

MapFrame frame_of(const ReportInput& input) {
  Extent extent;
  add_snapshot(extent, *input.base);
  const std::size_t mapped = std::min(input.variants.size(), input.max_mapped_variants);
  for (std::size_t i = 0; i < mapped; ++i) add_snapshot(extent, *input.variants[i].result);
  MapFrame frame;
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

std::string map_svg(const ReportInput& input, const MapFrame& frame, const ResultSnapshot& shown,
                    const planner::Comparison* comparison, const std::string& caption) {
  const bool variant = comparison != nullptr;
  // The shown result's own threshold (a variant may set cover-minutes), else the report's.
  const double cover = shown.cover_minutes > 0.0   ? shown.cover_minutes
                       : input.cover_minutes > 0.0 ? input.cover_minutes
                                                   : 15.0;
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

}  // namespace io
