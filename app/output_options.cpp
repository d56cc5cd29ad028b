#include "app/output_options.h"

#include "app/interrupt.h"

namespace app {

void add_output_options(CLI::App& cmd, OutputOptions& o, const std::string& example) {
  cmd.add_option(
         "--out", o.out,
         "output: a GeoPackage file (gpkg), or a folder for shp/geojson/csv/fgb, e.g. " + example)
      ->required();
  cmd.add_option("--format", o.format,
                 "gpkg | shp | geojson | csv | fgb (FlatGeobuf: <layer>.fgb, tables and rows "
                 "without geometry in <layer>.csv)")
      ->check(CLI::IsMember({"gpkg", "shp", "geojson", "csv", "fgb"}))
      ->capture_default_str();
  cmd.add_flag("--overwrite", o.overwrite, "replace an existing output (default: refuse)");
  o.cancel = cancel_token();
}

}  // namespace app
