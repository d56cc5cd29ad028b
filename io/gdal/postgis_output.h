// Writing result layers into a PostGIS schema (--format postgis), atomically: every table is
// written into a temporary schema and the temporary schema is renamed to the target in the same
// transaction that drops the old one, so another session sees the old schema or the new one,
// never a half-written result; a killed or failed run leaves the previous schema untouched
// (docs/outputs.md §PostGIS).
#pragma once

#include <string>
#include <vector>

#include "io/gdal/output_layer.h"
#include "planner/cancel.h"

namespace io {

/// Where a PostGIS output goes: the connection string GDAL opens ("PG:..." without any
/// `schemas=`/`active_schema=`), and the schema.
struct PostgisTarget {
  std::string connection;
  std::string schema;
  /// The connection string with its password hidden, for messages.
  std::string label() const;
};

/// The schema written when neither --schema nor a `schemas=` in the connection string names one.
inline constexpr const char* default_postgis_schema = "circleplan";

/// Reads --out ("PG:<key=value...>", "PG:postgresql://...", or "postgresql://...") and --schema:
/// --schema wins over the first schema of a `schemas=` key, which wins over the default.
/// (A `schemas=` in the URI form is not looked for: give --schema.)
PostgisTarget postgis_target(const std::string& out, const std::string& schema_option);

/// A schema name circleplan writes: a plain lower-case identifier (letters a-z, digits, '_',
/// not starting with a digit, at most 40 characters), so it needs no quoting in QGIS or psql.
bool is_plain_schema_name(const std::string& schema);

/// What write_postgis would refuse, checked before any computation: the database must be
/// reachable and the schema must not exist unless `overwrite`. Throws OutputError.
void check_postgis_target(const PostgisTarget& target, bool overwrite);

/// Writes `layers` (geometries in `crs_wkt`) as tables of `target.schema`, each geometry layer
/// with a GiST index and its QGIS style in the schema's own layer_styles table. Throws
/// OutputError (the previous schema then untouched), planner::Cancelled when `cancel` asks.
void write_postgis(const PostgisTarget& target, const std::vector<OutputLayer>& layers,
                   const std::string& crs_wkt, bool overwrite, const planner::CancelToken& cancel);

/// A one-row table holding `text` (summary.json's or timings.json's JSON) in a text column
/// `json`: read it in SQL as `(SELECT json::jsonb FROM <schema>.summary_json)`.
OutputLayer json_table(const std::string& name, const std::string& text);

}  // namespace io
