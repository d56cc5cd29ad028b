// Leaflet for the report's interactive maps, from Debian's libjs-leaflet: its script and style
// sheet read at report time and inlined, with the images the style sheet names as data URIs and
// Leaflet's BSD-2-Clause notice from the package's copyright file, so report.html stays one
// self-contained file that opens offline (docs/scenarios.md, "The report").
#pragma once

#include <optional>
#include <string>

namespace io {

struct LeafletAssets {
  std::string script;   ///< leaflet.min.js, without its source-map comment
  std::string styles;   ///< leaflet.css, images inlined, without its source-map comment
  std::string licence;  ///< copyright lines and BSD-2-Clause text, as the package states them
  std::string version;  ///< e.g. "1.6.0", from the script; "" when not found
};

inline constexpr const char* debian_leaflet_dir = "/usr/share/javascript/leaflet";
inline constexpr const char* debian_leaflet_copyright = "/usr/share/doc/libjs-leaflet/copyright";

/// The assets from `dir` (leaflet.min.js, leaflet.css, images/) and `copyright`; nullopt with
/// `why` set when a file is missing or unreadable (the report then draws SVG maps).
std::optional<LeafletAssets> load_leaflet_assets(
    std::string& why, const std::string& dir = debian_leaflet_dir,
    const std::string& copyright = debian_leaflet_copyright);

}  // namespace io
