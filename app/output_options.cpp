#include "app/output_options.h"

#include <filesystem>
#include <stdexcept>

#include "app/interrupt.h"
#include "io/errors.h"

namespace app {
namespace {

std::string sidecar_path(const OutputOptions& o, const std::string& name) {
  namespace fs = std::filesystem;
  if (o.format == "gpkg") {
    fs::path p(o.out);
    return (p.parent_path() / (p.stem().string() + "." + name)).string();
  }
  return (fs::path(o.out) / name).string();
}

}  // namespace

void add_output_options(CLI::App& cmd, OutputOptions& o, const std::string& example) {
  cmd.add_option(
         "--out", o.out,
         "output: a GeoPackage file (gpkg), or a folder for shp/geojson/csv, e.g. " + example)
      ->required();
  cmd.add_option("--format", o.format, "gpkg | shp | geojson | csv")
      ->check(CLI::IsMember({"gpkg", "shp", "geojson", "csv"}))
      ->capture_default_str();
  cmd.add_flag("--overwrite", o.overwrite, "replace an existing output (default: refuse)");
}

std::string write_results(const OutputOptions& o, const std::vector<io::OutputLayer>& layers,
                          const std::string& crs_wkt, const std::string& summary_json) {
  io::WriteOptions w;
  auto format = io::parse_output_format(o.format);
  if (!format) throw std::invalid_argument("--format must be gpkg, shp, geojson or csv");
  w.format = *format;
  w.overwrite = o.overwrite;
  w.crs_wkt = crs_wkt;
  w.cancel = cancel_token();
  const std::string summary = sidecar_path(o, "summary.json");
  if (o.format == "gpkg" && !o.overwrite && std::filesystem::exists(summary)) {
    throw io::OutputError("output '" + summary + "' exists; use --overwrite to replace it");
  }
  io::write_layers(o.out, layers, w);
  io::write_text_file(summary, summary_json);
  return summary;
}

void check_output(const OutputOptions& o) {
  const auto format = io::parse_output_format(o.format);
  if (!format) throw std::invalid_argument("--format must be gpkg, shp, geojson or csv");
  io::check_output_target(o.out, *format, o.overwrite);
  const std::string summary = sidecar_path(o, "summary.json");
  if (o.format == "gpkg" && !o.overwrite && std::filesystem::exists(summary)) {
    throw io::OutputError("output '" + summary + "' exists; use --overwrite to replace it");
  }
}

std::string timings_path(const OutputOptions& o) {
  return sidecar_path(o, "timings.json");
}

}  // namespace app
