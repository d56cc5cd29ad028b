// Result layers as plain tables: what planner/ results are turned into before writing.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "planner/geometry.h"

namespace io {

enum class FieldType { integer, real, text };

struct OutputField {
  std::string name;  ///< at most 10 characters, so Shapefile keeps it (DESIGN.md schema)
  FieldType type = FieldType::text;
};

/// A null value is std::monostate.
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

enum class GeometryKind { none, point, line, polygon, multi_line };

/// One row's geometry, matching the layer's GeometryKind (monostate for GeometryKind::none).
using RowGeometry = std::variant<std::monostate, planner::XY, planner::LineString,
                                 planner::MultiPolygon, planner::MultiLineString>;

struct OutputLayer {
  std::string name;
  GeometryKind geometry = GeometryKind::none;
  std::vector<OutputField> fields;
  std::vector<std::vector<FieldValue>> rows;  ///< rows[i].size() == fields.size()
  std::vector<RowGeometry> geometries;        ///< empty for GeometryKind::none, else rows.size()
  /// The QGIS style (QML) the layer opens with: a layer_styles row in a GeoPackage, a .qml
  /// beside a Shapefile, GeoJSON or FlatGeobuf file; "" for none (io/styles/default_styles.h).
  std::string style_qml{};
};

}  // namespace io
