#include "io/run/output_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/gdal/connection_text.h"
#include "io/gdal/postgis_output.h"
#include "io/run/run_errors.h"

namespace io {

std::optional<std::string> format_of_extension(const std::string& out) {
  std::string extension = std::filesystem::path(out).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".gpkg") return "gpkg";
  if (extension == ".shp") return "shp";
  if (extension == ".geojson") return "geojson";
  if (extension == ".csv") return "csv";
  if (extension == ".fgb") return "fgb";
  return std::nullopt;
}

namespace {

/// A connection string as --out: the format is postgis, and only postgis takes one.
void settle_postgis(OutputOptions& options) {
  const bool connection = is_postgres_source(options.out);
  if (options.format_given && options.format == "postgis" && !connection) {
    throw UsageError(
        "--format postgis needs --out to be a PostgreSQL connection string, e.g. "
        "\"PG:host=db.example dbname=city user=gis\" (docs/outputs.md)");
  }
  if (connection && options.format_given && options.format != "postgis") {
    throw UsageError("--out names a PostgreSQL database but --format is " + options.format +
                     "; use --format postgis (or drop --format)");
  }
  if (connection) options.format = "postgis";
  if (!options.schema.empty() && options.format != "postgis") {
    throw UsageError(
        "--schema names the schema of a PostGIS output; --out is not a "
        "PostgreSQL connection string");
  }
  if (options.format == "postgis") {
    const std::string schema = postgis_target(options.out, options.schema).schema;
    if (!is_plain_schema_name(schema)) {
      throw UsageError("schema '" + schema +
                       "': a PostGIS output schema must be a plain lower-case name (letters "
                       "a-z, digits, '_', not starting with a digit, at most 40 characters)");
    }
  }
}

}  // namespace

std::string settle_output_format(OutputOptions& options) {
  settle_postgis(options);
  if (options.format == "postgis") return "";
  const bool format_given = options.format_given;
  const std::optional<std::string> named = format_of_extension(options.out);
  if (!named) {
    if (!format_given) options.format = "gpkg";
    return "";
  }
  if (format_given && options.format != *named) {
    throw UsageError("--out '" + options.out + "' names a ." + *named + " output but --format is " +
                     options.format +
                     "; drop --format, or give --out a matching name (a folder "
                     "for shp, geojson, csv and fgb)");
  }
  options.format = *named;
  if (*named == "gpkg") return "";
  // Every other format is a folder of one file per layer, at the path as given: what the user
  // named is what is written (and what the output-over-input check compares).
  return "--out " + options.out + ": " + *named + " output is a folder with one file per layer";
}

}  // namespace io
