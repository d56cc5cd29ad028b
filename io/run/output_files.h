// Where and how a run's results are written: the layers, and summary.json / timings.json beside
// them (inside the folder for folder formats, <stem>.summary.json beside a GeoPackage); for
// --format postgis, tables of one schema, summary.json as its summary_json table.
#pragma once

#include <string>
#include <vector>

#include "io/gdal/layer_writer.h"
#include "io/gdal/output_layer.h"
#include "planner/cancel.h"

namespace io {

struct OutputOptions {
  std::string out;
  std::string format = "gpkg";
  bool overwrite = false;
  planner::CancelToken cancel;  ///< asked between layers while writing
  /// --format was given (not defaulted): settle_output_format (output_format.h) then checks it
  /// against --out's extension instead of taking the extension's format.
  bool format_given = false;
  /// --schema of a PostGIS output (empty: a `schemas=` in --out, else "circleplan").
  std::string schema;
};

/// --format postgis: --out is a PostgreSQL connection string and the results a schema.
bool is_postgis(const OutputOptions& options);

/// Writes the layers, then summary.json: inside the folder for folder formats, beside a
/// GeoPackage as <stem>.summary.json. Each file is atomic. Returns the path of summary.json.
/// PostGIS: the layers and a summary_json table, all in one atomic write of the schema
/// (postgis_output.h); returns "<connection, password hidden> schema <name>, table summary_json".
std::string write_results(const OutputOptions& options, const std::vector<OutputLayer>& layers,
                          const std::string& crs_wkt, const std::string& summary_json);

/// Refuses before any computation what write_results would refuse at the end (an existing
/// output without --overwrite, a folder of other files...). Throws OutputError.
void check_output(const OutputOptions& options);

/// Writes timings.json (atomically) where timings_path says; nothing for a PostGIS output (its
/// schema is committed before the write's own time is known; the timings go to stderr).
void write_timings(const OutputOptions& options, const std::string& json);

/// Where summary.json goes for these options (write_results writes it); "" for PostGIS.
std::string summary_json_path(const OutputOptions& options);

/// Where timings.json goes for these options; "" for PostGIS.
std::string timings_path(const OutputOptions& options);

/// Where the compliance CSV goes, with summary.json: beside a GeoPackage as
/// <stem>.compliance.csv, inside a folder as <folder>.compliance.csv (a csv-format folder holds
/// the compliance layer as compliance.csv). "" for PostGIS (the schema's compliance table).
std::string compliance_csv_path(const OutputOptions& options);

/// Writes compliance.csv (atomically) when `csv` is non-empty; otherwise removes one an
/// earlier run left there (with --overwrite), so the folder never holds a stale table. Nothing
/// for PostGIS.
void write_compliance_csv(const OutputOptions& options, const std::string& csv);

}  // namespace io
