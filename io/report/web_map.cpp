// The maps' data is one object, CP: streets (flat lon,lat arrays), block outlines (G, shared),
// blocks (B: id, name, population, outline) and per result its block values, centers and
// service areas. The drawing script reads it; nothing is fetched, no tiles, no icons.
#include "io/report/web_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "io/crs/crs.h"
#include "io/report/html_text.h"
#include "io/report/web_map_script.h"
#include "io/tables/json_writer.h"

namespace io {
namespace {

/// A JSON string safe inside <script>: '<', '>' and '&' as \u escapes, so no text can close the
/// element (json_quote leaves them as they are, which JSON allows).
std::string js_string(const std::string& text) {
  std::string out;
  for (const char ch : json_quote(text)) {
    switch (ch) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string num(double value, int decimals) {
  if (!std::isfinite(value)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  // Trailing zeros carry nothing: "41.150000" -> "41.15", "15.000" -> "15".
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string opt_num(const std::optional<double>& value, int decimals) {
  return value ? num(*value, decimals) : "null";
}

/// Run-CRS points to "[lon,lat,lon,lat,...]" with 6 decimals (about 0.1 m), a point equal to the
/// previous one after rounding left out.
class Wgs84Writer {
 public:
  explicit Wgs84Writer(const std::string& run_crs)
      : m_to_wgs84(CrsTransform::create(run_crs, "EPSG:4326")) {}

  std::string flat(std::vector<planner::XY> points) const {
    m_to_wgs84.apply(points);
    std::string out = "[";
    std::string last;
    for (const planner::XY& p : points) {
      std::string pair = num(p.x, 6) + "," + num(p.y, 6);
      if (pair == last) continue;
      if (out.size() > 1) out += ",";
      out += pair;
      last = std::move(pair);
    }
    return out + "]";
  }

  std::string multipolygon(const planner::MultiPolygon& shape) const {
    std::string out = "[";
    for (std::size_t p = 0; p < shape.size(); ++p) {
      out += p ? ",[" : "[";
      out += flat(shape[p].outer);
      for (const planner::Ring& hole : shape[p].holes) out += "," + flat(hole);
      out += "]";
    }
    return out + "]";
  }

 private:
  CrsTransform m_to_wgs84;
};

int status_code(planner::CoverStatus s) {
  switch (s) {
    case planner::CoverStatus::covered:
      return 0;
    case planner::CoverStatus::uncovered:
      return 1;
    case planner::CoverStatus::unreachable:
      break;
  }
  return 2;
}

/// Every block outline once, by block id, in the order first met (base, then variants).
struct SharedBlocks {
  std::map<std::string, std::size_t> index;
  std::string json;  ///< "[id,name,pop],..." one per outline
  std::string outlines;
};

void add_blocks(SharedBlocks& shared, const planner::ResultSnapshot& result,
                const Wgs84Writer& wgs84) {
  for (const planner::BlockResult& b : result.blocks) {
    if (!shared.index.emplace(b.id, shared.index.size()).second) continue;
    const bool first = shared.index.size() == 1;
    shared.json += (first ? "[" : ",[") + js_string(b.id) + "," + js_string(b.name) + "," +
                   opt_num(b.pop, 1) + "]";
    shared.outlines += (first ? "" : ",") + wgs84.multipolygon(b.shape);
  }
}

/// One result: [[block, status, minutes, center id, tiers met, change], ...], centers, areas.
std::string result_json(const std::string& name, const planner::ResultSnapshot& result,
                        const planner::ResultSnapshot* base, const planner::Comparison* comparison,
                        const SharedBlocks& shared, const Wgs84Writer& wgs84,
                        const std::vector<planner::ServiceAreaPolygon>* areas) {
  std::map<std::string, std::string> changes;
  if (comparison != nullptr) {
    for (const planner::BlockChange& c : comparison->blocks) {
      if (planner::is_change(c)) changes[c.id] = std::string(planner::to_string(c.kind));
    }
  }
  std::string out = "{\"name\":" + js_string(name) + ",\"b\":[";
  for (std::size_t i = 0; i < result.blocks.size(); ++i) {
    const planner::BlockResult& b = result.blocks[i];
    const auto change = changes.find(b.id);
    out += (i ? ",[" : "[") + std::to_string(shared.index.at(b.id)) + "," +
           std::to_string(status_code(b.status)) + "," + opt_num(b.minutes, 2) + "," +
           js_string(b.center_id) + "," +
           (b.tiers_met ? std::to_string(*b.tiers_met) : std::string("null")) + "," +
           (change == changes.end() ? std::string("null") : js_string(change->second)) + "]";
  }
  // Centers: 0 as in the base, 1 opened by this variant, 2 closed by it (drawn hollow).
  std::set<std::string> here;
  for (const planner::CenterResult& c : result.centers) here.insert(c.id);
  std::set<std::string> in_base;
  if (base != nullptr) {
    for (const planner::CenterResult& c : base->centers) in_base.insert(c.id);
  }
  out += "],\"c\":[";
  bool first = true;
  const auto add_center = [&](const planner::CenterResult& c, int state) {
    const std::string pos = wgs84.flat({c.pos});
    out += (first ? "[" : ",[") + js_string(c.id) + "," + js_string(c.name) + "," +
           js_string(c.tier) + "," + pos.substr(1, pos.size() - 2) + "," +
           std::to_string(c.served_blk) + "," + opt_num(c.served_pop, 0) + "," +
           std::to_string(state) + "]";
    first = false;
  };
  for (const planner::CenterResult& c : result.centers) {
    add_center(c, base != nullptr && !in_base.count(c.id) ? 1 : 0);
  }
  if (base != nullptr) {
    for (const planner::CenterResult& c : base->centers) {
      if (!here.count(c.id)) add_center(c, 2);
    }
  }
  out += "],\"a\":[";
  if (areas != nullptr) {
    for (std::size_t i = 0; i < areas->size(); ++i) {
      const planner::ServiceAreaPolygon& a = (*areas)[i];
      out += (i ? ",[" : "[") + num(a.to_min, 3) + "," + wgs84.multipolygon(a.shape) + "]";
    }
  }
  return out + "]}";
}

}  // namespace

std::string web_map_figure(std::size_t result, const std::string& caption) {
  return "<figure><div class=\"cp-map\" id=\"map-" + std::to_string(result) + "\" data-result=\"" +
         std::to_string(result) + "\"></div><figcaption>" + html::esc(caption) +
         "</figcaption></figure>\n";
}

std::string web_map_head(const LeafletAssets& leaflet) {
  std::string licence = leaflet.licence;
  // The notice sits in a CSS and a JS comment: neither may end early.
  for (std::size_t at; (at = licence.find("*/")) != std::string::npos;)
    licence.replace(at, 2, "* /");
  return "<style>/*\n" + licence + "*/\n" + leaflet.styles + web_map_styles() +
         "</style>\n<script>/*\n" + licence + "*/\n" + leaflet.script + "</script>\n";
}

std::string web_map_scripts(const ReportInput& input) {
  const Wgs84Writer wgs84(input.crs);
  SharedBlocks shared;
  add_blocks(shared, *input.base, wgs84);
  const std::size_t mapped = std::min(input.variants.size(), input.max_mapped_variants);
  for (std::size_t i = 0; i < mapped; ++i) add_blocks(shared, *input.variants[i].result, wgs84);

  std::string streets = "[";
  if (input.streets != nullptr) {
    const planner::EdgeSet& e = *input.streets;
    for (std::size_t edge = 0; edge < e.edge_count(); ++edge) {
      const std::vector<planner::XY> points(e.points.begin() + e.first_point[edge],
                                            e.points.begin() + e.first_point[edge + 1]);
      streets += (edge ? "," : "") + wgs84.flat(points);
    }
  }
  streets += "]";

  // The view: every block and center of the mapped results.
  std::vector<planner::XY> corners;
  double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
  const auto extend = [&](const planner::XY& p) {
    min_x = std::min(min_x, p.x), min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x), max_y = std::max(max_y, p.y);
  };
  const auto extend_result = [&](const planner::ResultSnapshot& r) {
    for (const planner::BlockResult& b : r.blocks) {
      for (const planner::Polygon& p : b.shape) {
        for (const planner::XY& xy : p.outer) extend(xy);
      }
    }
    for (const planner::CenterResult& c : r.centers) extend(c.pos);
  };
  extend_result(*input.base);
  for (std::size_t i = 0; i < mapped; ++i) extend_result(*input.variants[i].result);
  std::string view = "[[0,0],[0,0]]";
  if (min_x <= max_x) {
    const std::string sw = wgs84.flat({{min_x, min_y}}), ne = wgs84.flat({{max_x, max_y}});
    // [[lat, lon], [lat, lon]] for Leaflet, from "[lon,lat]".
    const auto latlon = [](const std::string& flat) {
      const std::size_t comma = flat.find(',');
      return "[" + flat.substr(comma + 1, flat.size() - comma - 2) + "," +
             flat.substr(1, comma - 1) + "]";
    };
    view = "[" + latlon(sw) + "," + latlon(ne) + "]";
  }

  std::set<std::string> tiers;
  const auto add_tiers = [&](const planner::ResultSnapshot& r) {
    for (const planner::CenterResult& c : r.centers) tiers.insert(c.tier);
  };
  add_tiers(*input.base);
  for (std::size_t i = 0; i < mapped; ++i) add_tiers(*input.variants[i].result);
  std::string tier_names = "[";
  for (const std::string& t : tiers)
    tier_names += (tier_names.size() > 1 ? "," : "") + js_string(t);
  tier_names += "]";

  std::string minutes = "[";
  for (double m : input.minutes) minutes += (minutes.size() > 1 ? "," : "") + num(m, 3);
  minutes += "]";

  std::string out =
      "<script>\nwindow.CP={\"cover\":" + num(input.cover_minutes, 3) + ",\"minutes\":" + minutes +
      ",\"standardTiers\":" + std::to_string(input.base->standard_tiers) +
      ",\"osm\":" + (input.osm_data ? "true" : "false") + ",\"tierNames\":" + tier_names +
      ",\"bounds\":" + view + ",\n\"streets\":" + streets + ",\n\"blocks\":[" + shared.json +
      "],\n\"outlines\":[" + shared.outlines + "],\n\"results\":[" +
      result_json(input.base_name, *input.base, nullptr, nullptr, shared, wgs84, input.base_areas);
  for (std::size_t i = 0; i < mapped; ++i) {
    const ReportVariant& v = input.variants[i];
    out += ",\n" + result_json(v.name, *v.result, input.base, v.comparison, shared, wgs84, nullptr);
  }
  return out + "]};\n</script>\n<script>" + web_map_draw_script() + "</script>\n";
}

}  // namespace io
