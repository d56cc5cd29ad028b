#include "app/output_options.h"

#include <cstdio>

#include "app/interrupt.h"
#include "io/run/output_format.h"

namespace app {

void add_output_options(CLI::App& cmd, OutputOptions& o, const std::string& example) {
  cmd.add_option("--out", o.out,
                 "output: a GeoPackage file (gpkg), or a folder for shp/geojson/csv/fgb, e.g. " +
                     example +
                     "; an extension (.gpkg .shp .geojson .csv .fgb) names the format; or a "
                     "PostgreSQL connection string \"PG:host=... dbname=... user=...\" "
                     "(or postgresql://...) for postgis")
      ->required();
  cmd.add_option("--format", o.format,
                 "gpkg | shp | geojson | csv | fgb | postgis (FlatGeobuf: <layer>.fgb, tables and "
                 "rows without geometry in <layer>.csv; postgis: one table per layer and "
                 "summary_json in the --schema, written atomically). Layers open styled in "
                 "QGIS: a layer_styles table in a GeoPackage or the schema, <layer>.qml beside "
                 "shp/geojson/fgb (docs/outputs.md §6)")
      ->check(CLI::IsMember({"gpkg", "shp", "geojson", "csv", "fgb", "postgis"}))
      ->each([&o](const std::string&) { o.format_given = true; })
      ->capture_default_str();
  cmd.add_option("--schema", o.schema,
                 "postgis: the schema to write (default: the first of a schemas= in --out, else "
                 "circleplan); it is replaced as a whole with --overwrite, and refused without it "
                 "when it exists");
  cmd.add_flag("--overwrite", o.overwrite, "replace an existing output (default: refuse)");
  o.cancel = cancel_token();
}

void settle_output(OutputOptions& o) {
  if (o.out.empty()) return;
  const std::string note = io::settle_output_format(o);
  if (!note.empty()) std::fprintf(stderr, "circleplan: note: %s\n", note.c_str());
}

}  // namespace app
