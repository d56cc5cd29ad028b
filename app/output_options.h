// --out, --format, --overwrite, --layers: where and how results are written.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "io/gdal/layer_writer.h"
#include "io/gdal/output_layer.h"

namespace app {

struct OutputOptions {
  std::string out;
  std::string format = "gpkg";
  bool overwrite = false;
};

void add_output_options(CLI::App& command, OutputOptions& options, const std::string& example);

/// Writes the layers, then summary.json and timings.json: inside the folder for folder formats,
/// beside a GeoPackage as <stem>.summary.json / <stem>.timings.json. Each file is atomic.
/// Returns the path of summary.json.
std::string write_results(const OutputOptions& options, const std::vector<io::OutputLayer>& layers,
                          const std::string& crs_wkt, const std::string& summary_json);

/// Refuses before any computation what write_results would refuse at the end (an existing
/// output without --overwrite, a folder of other files...). Throws io::OutputError.
void check_output(const OutputOptions& options);

/// Where timings.json goes for these options.
std::string timings_path(const OutputOptions& options);

}  // namespace app
