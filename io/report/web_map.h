// The report's interactive maps (Leaflet, io/report/leaflet_assets.h): the streets as the
// basemap, blocks by status and minutes, centers by tier, service areas, a layer control, a
// legend, a scale bar and popups. Coordinates in WGS84 whatever the run CRS, 6 decimals; the
// streets and block outlines are embedded once and shared by every map, each map adding only
// its result's values; all maps of a report share one view (pan or zoom one, all follow).
#pragma once

#include <cstddef>
#include <string>

#include "io/report/html_report.h"

namespace io {

/// The <div> a map is drawn into, with its caption; `result` is 0 for the base, i + 1 for
/// variant i.
std::string web_map_figure(std::size_t result, const std::string& caption);

/// <style> and <script> of Leaflet with its licence, for the document's head.
std::string web_map_head(const LeafletAssets& leaflet);

/// The data of every mapped result and the script drawing every figure, for the end of the
/// body. Throws CrsError when the run CRS cannot be transformed to WGS84.
std::string web_map_scripts(const ReportInput& input);

}  // namespace io
