#include "io/run/output_files.h"

#include <filesystem>

#include "io/errors.h"
#include "io/run/run_errors.h"

namespace io {
namespace {

std::string sidecar_path(const OutputOptions& o, const std::string& name) {
  namespace fs = std::filesystem;
  if (o.format == "gpkg") {
    fs::path p(o.out);
    return (p.parent_path() / (p.stem().string() + "." + name)).string();
  }
  return (fs::path(o.out) / name).string();
}

OutputFormat format_of(const OutputOptions& o) {
  const auto format = parse_output_format(o.format);
  if (!format) throw UsageError("--format must be gpkg, shp, geojson or csv");
  return *format;
}

void refuse_existing_summary(const OutputOptions& o) {
  const std::string summary = sidecar_path(o, "summary.json");
  if (o.format == "gpkg" && !o.overwrite && std::filesystem::exists(summary)) {
    throw OutputError("output '" + summary + "' exists; use --overwrite to replace it");
  }
}

}  // namespace

std::string write_results(const OutputOptions& o, const std::vector<OutputLayer>& layers,
                          const std::string& crs_wkt, const std::string& summary_json) {
  WriteOptions w;
  w.format = format_of(o);
  w.overwrite = o.overwrite;
  w.crs_wkt = crs_wkt;
  w.cancel = o.cancel;
  refuse_existing_summary(o);
  write_layers(o.out, layers, w);
  const std::string summary = sidecar_path(o, "summary.json");
  write_text_file(summary, summary_json);
  return summary;
}

void check_output(const OutputOptions& o) {
  check_output_target(o.out, format_of(o), o.overwrite);
  refuse_existing_summary(o);
}

std::string timings_path(const OutputOptions& o) {
  return sidecar_path(o, "timings.json");
}

}  // namespace io
