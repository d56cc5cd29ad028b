// What --out's extension says about the format (docs/outputs.md §1): `--out result.shp` means
// Shapefiles, `--out res.gpkg --format shp` is a contradiction. Before, the first wrote a
// GeoPackage named .shp and the second a folder named .gpkg, without a word.
#pragma once

#include <optional>
#include <string>

#include "io/run/output_files.h"

namespace io {

/// The format an --out path names by its extension (.gpkg, .shp, .geojson, .csv, .fgb;
/// case-insensitive), nullopt for none or another one.
std::optional<std::string> format_of_extension(const std::string& out);

/// Settles options.format from --out's extension when --format was not given
/// (options.format_given false), and refuses (UsageError naming both) a --format that contradicts
/// the extension. A folder format named by a file extension (`--out result.shp`) is a folder at
/// that very path, one file per layer inside: returns a note saying so, else "".
std::string settle_output_format(OutputOptions& options);

}  // namespace io
