// Writing result layers with GDAL: GeoPackage (default), Shapefile folder, GeoJSON folder, CSV
// folder, FlatGeobuf folder. Always written under a temporary name beside the target and renamed at
// the end, so an interrupted run never leaves a half-written output; an existing output is only
// replaced when overwrite is set. Deterministic: same layers give byte-identical files (GDAL date
// stamps pinned).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/gdal/output_layer.h"
#include "planner/cancel.h"

namespace io {

enum class OutputFormat { gpkg, shp, geojson, csv, fgb };

/// "gpkg" | "shp" | "geojson" | "csv" | "fgb"; nullopt otherwise.
std::optional<OutputFormat> parse_output_format(const std::string& name);

struct WriteOptions {
  OutputFormat format = OutputFormat::gpkg;
  bool overwrite = false;
  std::string crs_wkt;  ///< CRS of every geometry layer (WKT, or "EPSG:n"); empty: none written
  /// Asked while writing: a cancelled write throws planner::Cancelled and leaves nothing behind.
  planner::CancelToken cancel;
};

/// Writes layers to `path`: a .gpkg file for gpkg, otherwise a folder holding one file per layer
/// (<layer>.shp + .dbf/.shx/.prj/.cpg UTF-8, <layer>.geojson, or <layer>.csv with WKT geometry;
/// for fgb <layer>.fgb for a geometry layer's rows with a geometry, <layer>.csv for a table and
/// for a geometry layer's rows without one).
/// Throws OutputError when the target exists without overwrite, or on any write failure (the
/// previous output is then left untouched). Also OutputError, before anything is written: a field
/// name longer than 10 characters, rows or geometries not matching the layer, an existing target
/// of the other kind (file/folder), or an existing folder holding files circleplan does not
/// write (so --overwrite never deletes unrelated data). Missing parent folders are created.
void write_layers(const std::string& path, const std::vector<OutputLayer>& layers,
                  const WriteOptions& options);

/// What write_layers would refuse about the target (exists without overwrite, wrong kind, a
/// folder holding other files), checked before any computation so a run does not compute for
/// minutes to fail at the end. Creates nothing. Throws OutputError.
void check_output_target(const std::string& path, OutputFormat format, bool overwrite);

/// Writes text (JSON) atomically: temporary file in the same folder, then rename. Always replaces
/// an existing file (OutputError if `path` is a folder).
void write_text_file(const std::string& path, const std::string& text);

/// The UTF-8 byte order mark every CSV circleplan writes starts with, so that Excel on a Chinese
/// Windows machine reads it as UTF-8 (docs/outputs.md); GDAL's CSV layers get it by WRITE_BOM.
inline constexpr const char* utf8_bom = "\xEF\xBB\xBF";

/// write_text_file with the BOM before `csv`.
void write_csv_text_file(const std::string& path, const std::string& csv);

}  // namespace io
