// The style QGIS draws a circleplan layer with when it opens it: classes from the run's
// --minutes and cover threshold, colours readable by colour-blind users (Okabe-Ito for
// categories, one blue ramp for minutes), legend labels in English and Chinese, map labels
// from the data's name field (docs/outputs.md §6).
#pragma once

#include <string>
#include <vector>

#include "io/gdal/output_layer.h"

namespace io {

/// What a layer's classes depend on beyond its own rows.
struct StyleContext {
  std::vector<double> minutes;  ///< the run's --minutes (empty: osm, compare)
  double cover_minutes = 0;     ///< the cover threshold (0: none)
};

/// The QML of `layer`'s default style; "" for a layer without geometry.
std::string default_style_qml(const OutputLayer& layer, const StyleContext& context);

/// Sets style_qml of every layer with geometry.
void attach_default_styles(std::vector<OutputLayer>& layers, const StyleContext& context);

}  // namespace io
