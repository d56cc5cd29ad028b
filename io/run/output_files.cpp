#include "io/run/output_files.h"

#include <filesystem>

#include "io/errors.h"
#include "io/gdal/postgis_output.h"
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

/// For a GeoPackage the sidecar name already starts with its stem.
std::string gpkg_or_folder_name(const OutputOptions& o, const std::string& stem_name,
                                const std::string& name) {
  return o.format == "gpkg" ? sidecar_path(o, name) : sidecar_path(o, stem_name);
}

PostgisTarget postgis_of(const OutputOptions& o) {
  return postgis_target(o.out, o.schema);
}

OutputFormat format_of(const OutputOptions& o) {
  const auto format = parse_output_format(o.format);
  if (!format) throw UsageError("--format must be gpkg, shp, geojson, csv, fgb or postgis");
  return *format;
}

void refuse_existing_summary(const OutputOptions& o) {
  const std::string summary = sidecar_path(o, "summary.json");
  if (o.format == "gpkg" && !o.overwrite && std::filesystem::exists(summary)) {
    throw OutputError("output '" + summary + "' exists; use --overwrite to replace it");
  }
}

}  // namespace

bool is_postgis(const OutputOptions& o) {
  return o.format == "postgis";
}

std::string write_results(const OutputOptions& o, const std::vector<OutputLayer>& layers,
                          const std::string& crs_wkt, const std::string& summary_json) {
  if (is_postgis(o)) {
    const PostgisTarget target = postgis_of(o);
    std::vector<OutputLayer> tables = layers;
    tables.push_back(json_table("summary_json", summary_json));
    write_postgis(target, tables, crs_wkt, o.overwrite, o.cancel);
    return target.label() + " schema " + target.schema + ", table summary_json";
  }
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
  if (is_postgis(o)) {
    check_postgis_target(postgis_of(o), o.overwrite);
    return;
  }
  check_output_target(o.out, format_of(o), o.overwrite);
  refuse_existing_summary(o);
}

std::string summary_json_path(const OutputOptions& o) {
  return is_postgis(o) ? "" : sidecar_path(o, "summary.json");
}

std::string timings_path(const OutputOptions& o) {
  return is_postgis(o) ? "" : sidecar_path(o, "timings.json");
}

void write_timings(const OutputOptions& o, const std::string& json) {
  if (!is_postgis(o)) write_text_file(timings_path(o), json);
}

std::string compliance_csv_path(const OutputOptions& o) {
  if (is_postgis(o)) return "";
  // <output>.compliance.csv: in a folder format the compliance layer itself may be compliance.csv.
  namespace fs = std::filesystem;
  const fs::path out = fs::path(o.out).lexically_normal();
  const std::string stem = (out.has_filename() ? out : out.parent_path()).stem().string();
  return gpkg_or_folder_name(o, stem + ".compliance.csv", "compliance.csv");
}

void write_compliance_csv(const OutputOptions& o, const std::string& csv) {
  if (is_postgis(o)) return;
  const std::string path = compliance_csv_path(o);
  if (!csv.empty()) {
    write_csv_text_file(path, csv);
  } else if (o.overwrite) {
    std::error_code ignored;  // absent is the usual case
    std::filesystem::remove(path, ignored);
  }
}

}  // namespace io
