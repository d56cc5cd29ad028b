// Which classes each layer gets. A layer is recognised by its name and the fields it has, so a
// layer of another command with the same shape (site's blocks, osm's centers) is drawn alike,
// and a layer without a class field falls back to one symbol.
#include "io/styles/default_styles.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "io/styles/qml.h"
#include "planner/scenario/comparison.h"

namespace io {
namespace {

using qml::Rgba;
using qml::Symbol;
using qml::SymbolClass;
using qml::SymbolKind;

// Okabe & Ito's palette, told apart with every common colour-vision deficiency.
constexpr std::array<Rgba, 8> okabe_ito{{{213, 94, 0, 255},
                                         {0, 114, 178, 255},
                                         {0, 158, 115, 255},
                                         {204, 121, 167, 255},
                                         {240, 228, 66, 255},
                                         {86, 180, 233, 255},
                                         {230, 159, 0, 255},
                                         {0, 0, 0, 255}}};
constexpr Rgba vermillion = okabe_ito[0];
constexpr Rgba blue = okabe_ito[1];
constexpr Rgba green = okabe_ito[2];
constexpr Rgba purple = okabe_ito[3];
constexpr Rgba yellow = okabe_ito[4];
constexpr Rgba sky = okabe_ito[5];
constexpr Rgba orange = okabe_ito[6];
constexpr Rgba grey{150, 150, 150, 255};
constexpr Rgba white{255, 255, 255, 255};
constexpr Rgba none{0, 0, 0, 0};

Rgba with_alpha(Rgba c, int alpha) {
  c.a = alpha;
  return c;
}

/// Step i of n on a dark-to-light blue ramp: nearer is darker, in every minutes legend.
Rgba ramp(std::size_t i, std::size_t n) {
  constexpr Rgba dark{8, 48, 107, 255};
  constexpr Rgba light{158, 202, 225, 255};
  const double t = n <= 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(n - 1);
  const auto mix = [t](int a, int b) { return static_cast<int>(a + t * (b - a) + 0.5); };
  return {mix(dark.r, light.r), mix(dark.g, light.g), mix(dark.b, light.b), 255};
}

Symbol fill(Rgba color, Rgba outline = white, double outline_mm = 0.1) {
  return {SymbolKind::fill, color, outline, outline_mm, 0, "circle"};
}
Symbol line(Rgba color, double width_mm) {
  return {SymbolKind::line, color, none, width_mm, 0, "circle"};
}
Symbol marker(Rgba color, double size_mm, const char* shape = "circle") {
  return {SymbolKind::marker, color, white, 0.3, size_mm, shape};
}

std::string num(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

bool has_field(const OutputLayer& layer, const std::string& name) {
  return std::any_of(layer.fields.begin(), layer.fields.end(),
                     [&](const OutputField& f) { return f.name == name; });
}

std::vector<std::string> field_names(const OutputLayer& layer) {
  std::vector<std::string> names;
  for (const OutputField& f : layer.fields) names.push_back(f.name);
  return names;
}

/// The run's thresholds, ascending and without repeats.
std::vector<double> sorted_minutes(std::vector<double> m) {
  std::sort(m.begin(), m.end());
  m.erase(std::unique(m.begin(), m.end()), m.end());
  return m;
}

/// Where a field's value falls in the band (previous, bound]: the first band has no lower end,
/// and with `open_end` the last has no upper one, so every value lands in exactly one class.
std::string band_filter(const std::string& field, const std::vector<double>& bounds, std::size_t i,
                        bool open_end) {
  const std::string f = "\"" + field + "\"";
  std::string lower = i == 0 ? "" : f + " > " + num(bounds[i - 1]);
  std::string upper = open_end && i + 1 == bounds.size() ? "" : f + " <= " + num(bounds[i]);
  if (lower.empty()) return upper.empty() ? f + " IS NOT NULL" : upper;
  return upper.empty() ? lower : lower + " AND " + upper;
}

std::string band_label(const std::vector<double>& bounds, std::size_t i) {
  if (i == 0) return "≤ " + num(bounds[0]) + " min / " + num(bounds[0]) + "分钟内";
  const std::string from = num(bounds[i - 1]), to = num(bounds[i]);
  return from + "–" + to + " min / " + from + "–" + to + "分钟";
}

/// Blocks: covered by minutes band up to the cover threshold, then uncovered and unreachable.
std::string blocks_renderer(const StyleContext& ctx) {
  std::vector<double> bounds;
  for (double m : sorted_minutes(ctx.minutes)) {
    if (m < ctx.cover_minutes) bounds.push_back(m);
  }
  bounds.push_back(ctx.cover_minutes);
  std::vector<SymbolClass> classes;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    classes.push_back({"\"status\" = 'covered' AND " + band_filter("minutes", bounds, i, true),
                       "covered, " + band_label(bounds, i) + "覆盖",
                       fill(with_alpha(ramp(i, bounds.size()), 220))});
  }
  const std::string cover = num(ctx.cover_minutes);
  classes.push_back({"\"status\" = 'uncovered'",
                     "uncovered (over " + cover + " min) / 未覆盖（超过" + cover + "分钟）",
                     fill(with_alpha(orange, 220))});
  classes.push_back(
      {"\"status\" = 'unreachable'", "unreachable / 无法到达", fill(with_alpha(grey, 200))});
  return qml::rule_renderer(classes);
}

/// service_areas, reach_edges and nodes: one class per --minutes band of `field`.
std::string minutes_renderer(const std::string& field, const StyleContext& ctx, SymbolKind kind,
                             bool beyond_class) {
  const std::vector<double> bounds = sorted_minutes(ctx.minutes);
  std::vector<SymbolClass> classes;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    const Rgba c = ramp(i, bounds.size());
    Symbol s = kind == SymbolKind::fill   ? fill(with_alpha(c, 90), c, 0.3)
               : kind == SymbolKind::line ? line(c, 0.6)
                                          : marker(c, 1.2);
    classes.push_back({band_filter(field, bounds, i, false), band_label(bounds, i), s});
  }
  if (beyond_class && !bounds.empty()) {
    const std::string last = num(bounds.back());
    classes.push_back({"\"" + field + "\" > " + last + " OR \"" + field + "\" IS NULL",
                       "over " + last + " min or unreachable / 超过" + last + "分钟或无法到达",
                       marker(grey, 1.0)});
  }
  return qml::rule_renderer(classes);
}

/// Centers (and osm's civic stand-ins): one colour per tier found in the rows, in their order.
std::string tier_renderer(const OutputLayer& layer) {
  std::size_t tier = 0;
  while (layer.fields[tier].name != "tier") ++tier;
  std::set<std::string> seen;
  std::vector<SymbolClass> classes;
  for (const auto& row : layer.rows) {
    const auto* value = std::get_if<std::string>(&row[tier]);
    if (value == nullptr || value->empty() || !seen.insert(*value).second) continue;
    classes.push_back({*value, *value, marker(okabe_ito[0], 3.2)});
  }
  std::sort(classes.begin(), classes.end(),
            [](const SymbolClass& a, const SymbolClass& b) { return a.selector < b.selector; });
  for (std::size_t i = 0; i < classes.size(); ++i) {
    classes[i].symbol.color = okabe_ito[i % okabe_ito.size()];
  }
  const SymbolClass others{"", "no tier / 无层级", marker(grey, 2.6)};
  if (classes.empty()) return qml::single_symbol_renderer(marker(vermillion, 3.2));
  return qml::categorized_renderer("tier", classes, &others);
}

std::string change_label(planner::BlockChangeKind kind) {
  using K = planner::BlockChangeKind;
  switch (kind) {
    case K::newly_covered:
      return "newly covered / 新覆盖";
    case K::newly_uncovered:
      return "newly uncovered / 新失去覆盖";
    case K::status:
      return "uncovered ↔ unreachable / 未覆盖与无法到达互变";
    case K::minutes:
      return "minutes changed / 步行分钟变化";
    case K::center:
      return "nearest center changed / 最近中心变化";
    case K::access:
      return "accessibility changed / 可达性变化";
    case K::removed:
      return "only before / 仅在之前";
    case K::added:
      return "only after / 仅在之后";
    case K::unchanged:
      break;
  }
  return "unchanged / 未变化";
}

std::string changes_renderer() {
  using K = planner::BlockChangeKind;
  const std::array<std::pair<K, Rgba>, 8> kinds{{{K::newly_covered, blue},
                                                 {K::newly_uncovered, vermillion},
                                                 {K::status, yellow},
                                                 {K::minutes, sky},
                                                 {K::center, purple},
                                                 {K::access, green},
                                                 {K::removed, grey},
                                                 {K::added, okabe_ito[7]}}};
  std::vector<SymbolClass> classes;
  for (const auto& [kind, color] : kinds) {
    classes.push_back(
        {std::string(planner::to_string(kind)), change_label(kind), fill(with_alpha(color, 220))});
  }
  return qml::categorized_renderer("change", classes);
}

std::string grids_renderer() {
  return qml::rule_renderer(
      {{"\"has_point\" = 1", "grid with a service point / 有服务站点的网格", fill(none, blue, 0.5)},
       {"\"has_point\" = 0 OR \"has_point\" IS NULL",
        "grid without a service point / 无服务站点的网格",
        fill(with_alpha(vermillion, 110), vermillion, 0.5)}});
}

std::string diagnostics_renderer() {
  return qml::categorized_renderer(
      "severity",
      {{"warning", "warning (likely wrong data) / 警告（很可能是数据错误）", line(vermillion, 1.2)},
       {"info", "info (worth a look) / 提示（值得查看）", line(sky, 0.9)}});
}

std::string fallback_renderer(GeometryKind kind) {
  switch (kind) {
    case GeometryKind::point:
      return qml::single_symbol_renderer(marker(vermillion, 2.4));
    case GeometryKind::line:
    case GeometryKind::multi_line:
      return qml::single_symbol_renderer(line(grey, 0.3));
    case GeometryKind::polygon:
      return qml::single_symbol_renderer(fill(with_alpha(sky, 120), blue, 0.2));
    case GeometryKind::none:
      break;
  }
  return "";
}

std::string renderer_for(const OutputLayer& layer, const StyleContext& ctx) {
  const std::string& name = layer.name;
  const bool has_minutes = !ctx.minutes.empty();
  if (name == "blocks" && has_field(layer, "status") && has_field(layer, "minutes") &&
      ctx.cover_minutes > 0) {
    return blocks_renderer(ctx);
  }
  if ((name == "service_areas" || name == "reach_edges") && has_field(layer, "to_min") &&
      has_minutes) {
    const SymbolKind kind = name == "service_areas" ? SymbolKind::fill : SymbolKind::line;
    return minutes_renderer("to_min", ctx, kind, false);
  }
  if (name == "nodes" && has_field(layer, "minutes") && has_minutes) {
    return minutes_renderer("minutes", ctx, SymbolKind::marker, true);
  }
  if (name == "centers" && has_field(layer, "tier")) return tier_renderer(layer);
  if (name == "changes" && has_field(layer, "change")) return changes_renderer();
  if (name == "grids" && has_field(layer, "has_point")) return grids_renderer();
  if (name == "diagnostics" && has_field(layer, "severity")) return diagnostics_renderer();
  if (name == "sites") return qml::single_symbol_renderer(marker(vermillion, 4.5, "star"));
  if (name == "communities") return qml::single_symbol_renderer(fill(none, {60, 60, 60, 255}, 0.5));
  if (name == "roads") return qml::single_symbol_renderer(line(grey, 0.3));
  return fallback_renderer(layer.geometry);
}

/// Names on the map for the few features a planner looks for by name; blocks only when zoomed
/// in, where their names do not cover each other.
qml::Labels labels_for(const OutputLayer& layer) {
  if (layer.name == "sites" && has_field(layer, "rank")) return {"rank", 0};
  if (!has_field(layer, "name")) return {};
  if (layer.name == "centers" || layer.name == "communities" || layer.name == "grids") {
    return {"name", 0};
  }
  if (layer.name == "blocks") return {"name", 5000};
  return {};
}

}  // namespace

std::string default_style_qml(const OutputLayer& layer, const StyleContext& context) {
  if (layer.geometry == GeometryKind::none) return "";
  return qml::document(renderer_for(layer, context), labels_for(layer), field_names(layer));
}

void attach_default_styles(std::vector<OutputLayer>& layers, const StyleContext& context) {
  for (OutputLayer& layer : layers) layer.style_qml = default_style_qml(layer, context);
}

}  // namespace io
