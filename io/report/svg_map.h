// The report's maps: blocks coloured by minutes or change, centers, a legend and a scale bar, as
// one inline SVG each. Drawing: run-CRS metres to SVG pixels (y flipped) with one frame for every
// map of a report, so the maps of base and variants line up; coordinates rounded to 0.1 px and
// vertices closer than half a pixel to the previous one dropped, which keeps a city's blocks to a
// few hundred KB.
#pragma once

#include <string>

#include "io/report/html_report.h"
#include "planner/scenario/comparison.h"

namespace io {

inline constexpr double map_width_px = 800.0;
inline constexpr double max_map_height_px = 800.0;
inline constexpr double margin_px = 10.0;
inline constexpr double legend_height_px = 64.0;

/// Run-CRS metres to pixels, shared by every map of a report.
struct MapFrame {
  double min_x = 0.0, max_y = 0.0;
  double scale = 1.0;  ///< pixels per metre
  double width = map_width_px, height = 0.0;
  bool empty = true;

  double px(double x) const { return margin_px + (x - min_x) * scale; }
  double py(double y) const { return margin_px + (max_y - y) * scale; }
};

/// The frame around the base's and every variant's blocks and centers.
MapFrame frame_of(const ReportInput& input);

/// A <figure> with the map of `shown`; with a comparison, changed blocks and opened or closed
/// centers are marked.
std::string map_svg(const ReportInput& input, const MapFrame& frame,
                    const planner::ResultSnapshot& shown, const planner::Comparison* comparison,
                    const std::string& caption);

}  // namespace io
