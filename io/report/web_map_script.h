// The drawing half of the report's interactive maps: the script that reads window.CP (written by
// io/report/web_map.h) and draws every .cp-map figure with Leaflet, and the maps' own styles.
#pragma once

namespace io {

/// The JavaScript drawing every map: panes, layers, popups, legend, scale, one shared view.
const char* web_map_draw_script();

/// CSS of the maps and their legend and popups.
const char* web_map_styles();

}  // namespace io
