// Data source names that may carry a password: PostgreSQL connection strings, in key=value form
// ("PG:dbname=city user=gis password=secret") or URI form ("postgresql://gis:secret@host/city",
// also after "PG:"). Every place that shows a data source name to the user (messages,
// summary.json's inputs, stdout) passes it through hide_passwords, so a password given on the
// command line never reaches a log, an output or an issue report (docs/formats.md §PostGIS).
#pragma once

#include <string>

namespace io {

/// `text` with every password replaced by "***": the value of each `password=` key (quoted or
/// not, spaces around '=' allowed) and the password of each `scheme://user:password@` URI; the
/// rest unchanged. Text without a password is returned as is.
std::string hide_passwords(const std::string& text);

/// True for a PostgreSQL data source name: "PG:..." (any case), "postgresql://...",
/// "postgres://...".
bool is_postgres_source(const std::string& name);

}  // namespace io
