// Where and how a run's results are written: the layers, and summary.json / timings.json beside
// them (inside the folder for folder formats, <stem>.summary.json beside a GeoPackage).
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
};

/// Writes the layers, then summary.json: inside the folder for folder formats, beside a
/// GeoPackage as <stem>.summary.json. Each file is atomic. Returns the path of summary.json.
std::string write_results(const OutputOptions& options, const std::vector<OutputLayer>& layers,
                          const std::string& crs_wkt, const std::string& summary_json);

/// Refuses before any computation what write_results would refuse at the end (an existing
/// output without --overwrite, a folder of other files...). Throws OutputError.
void check_output(const OutputOptions& options);

/// Where summary.json goes for these options (write_results writes it).
std::string summary_json_path(const OutputOptions& options);

/// Where timings.json goes for these options.
std::string timings_path(const OutputOptions& options);

/// Where the compliance CSV goes, with summary.json: beside a GeoPackage as
/// <stem>.compliance.csv, inside a folder as <folder>.compliance.csv (a csv-format folder holds
/// the compliance layer as compliance.csv).
std::string compliance_csv_path(const OutputOptions& options);

/// Writes compliance.csv (atomically) when `csv` is non-empty; otherwise removes one an
/// earlier run left there (with --overwrite), so the folder never holds a stale table.
void write_compliance_csv(const OutputOptions& options, const std::string& csv);

}  // namespace io
