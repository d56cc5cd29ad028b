// Putting one OutputLayer into an open GDAL dataset: layer, fields, features.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <cpl_string.h>

#include "io/gdal/gdal_handles.h"
#include "io/gdal/output_layer.h"
#include "planner/cancel.h"

namespace io::detail {

/// Checks what every format needs before anything is created: a layer name usable as a file
/// name, unique layer names, field names of 1 to 10 characters (Shapefile's limit, kept for every
/// format so outputs read the same) and unique ignoring case, rows matching the fields, and one
/// geometry per row of the layer's kind. Throws planner::InternalError naming layer, field or
/// row: the layers are circleplan's own, so a failure is a bug (exit 3), not bad input.
void check_layers(const std::vector<OutputLayer>& layers);

/// Which rows of a layer a file receives: FlatGeobuf cannot hold a row without geometry, so such
/// rows go to a table beside it.
enum class RowSelection { all, with_geometry, without_geometry };

/// True when the row has a geometry with at least one point (not null, not empty).
bool has_geometry(const RowGeometry& geometry);

/// How a format wants its layers made.
struct LayerStyle {
  CPLStringList options;    ///< layer creation options
  bool sized_text = false;  ///< give text fields the width of their longest value (Shapefile)
  /// Which rows to write; without_geometry writes a plain table (no geometry column).
  RowSelection rows{};
  /// GeoPackage: build the layer's R-tree with one CreateSpatialIndex after its rows are
  /// committed (the layer is created with SPATIAL_INDEX=NO), not row by row.
  bool index_after_rows{};
  /// The caller holds the dataset's transaction (PostGIS: the whole output is one), so the
  /// layer's rows are not wrapped in one of their own.
  bool in_caller_transaction{};
};

/// The CRS every output layer is written in (WKT, or "EPSG:n"; empty: none), with GIS axis order:
/// geometries are x = easting/longitude, and without it EPSG:4326 output would swap lon and lat.
/// Throws OutputError when GDAL does not understand it.
std::unique_ptr<OGRSpatialReference> output_crs(const std::string& crs_wkt);

/// Creates `layer` in `dataset` with `crs` (may be null; ignored for tables) and writes its rows
/// (those style.rows selects), in one transaction where the driver has them; then its spatial
/// index when style.index_after_rows. Throws OutputError naming `file` and the layer,
/// and planner::Cancelled when `cancel` is requested (asked every 256 rows).
void write_output_layer(GDALDataset& dataset, const OutputLayer& layer,
                        const OGRSpatialReference* crs, const LayerStyle& style,
                        const std::string& file, const planner::CancelToken& cancel = {});

}  // namespace io::detail
