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

// The drawing script. Leaflet's SVG renderer, one pane per layer (z order: areas, streets,
// blocks, centers); block and center panes are what a test counts.
constexpr const char* draw_script = R"js(
(function () {
  'use strict';
  var cp = window.CP, maps = [], syncing = false;
  var ramp = ['#08306b', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef'];
  var tierColours = ['#d55e00', '#0072b2', '#009e73', '#cc79a7', '#f0e442', '#56b4e9', '#e69f00', '#000000'];
  var statusWords = ['covered 覆盖', 'uncovered 未覆盖', 'unreachable 无法到达'];
  var bounds = cp.minutes.filter(function (m) { return m < cp.cover; }).concat([cp.cover]);
  function latlngs(flat) {
    var out = [];
    for (var i = 0; i + 1 < flat.length; i += 2) out.push([flat[i + 1], flat[i]]);
    return out;
  }
  function polygons(shape) {
    return shape.map(function (rings) { return rings.map(latlngs); });
  }
  function band(minutes) {
    for (var i = 0; i < bounds.length; ++i) if (minutes <= bounds[i]) return i;
    return bounds.length - 1;
  }
  function blockColour(status, minutes) {
    if (status === 1) return '#e69f00';
    if (status === 2) return '#969696';
    return ramp[Math.min(band(minutes), ramp.length - 1)];
  }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function fmt(value, digits) { return value === null ? '–' : value.toFixed(digits); }
  function row(label, value) { return '<tr><th>' + label + '</th><td>' + value + '</td></tr>'; }
  var tierIndex = {};
  cp.tierNames.forEach(function (t, i) { tierIndex[t] = i; });
  function tierColour(tier) {
    return tier in tierIndex ? tierColours[tierIndex[tier] % tierColours.length] : '#969696';
  }
  function legend() {
    var c = L.control({position: 'bottomright'});
    c.onAdd = function () {
      var div = L.DomUtil.create('div', 'cp-legend'), html = '<b>Blocks 小区</b><br>';
      bounds.forEach(function (b, i) {
        var from = i ? bounds[i - 1] + '–' : '≤ ';
        html += '<i style="background:' + ramp[Math.min(i, ramp.length - 1)] + '"></i>covered ' +
                from + b + ' min 覆盖<br>';
      });
      html += '<i style="background:#e69f00"></i>uncovered 未覆盖<br>' +
              '<i style="background:#969696"></i>unreachable 无法到达<br>' +
              '<i class="cp-changed"></i>changed 有变化<br><b>Centers 服务中心</b><br>';
      cp.tierNames.forEach(function (t) {
        html += '<i class="cp-dot" style="background:' + tierColour(t) + '"></i>' + esc(t || 'no tier 无层级') + '<br>';
      });
      html += '<i class="cp-dot cp-closed"></i>closed 关闭';
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return c;
  }
  function draw(el) {
    var r = cp.results[Number(el.getAttribute('data-result'))];
    var map = L.map(el, {renderer: L.svg(), zoomSnap: 0.25});
    [['areas', 350], ['streets', 380], ['blocks', 400], ['centers', 600]].forEach(function (p) {
      map.createPane(p[0]).style.zIndex = p[1];
    });
    var svgIn = function (pane) { return L.svg({pane: pane}); };
    var streets = L.polyline(cp.streets.map(latlngs), {
      pane: 'streets', renderer: svgIn('streets'), color: '#9a9a9a', weight: 1, interactive: false});
    var blocks = L.layerGroup(), centers = L.layerGroup(), areas = L.layerGroup();
    var blockRenderer = svgIn('blocks'), centerRenderer = svgIn('centers'), areaRenderer = svgIn('areas');
    var centerNames = {};
    r.c.forEach(function (c) { centerNames[c[0]] = c[1] || c[0]; });
    r.b.forEach(function (v) {
      var info = cp.blocks[v[0]], changed = v[5] !== null;
      var shape = L.polygon(polygons(cp.outlines[v[0]]), {
        pane: 'blocks', renderer: blockRenderer, fillColor: blockColour(v[1], v[2]), fillOpacity: 0.8,
        color: changed ? '#7b3294' : '#ffffff', weight: changed ? 2 : 0.5, className: 'cp-block'});
      shape.bindPopup(function () {
        var html = '<b>' + esc(info[1] || info[0]) + '</b><table>' + row('block 小区', esc(info[0])) +
          row('population 人口', fmt(info[2], 0)) + row('minutes 分钟', fmt(v[2], 1)) +
          row('nearest center 最近中心', v[3] ? esc(centerNames[v[3]] || v[3]) : '–') +
          row('status 状态', statusWords[v[1]]);
        if (cp.standardTiers > 0) {
          html += row('tiers met 达标层级', (v[4] === null ? '–' : v[4]) + ' / ' + cp.standardTiers);
        }
        if (changed) html += row('change 变化', esc(v[5]));
        return html + '</table>';
      });
      blocks.addLayer(shape);
    });
    r.c.forEach(function (c) {
      var closed = c[7] === 2;
      var marker = L.circleMarker([c[4], c[3]], {
        pane: 'centers', renderer: centerRenderer, radius: c[7] === 1 ? 8 : 6,
        color: closed ? '#d55e00' : '#ffffff', weight: closed ? 2.5 : 1.5,
        fillColor: tierColour(c[2]), fillOpacity: closed ? 0 : 1, className: 'cp-center'});
      marker.bindPopup(function () {
        return '<b>' + esc(c[1] || c[0]) + '</b><table>' + row('center 中心', esc(c[0])) +
          row('tier 层级', esc(c[2] || '–')) + row('blocks served 服务小区', closed ? '–' : c[5]) +
          row('population served 服务人口', closed ? '–' : fmt(c[6], 0)) +
          (c[7] === 1 ? row('state 状态', 'opened 新增') : '') +
          (closed ? row('state 状态', 'closed 关闭') : '') + '</table>';
      });
      centers.addLayer(marker);
    });
    r.a.forEach(function (a) {
      var i = cp.minutes.indexOf(a[0]), colour = ramp[Math.max(0, Math.min(i, ramp.length - 1))];
      areas.addLayer(L.polygon(polygons(a[1]), {
        pane: 'areas', renderer: areaRenderer, color: colour, weight: 1, fillColor: colour,
        fillOpacity: 0.15, interactive: false}));
    });
    streets.addTo(map);
    blocks.addTo(map);
    centers.addTo(map);
    var overlays = {'Streets 街道': streets, 'Blocks 小区': blocks, 'Centers 服务中心': centers};
    if (r.a.length) {
      areas.addTo(map);
      overlays['Service areas 服务范围'] = areas;
    }
    L.control.layers(null, overlays, {collapsed: false}).addTo(map);
    L.control.scale({metric: true, imperial: false}).addTo(map);
    legend().addTo(map);
    map.attributionControl.setPrefix('Leaflet');
    if (cp.osm) map.attributionControl.addAttribution('© OpenStreetMap contributors, ODbL');
    map.fitBounds(cp.bounds);
    map.on('move', function () {
      if (syncing) return;
      syncing = true;
      maps.forEach(function (other) {
        if (other !== map) other.setView(map.getCenter(), map.getZoom(), {animate: false});
      });
      syncing = false;
    });
    el.circleplanMap = map;
    maps.push(map);
  }
  Array.prototype.forEach.call(document.querySelectorAll('.cp-map'), draw);
  window.circleplanMaps = maps;
})();
)js";

constexpr const char* map_styles =
    // The report's own svg rule (white background, border) is for the static maps: inside
    // Leaflet each pane is an SVG, and a white one would hide the panes under it.
    ".cp-map{height:520px;border:1px solid #999;margin:0;background:#f7f7f7}"
    ".cp-map svg{background:none;border:0}"
    ".cp-legend{background:#fff;padding:6px 8px;font-size:12px;line-height:18px;"
    "border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,.3)}"
    ".cp-legend i{width:14px;height:14px;float:left;margin-right:6px;opacity:.85}"
    ".cp-legend i.cp-dot{border-radius:7px}.cp-legend i.cp-closed{border:2px solid #d55e00;"
    "width:10px;height:10px}.cp-legend i.cp-changed{border:2px solid #7b3294;width:10px;"
    "height:10px}.leaflet-popup-content th{text-align:left;padding-right:8px;font-weight:normal;"
    "color:#555}.leaflet-popup-content td{text-align:left;border:none}"
    ".leaflet-popup-content table{margin:.2em 0}";

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
  return "<style>/*\n" + licence + "*/\n" + leaflet.styles + map_styles + "</style>\n<script>/*\n" +
         licence + "*/\n" + leaflet.script + "</script>\n";
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
  return out + "]};\n</script>\n<script>" + draw_script + "</script>\n";
}

}  // namespace io
