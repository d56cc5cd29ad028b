// The output formats: which GDAL driver, which files, which options; staged and moved into place
// by atomic_output.cpp, rows written by ogr_layer_output.cpp.
#include "io/gdal/layer_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include "io/errors.h"
#include "io/gdal/atomic_output.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/layer_styles_table.h"
#include "io/gdal/ogr_layer_output.h"

namespace io {
namespace {

using detail::DatasetPtr;
using detail::LayerStyle;
using detail::StagedOutput;

// Pinned date stamps: GeoPackage's gpkg_contents.last_change and the DBF header's last-update
// date would otherwise differ from run to run (DESIGN.md: byte-identical results).
constexpr const char* pinned_timestamp = "2000-01-01T00:00:00.000Z";
constexpr const char* pinned_dbf_date = "2000-01-01";

// `context` names the output as the user gave it: the temporary path would only confuse.
DatasetPtr create_dataset(const char* driver_name, const std::filesystem::path& path,
                          const std::string& context) {
  detail::register_gdal_drivers();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (driver == nullptr) {
    throw OutputError(std::string("GDAL has no '") + driver_name + "' driver in this build");
  }
  const detail::QuietGdalErrors quiet;
  DatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset) {
    throw OutputError(context + ": cannot create the " + driver_name +
                      " file: " + detail::last_gdal_error());
  }
  return dataset;
}

void close_dataset(DatasetPtr& dataset, const std::string& context) {
  if (const auto failure = detail::close_for_write(dataset)) {
    throw OutputError(context + ": cannot finish writing: " + *failure +
                      " (is the disk full, over a file size limit, or not writable?)");
  }
}

std::string output_context(const std::string& path) {
  return "output '" + path + "'";
}

void write_gpkg(const std::string& path, const std::vector<OutputLayer>& layers,
                const OGRSpatialReference* crs, bool overwrite,
                const planner::CancelToken& cancel) {
  StagedOutput staged(path, StagedOutput::Kind::file, overwrite, ".gpkg");
  {
    const detail::ScopedConfigOption date("OGR_CURRENT_DATE", pinned_timestamp);
    // Quiet while the dataset lives: closing it after a failed write (the unwinding) must not
    // print GDAL's own errors over the one OutputError.
    const detail::QuietGdalErrors quiet;
    DatasetPtr dataset = create_dataset("GPKG", staged.temp_path(), output_context(path));
    // The R-tree of each layer is built in one statement once its rows are committed (docs/
    // outputs.md §5), under our control rather than whenever GDAL's deferred creation runs.
    LayerStyle style;
    style.options.SetNameValue("SPATIAL_INDEX", "NO");
    style.index_after_rows = true;
    for (const OutputLayer& layer : layers) {
      detail::write_output_layer(*dataset, layer, crs, style, path, cancel);
    }
    detail::write_layer_styles(*dataset, layers, pinned_timestamp, path);
    close_dataset(dataset, output_context(path));
  }
  cancel.check();  // a stop asked during the last layer still leaves the previous output
  staged.commit();
}

// <layer>.qml beside a single-layer file: QGIS loads it as the layer's default style.
void write_style_file(const std::string& path, const std::filesystem::path& folder,
                      const OutputLayer& layer) {
  if (layer.style_qml.empty()) return;
  const std::filesystem::path file = folder / (layer.name + ".qml");
  std::ofstream out(file, std::ios::binary);
  out << layer.style_qml;
  out.close();
  if (!out) {
    throw OutputError(output_context(path) + ", layer '" + layer.name +
                      "': cannot write its style " + file.filename().string() + ": " +
                      std::strerror(errno));
  }
}

void write_shapefiles(const std::string& path, const std::vector<OutputLayer>& layers,
                      const OGRSpatialReference* crs, bool overwrite,
                      const planner::CancelToken& cancel) {
  StagedOutput staged(path, StagedOutput::Kind::folder, overwrite);
  {
    // Quiet while the dataset lives: closing it after a failed write (the unwinding) must not
    // print GDAL's own errors over the one OutputError.
    const detail::QuietGdalErrors quiet;
    DatasetPtr dataset = create_dataset("ESRI Shapefile", staged.temp_path(), output_context(path));
    LayerStyle style;
    style.options.SetNameValue("ENCODING", "UTF-8");  // also writes the .cpg QGIS/ArcGIS read
    style.options.SetNameValue("DBF_DATE_LAST_UPDATE", pinned_dbf_date);
    // A .qix quadtree per geometry layer, built once when the layer is closed (QGIS, MapServer
    // and GDAL use it): 0.7 s for 364,000 lines, 13% of their write (docs/outputs.md §5).
    style.options.SetNameValue("SPATIAL_INDEX", "YES");
    style.sized_text = true;
    for (const OutputLayer& layer : layers) {
      detail::write_output_layer(*dataset, layer, crs, style, path, cancel);
      write_style_file(path, staged.temp_path(), layer);
    }
    close_dataset(dataset, output_context(path));
  }
  cancel.check();  // a stop asked during the last layer still leaves the previous output
  staged.commit();
}

// One dataset, and so one file, for one layer (or the rows style.rows selects of it).
void write_layer_file(const std::string& path, const std::filesystem::path& file,
                      const char* driver, const OutputLayer& layer, const OGRSpatialReference* crs,
                      const LayerStyle& style, const planner::CancelToken& cancel) {
  const std::string context = output_context(path) + ", layer '" + layer.name + "'";
  // Quiet while the dataset lives: closing it after a failed write (the unwinding) must not
  // print GDAL's own errors over the one OutputError.
  const detail::QuietGdalErrors quiet;
  DatasetPtr dataset = create_dataset(driver, file, context);
  detail::write_output_layer(*dataset, layer, crs, style, path, cancel);
  close_dataset(dataset, context);
}

LayerStyle csv_style(bool wkt_geometry) {
  LayerStyle style;
  style.options.SetNameValue("LINEFORMAT", "LF");  // same bytes on every platform
  // Excel on a Chinese Windows reads a CSV without a BOM as GBK: Chinese names become mojibake.
  style.options.SetNameValue("WRITE_BOM", "YES");
  if (wkt_geometry) style.options.SetNameValue("GEOMETRY", "AS_WKT");
  return style;
}

// GeoJSON and CSV: one dataset, and so one file, per layer.
void write_file_per_layer(const std::string& path, const std::vector<OutputLayer>& layers,
                          const OGRSpatialReference* crs, bool overwrite, OutputFormat format,
                          const planner::CancelToken& cancel) {
  StagedOutput staged(path, StagedOutput::Kind::folder, overwrite);
  const bool geojson = format == OutputFormat::geojson;
  for (const OutputLayer& layer : layers) {
    const auto file = staged.temp_path() / (layer.name + (geojson ? ".geojson" : ".csv"));
    LayerStyle style = csv_style(layer.geometry != GeometryKind::none);
    if (geojson) {
      style = LayerStyle{};
      style.options.SetNameValue("RFC7946", "NO");  // keeps the run's CRS instead of WGS84
    }
    write_layer_file(path, file, geojson ? "GeoJSON" : "CSV", layer, crs, style, cancel);
    if (geojson) write_style_file(path, staged.temp_path(), layer);
  }
  cancel.check();  // a stop asked during the last layer still leaves the previous output
  staged.commit();
}

bool any_row_without_geometry(const OutputLayer& layer) {
  return std::any_of(layer.geometries.begin(), layer.geometries.end(),
                     [](const RowGeometry& g) { return !detail::has_geometry(g); });
}

// FlatGeobuf: <layer>.fgb (with its packed Hilbert R-tree) for every geometry layer. GDAL 3.6's
// writer silently drops a feature without geometry, so tables go to <layer>.csv and a geometry
// layer's rows with a null or empty geometry to <layer>.csv beside its .fgb.
void write_flatgeobuf(const std::string& path, const std::vector<OutputLayer>& layers,
                      const OGRSpatialReference* crs, bool overwrite,
                      const planner::CancelToken& cancel) {
  StagedOutput staged(path, StagedOutput::Kind::folder, overwrite);
  for (const OutputLayer& layer : layers) {
    const auto csv = staged.temp_path() / (layer.name + ".csv");
    if (layer.geometry == GeometryKind::none) {
      write_layer_file(path, csv, "CSV", layer, crs, csv_style(false), cancel);
      continue;
    }
    LayerStyle fgb;
    fgb.options.SetNameValue("SPATIAL_INDEX", "YES");
    fgb.rows = detail::RowSelection::with_geometry;
    write_layer_file(path, staged.temp_path() / (layer.name + ".fgb"), "FlatGeobuf", layer, crs,
                     fgb, cancel);
    write_style_file(path, staged.temp_path(), layer);
    if (any_row_without_geometry(layer)) {
      LayerStyle rest = csv_style(false);
      rest.rows = detail::RowSelection::without_geometry;
      write_layer_file(path, csv, "CSV", layer, crs, rest, cancel);
    }
  }
  cancel.check();  // a stop asked during the last layer still leaves the previous output
  staged.commit();
}

}  // namespace

std::optional<OutputFormat> parse_output_format(const std::string& name) {
  if (name == "gpkg") return OutputFormat::gpkg;
  if (name == "shp") return OutputFormat::shp;
  if (name == "geojson") return OutputFormat::geojson;
  if (name == "csv") return OutputFormat::csv;
  if (name == "fgb") return OutputFormat::fgb;
  return std::nullopt;
}

void write_layers(const std::string& path, const std::vector<OutputLayer>& layers,
                  const WriteOptions& options) {
  detail::check_layers(layers);
  const std::unique_ptr<OGRSpatialReference> crs = detail::output_crs(options.crs_wkt);
  switch (options.format) {
    case OutputFormat::gpkg:
      write_gpkg(path, layers, crs.get(), options.overwrite, options.cancel);
      return;
    case OutputFormat::shp:
      write_shapefiles(path, layers, crs.get(), options.overwrite, options.cancel);
      return;
    case OutputFormat::geojson:
    case OutputFormat::csv:
      write_file_per_layer(path, layers, crs.get(), options.overwrite, options.format,
                           options.cancel);
      return;
    case OutputFormat::fgb:
      write_flatgeobuf(path, layers, crs.get(), options.overwrite, options.cancel);
      return;
  }
}

void check_output_target(const std::string& path, OutputFormat format, bool overwrite) {
  StagedOutput::check_target(
      path, format == OutputFormat::gpkg ? StagedOutput::Kind::file : StagedOutput::Kind::folder,
      overwrite);
}

void write_text_file(const std::string& path, const std::string& text) {
  StagedOutput staged(path, StagedOutput::Kind::file, true);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(staged.temp_path().c_str(), "wb"),
                                                       &std::fclose);
  if (!file) {
    throw OutputError("output '" + path +
                      "': cannot create a temporary file: " + std::strerror(errno));
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), file.get()) == text.size();
  if (std::fclose(file.release()) != 0 || !written) {
    throw OutputError("output '" + path + "': cannot write: " + std::strerror(errno));
  }
  staged.commit();
}

void write_csv_text_file(const std::string& path, const std::string& csv) {
  write_text_file(path, std::string(utf8_bom) + csv);
}

}  // namespace io
