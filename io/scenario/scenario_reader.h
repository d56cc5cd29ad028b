// Reads a scenario file's TOML values with their positions, so every complaint names the file,
// line and column (docs/scenarios.md). Used by scenario_file.cpp only; a header of its own so the
// file's key-by-key reading and the value checks each stay one concept.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "io/scenario/scenario_file.h"
#include "io/scenario/service_area_words.h"
#include "planner/parameters.h"

namespace io::scenario_detail {

SourcePos pos_of(const toml::source_region& r);

/// The text of a scenario or standard file as a TOML table: a leading UTF-8 byte-order mark
/// skipped (Windows editors write one), stray non-ASCII characters refused
/// before toml++ sees them (toml_text_guard.h), syntax errors with their line and column, both
/// as InputErrors naming `path`.
toml::table parse_guarded_toml(std::string_view text, const std::string& path);

/// Reads the scenario file's values with their positions, so every complaint says where.
class Reader {
 public:
  explicit Reader(std::string path);

  [[noreturn]] void fail(SourcePos pos, const std::string& what) const;
  [[noreturn]] void fail(const toml::node& n, const std::string& what) const;
  [[noreturn]] void wrong_type(const toml::node& n, std::string_view key,
                               const std::string& expected) const;

  std::string text(const toml::node& n, std::string_view key) const;
  double number(const toml::node& n, std::string_view key) const;
  /// A number within `range`; the message is the command line's ("speed-kmh must be ...").
  double number_in(const toml::node& n, const planner::Range& range) const;
  std::int64_t integer(const toml::node& n, std::string_view key) const;
  bool flag(const toml::node& n, std::string_view key) const;
  const toml::array& array(const toml::node& n, std::string_view key) const;
  const toml::table& table(const toml::node& n, std::string_view key) const;
  /// A word of `table` (--bands, --overlap, --hull), as its mode.
  template <class Mode, std::size_t N>
  Mode word(const toml::node& n, std::string_view key, const WordTable<Mode, N>& table) const {
    const std::string value = text(n, key);
    const std::optional<Mode> mode = mode_of(table, value);
    if (!mode) fail(n, "'" + std::string(key) + "' must be one of " + word_list(table));
    return *mode;
  }
  /// A path relative to the scenario file's folder (absolute paths and "PG:..." kept).
  std::string path(const toml::node& n, std::string_view key) const;
  /// Geometry from WKT, split into lines and polygons.
  ShapeSpec wkt(const toml::node& n, std::string_view key) const;
  /// Calls handle(key, node) for each member; a key not in `known` is an error listing them.
  void members(const toml::table& t, const std::set<std::string_view>& known,
               std::string_view where,
               const std::function<void(std::string_view, const toml::node&)>& handle) const;

  const std::string& file() const { return m_path; }

 private:
  std::string m_path;
  std::filesystem::path m_dir;
};

}  // namespace io::scenario_detail
