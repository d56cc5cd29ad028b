// One transaction from start to end: CREATE SCHEMA <tmp>, the tables (COPY), their indexes and
// styles, then DROP SCHEMA <target> (with --overwrite) and ALTER SCHEMA <tmp> RENAME TO <target>,
// COMMIT. Until the commit no other session sees any of it; a killed process's connection drops
// and the server rolls the whole transaction back, so the previous schema stays as it was.
#include "io/gdal/postgis_output.h"

#include <cctype>
#include <memory>

#include "io/errors.h"
#include "io/gdal/connection_text.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/layer_styles_table.h"
#include "io/gdal/ogr_layer_output.h"

namespace io {
namespace {

using detail::DatasetPtr;

// The same pinned date as a GeoPackage's layer_styles.update_time (deterministic outputs).
constexpr const char* pinned_style_time = "2000-01-01T00:00:00.000Z";
constexpr std::size_t max_postgis_schema_length = 40;

bool pg_prefix_nocase(const std::string& text, const std::string& prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

/// Takes GDAL's own `schemas` and `active_schema` keys out of a libpq key=value string (the
/// other pairs kept as written, quoting included) and returns the first schema they name.
std::string take_schema_keys(std::string& conninfo) {
  std::string kept;
  std::string schema;
  std::size_t i = 0;
  while (i < conninfo.size()) {
    while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i])) != 0) ++i;
    if (i >= conninfo.size()) break;
    const std::size_t start = i;
    while (i < conninfo.size() && conninfo[i] != '=' &&
           std::isspace(static_cast<unsigned char>(conninfo[i])) == 0) {
      ++i;
    }
    const std::string key = conninfo.substr(start, i - start);
    while (i < conninfo.size() && (conninfo[i] == '=' || conninfo[i] == ' ')) ++i;
    const std::size_t value_start = i;
    if (i < conninfo.size() && conninfo[i] == '\'') {
      for (++i; i < conninfo.size() && conninfo[i] != '\''; ++i) {
        if (conninfo[i] == '\\') ++i;
      }
      if (i < conninfo.size()) ++i;
    } else {
      while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i])) == 0) ++i;
    }
    std::string value = conninfo.substr(value_start, i - value_start);
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "schemas" || key == "active_schema") {
      if (key == "schemas" || schema.empty()) schema = value.substr(0, value.find(','));
      continue;
    }
    if (!kept.empty()) kept += ' ';
    kept += conninfo.substr(start, i - start);
  }
  conninfo = kept;
  return schema;
}

/// The temporary schema: one name per target, so that one left by anything else (a copy made by
/// hand, a future writer that commits in steps) is found and dropped by the next write.
std::string temp_schema(const PostgisTarget& target) {
  return target.schema + "__circleplan_tmp";
}

DatasetPtr open_database(const PostgisTarget& target) {
  detail::register_gdal_drivers();
  const detail::QuietGdalErrors quiet;
  DatasetPtr dataset(GDALDataset::Open(target.connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                       nullptr, nullptr, nullptr));
  if (!dataset) {
    throw OutputError("output '" + target.label() +
                      "': cannot connect to the database: " + detail::last_gdal_error() +
                      " (check host, port, dbname, user and password; `ogrinfo` with the same "
                      "PG: string should list its tables)");
  }
  return dataset;
}

void execute(GDALDataset& dataset, const std::string& sql, const PostgisTarget& target) {
  CPLErrorReset();
  OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result != nullptr) dataset.ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) {
    throw OutputError("output '" + target.label() + "', schema '" + target.schema +
                      "': " + detail::last_gdal_error());
  }
}

bool schema_exists(GDALDataset& dataset, const std::string& schema) {
  const detail::QuietGdalErrors quiet;
  const std::string sql = "SELECT count(*) AS n FROM pg_namespace WHERE nspname = '" + schema + "'";
  OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result == nullptr) return false;
  bool exists = false;
  if (const detail::FeaturePtr row{result->GetNextFeature()}) {
    exists = row->GetFieldAsInteger64(0) > 0;
  }
  dataset.ReleaseResultSet(result);
  return exists;
}

void refuse_existing(GDALDataset& dataset, const PostgisTarget& target, bool overwrite) {
  if (!overwrite && schema_exists(dataset, target.schema)) {
    throw OutputError("output '" + target.label() + "': schema '" + target.schema +
                      "' exists; use --overwrite to replace it (or --schema to name another)");
  }
}

/// Rolls the transaction back unless it was committed: an error or a cancel (planner::Cancelled
/// unwinding) must not leave it to the driver's closing, which may flush (commit) what it holds.
class Rollback {
 public:
  explicit Rollback(GDALDataset& dataset) : m_dataset(dataset) {}
  ~Rollback() {
    if (!m_committed) m_dataset.RollbackTransaction();
  }
  Rollback(const Rollback&) = delete;
  Rollback& operator=(const Rollback&) = delete;
  void committed() { m_committed = true; }

 private:
  GDALDataset& m_dataset;
  bool m_committed = false;
};

}  // namespace

std::string PostgisTarget::label() const {
  return hide_passwords(connection);
}

PostgisTarget postgis_target(const std::string& out, const std::string& schema_option) {
  PostgisTarget target;
  std::string conninfo = pg_prefix_nocase(out, "pg:") ? out.substr(3) : out;
  std::string from_string;
  if (!pg_prefix_nocase(conninfo, "postgres")) from_string = take_schema_keys(conninfo);
  target.connection = "PG:" + conninfo;
  target.schema = !schema_option.empty() ? schema_option
                  : !from_string.empty() ? from_string
                                         : default_postgis_schema;
  return target;
}

bool is_plain_schema_name(const std::string& schema) {
  bool plain = !schema.empty() && schema.size() <= max_postgis_schema_length &&
               (std::islower(static_cast<unsigned char>(schema[0])) != 0 || schema[0] == '_');
  for (const char c : schema) {
    plain = plain && (std::islower(static_cast<unsigned char>(c)) != 0 ||
                      std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '_');
  }
  return plain;
}

void check_postgis_target(const PostgisTarget& target, bool overwrite) {
  DatasetPtr dataset = open_database(target);
  refuse_existing(*dataset, target, overwrite);
}

void write_postgis(const PostgisTarget& target, const std::vector<OutputLayer>& layers,
                   const std::string& crs_wkt, bool overwrite, const planner::CancelToken& cancel) {
  if (!is_plain_schema_name(target.schema)) {
    throw OutputError("schema '" + target.schema + "' is not a plain lower-case name");
  }
  detail::check_layers(layers);
  const std::unique_ptr<OGRSpatialReference> crs = detail::output_crs(crs_wkt);
  const std::string temp = temp_schema(target);
  const std::string label = target.label() + " schema " + target.schema;
  DatasetPtr dataset = open_database(target);
  const detail::QuietGdalErrors quiet;
  if (dataset->StartTransaction(TRUE) != OGRERR_NONE) {
    throw OutputError("output '" + label +
                      "': cannot start a transaction: " + detail::last_gdal_error());
  }
  // Not committed, the transaction is rolled back: by the guard on an error or a cancel, by the
  // server when the connection drops (a kill).
  Rollback rollback(*dataset);
  refuse_existing(*dataset, target, overwrite);
  execute(*dataset, "DROP SCHEMA IF EXISTS \"" + temp + "\" CASCADE", target);
  execute(*dataset, "CREATE SCHEMA \"" + temp + "\"", target);
  detail::LayerStyle style;
  style.options.SetNameValue("SCHEMA", temp.c_str());
  style.options.SetNameValue("GEOMETRY_NAME", "geom");
  style.options.SetNameValue("FID", "fid");
  // Field names as in every other format (no laundering), numbers as integer/float8 and text as
  // text rather than numeric(w,p)/varchar(n).
  style.options.SetNameValue("LAUNDER", "NO");
  style.options.SetNameValue("PRECISION", "NO");
  style.options.SetNameValue("SPATIAL_INDEX", "GIST");
  style.in_caller_transaction = true;
  for (const OutputLayer& layer : layers) {
    detail::write_output_layer(*dataset, layer, crs.get(), style, label, cancel);
  }
  detail::write_layer_styles(*dataset, layers, pinned_style_time, label, {temp, target.schema});
  cancel.check();
  if (overwrite)
    execute(*dataset, "DROP SCHEMA IF EXISTS \"" + target.schema + "\" CASCADE", target);
  execute(*dataset, "ALTER SCHEMA \"" + temp + "\" RENAME TO \"" + target.schema + "\"", target);
  cancel.check();  // a Ctrl-C while waiting for the old schema's locks still rolls back
  if (dataset->CommitTransaction() != OGRERR_NONE) {
    throw OutputError("output '" + label + "': cannot commit: " + detail::last_gdal_error());
  }
  rollback.committed();
}

OutputLayer json_table(const std::string& name, const std::string& text) {
  OutputLayer table;
  table.name = name;
  table.fields = {{"json", FieldType::text}};
  table.rows = {{FieldValue{text}}};
  return table;
}

}  // namespace io
