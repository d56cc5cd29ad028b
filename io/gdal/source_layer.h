// One input layer opened for reading: dataset, chosen layer, text decoding and the transformation
// to WGS84 lon/lat, so that the per-role readers in layer_reader.cpp only map fields.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/errors.h"
#include "io/gdal/field_lookup.h"
#include "io/gdal/field_values.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/layer_reader.h"
#include "io/gdal/ogr_geometry.h"

namespace io::detail {

/// Called once per usable feature: the feature, its id (FID, or the feature's position when the
/// driver has no FIDs) and its geometry, linearised and in WGS84 lon/lat (x = lon, y = lat).
using FeatureVisitor =
    std::function<void(const OGRFeature& feature, std::int64_t fid, const OGRGeometry& lonlat)>;

/// What the reader needs to know about a layer's CRS to check its coordinates.
struct CrsFacts {
  std::string name;         ///< e.g. "WGS 84", "CGCS2000 / 3-degree Gauss-Kruger CM 120E"
  bool geographic = false;  ///< degrees: x must be in [-180, 180], y in [-90, 90]
  bool projected = false;   ///< metres (or feet): values that look like degrees are suspicious
  bool has_area = false;    ///< the CRS's area of use (lon/lat degrees) is known
  double west = 0, south = 0, east = 0, north = 0;
};

/// A value that is summed (population, capacity, a demand weight) as read: above `maximum` it
/// is taken as missing (nullopt) and noted in `report` (count, field, maximum, the first
/// max_listed_features as "feature <fid>: <value>"), so no sum can overflow.
std::optional<double> at_most(std::optional<double> value, double maximum, std::int64_t fid,
                              const FieldRef& field, ReadReport& report);

class SourceLayer {
 public:
  /// Opens `ref` read-only: the named layer, or the first one when no name is given. Its text
  /// encoding is chosen as choose_encoding() in source_layer.cpp says (docs/formats.md) and its
  /// text decoded losslessly by values(); what was detected is in use().notes. Throws
  /// InputError for a missing or unreadable source, an unknown layer (listing the layers), an
  /// unknown encoding, and a layer without CRS when settings.assume_crs is empty.
  static SourceLayer open(const LayerRef& ref, const ReadSettings& settings);

  /// find_field() on this layer's fields (names decoded like its text), with this layer's
  /// location in errors.
  FieldRef field(const std::string& explicit_name,
                 std::initializer_list<const char*> defaults) const;

  /// What this read uses: driver, CRS, encoding and, per role, the field chosen (empty: none).
  LayerUse use(std::initializer_list<std::pair<const char*, const FieldRef*>> roles) const;

  /// Typed attribute access with this layer's location and decoding.
  const FieldReader& values() const { return m_values; }

  /// File and layer (the layer's real name even when the caller gave none).
  const DataLocation& where() const { return m_where; }
  /// The layer's feature count when the driver knows it without reading (0 otherwise): to
  /// reserve room once instead of regrowing a city's worth of features.
  std::size_t feature_count_hint() const;
  DataLocation at(std::int64_t fid) const;

  /// Visits every feature in layer order. Null and empty geometries are skipped and counted; a
  /// GeometryCollection whose members all fit is read as the multi-geometry; a geometry whose
  /// shape is not in `accepted` is an InputError naming the feature, its type and `expected`
  /// (e.g. "lines (LineString or MultiLineString)"). NaN/infinite coordinates, coordinates out
  /// of lon/lat range in a geographic CRS, and a projected layer whose coordinates all look
  /// like lon/lat degrees (outside the CRS's area of use once transformed) are InputErrors.
  void for_each_feature(std::initializer_list<OgrShape> accepted, const std::string& expected,
                        ReadReport& report, const FeatureVisitor& visit);

 private:
  SourceLayer(DatasetPtr dataset, OGRLayer* layer, DataLocation where, TransformPtr to_wgs84,
              CrsFacts crs, FieldReader values, std::vector<LayerField> fields, LayerUse use);

  DatasetPtr m_dataset;
  OGRLayer* m_layer;  // owned by m_dataset
  DataLocation m_where;
  TransformPtr m_to_wgs84;  // empty when the layer is in WGS84 lon/lat already
  CrsFacts m_crs;
  FieldReader m_values;
  std::vector<LayerField> m_fields;  // names in UTF-8, in the layer's order
  LayerUse m_use;                    // without fields: use() adds the roles' choices
  std::string m_no_geometry_hint;    // why a layer without geometry may have none
};

}  // namespace io::detail
