// The script and style sheet of the report's Leaflet maps, apart from the data they draw
// (web_map.cpp): one concept, the drawing, in a file of its own.
#include "io/report/web_map_script.h"

namespace io {
namespace {

// The drawing script. Leaflet's SVG renderer, one pane per layer (z order: areas, streets,
// blocks, centers); block and center panes are what a test counts.
constexpr const char* draw_script_text = R"js(
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

constexpr const char* map_styles_text =
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

const char* web_map_draw_script() {
  return draw_script_text;
}

const char* web_map_styles() {
  return map_styles_text;
}

}  // namespace io
