// Errors raised by io/ when the user's data or options are wrong (exit code 1 in app/).
//
// The message always says where: file, layer, feature and field when known, so a planner can
// open the data in GIS and fix it.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace io {

/// Where in the user's data something went wrong. Empty members are left out of the message.
struct DataLocation {
  std::string file;
  std::string layer;
  std::optional<std::int64_t> feature;  ///< OGR FID or OSM id
  std::string field;
};

/// Bad input data (the message never holds a password of a connection string): a missing file, a
/// wrong geometry type, an unknown field, a missing CRS...
class InputError : public std::runtime_error {
 public:
  InputError(DataLocation where, const std::string& what);
  /// The same, prefixed with the option that named the data: "--blocks: file 'a.gpkg', ...".
  InputError(const std::string& option, DataLocation where, const std::string& what);
  const DataLocation& where() const { return m_where; }
  /// The message without the location.
  const std::string& reason() const { return m_reason; }

 private:
  DataLocation m_where;
  std::string m_reason;
};

/// A problem writing results (existing output without --overwrite, disk full...).
/// The message never holds a password: a PostGIS --out names its connection string.
class OutputError : public std::runtime_error {
 public:
  explicit OutputError(const std::string& what);
};

/// "file 'a.gpkg', layer 'roads', feature 12, field 'pop': <what>"
std::string describe(const DataLocation& where, const std::string& what);

}  // namespace io
