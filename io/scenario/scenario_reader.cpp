#include "io/scenario/scenario_reader.h"

#include <cmath>
#include <cstdio>

#include <ogr_geometry.h>

#include "io/errors.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/ogr_geometry.h"
#include "io/scenario/toml_text_guard.h"

namespace io::scenario_detail {
namespace {

namespace fs = std::filesystem;

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "a date/time";
  }
}

}  // namespace

SourcePos pos_of(const toml::source_region& r) {
  return {static_cast<std::uint32_t>(r.begin.line), static_cast<std::uint32_t>(r.begin.column)};
}

Reader::Reader(std::string path) : m_path(std::move(path)) {
  m_dir = fs::path(m_path).parent_path();
}

void Reader::fail(SourcePos pos, const std::string& what) const {
  throw_scenario_error(m_path, pos, what);
}

void Reader::fail(const toml::node& n, const std::string& what) const {
  fail(pos_of(n.source()), what);
}

void Reader::wrong_type(const toml::node& n, std::string_view key,
                        const std::string& expected) const {
  std::string msg = "'";
  msg += key;
  msg += "' must be ";
  msg += expected;
  msg += ", not ";
  msg += type_name(n);
  fail(n, msg);
}

std::string Reader::text(const toml::node& n, std::string_view key) const {
  if (!n.is_string()) wrong_type(n, key, "a string");
  return *n.value<std::string>();
}

double Reader::number(const toml::node& n, std::string_view key) const {
  if (!n.is_number()) wrong_type(n, key, "a number");
  const double v = *n.value<double>();
  if (!std::isfinite(v)) fail(n, std::string("'") + std::string(key) + "' must be finite");
  return v + 0.0;  // -0.0 + 0.0 is +0.0: -0 is 0
}

double Reader::number_in(const toml::node& n, const planner::Range& range) const {
  const double v = number(n, range.name);
  const std::string message = planner::range_error(range, v);
  if (!message.empty()) fail(n, message);
  return v;
}

std::int64_t Reader::integer(const toml::node& n, std::string_view key) const {
  if (!n.is_integer()) wrong_type(n, key, "an integer");
  return *n.value<std::int64_t>();
}

bool Reader::flag(const toml::node& n, std::string_view key) const {
  if (!n.is_boolean()) wrong_type(n, key, "true or false");
  return *n.value<bool>();
}

const toml::array& Reader::array(const toml::node& n, std::string_view key) const {
  if (!n.is_array()) wrong_type(n, key, "an array [ ... ]");
  return *n.as_array();
}

const toml::table& Reader::table(const toml::node& n, std::string_view key) const {
  if (!n.is_table()) wrong_type(n, key, "a table { ... }");
  return *n.as_table();
}

std::string Reader::path(const toml::node& n, std::string_view key) const {
  const std::string p = text(n, key);
  if (p.empty()) fail(n, std::string("'") + std::string(key) + "' is empty");
  if (fs::path(p).is_absolute() || p.rfind("PG:", 0) == 0 || m_dir.empty()) return p;
  return (m_dir / p).lexically_normal().string();
}

ShapeSpec Reader::wkt(const toml::node& n, std::string_view key) const {
  const std::string s = text(n, key);
  OGRGeometry* g = nullptr;
  const char* cursor = s.c_str();
  if (OGRGeometryFactory::createFromWkt(&cursor, nullptr, &g) != OGRERR_NONE || !g) {
    fail(n, std::string("'") + std::string(key) + "': not valid WKT: " + s +
                "; write e.g. 'LINESTRING (120.98 31.38, 120.99 31.38)'");
  }
  detail::GeometryPtr owned(g);
  ShapeSpec out;
  out.pos = pos_of(n.source());
  std::size_t degenerate = 0;
  const OGRwkbGeometryType flat = wkbFlatten(g->getGeometryType());
  if (flat == wkbPolygon || flat == wkbMultiPolygon) {
    out.polygons = detail::polygon_parts(*g, degenerate);
  } else if (flat == wkbLineString || flat == wkbMultiLineString) {
    out.lines = detail::line_parts(*g, degenerate);
  } else {
    fail(n, std::string("'") + std::string(key) +
                "': only LINESTRING, MULTILINESTRING, POLYGON and MULTIPOLYGON are accepted");
  }
  if (out.lines.empty() && out.polygons.empty()) {
    fail(n, std::string("'") + std::string(key) +
                "': empty or degenerate geometry; give a line at least 2 "
                "points, a ring at least 4 (the last repeating the first)");
  }
  return out;
}

void Reader::members(const toml::table& t, const std::set<std::string_view>& known,
                     std::string_view where,
                     const std::function<void(std::string_view, const toml::node&)>& handle) const {
  for (auto&& [k, v] : t) {
    if (!known.contains(k.str())) {
      std::string msg = "unknown key '";
      msg += k.str();
      msg += "' in ";
      msg += where;
      msg += " (see docs/scenarios.md for the keys)";
      fail(pos_of(k.source()), msg);
    }
    handle(k.str(), v);
  }
}

toml::table parse_guarded_toml(std::string_view text, const std::string& path) {
  // A UTF-8 byte-order mark, as Windows editors write at the start of a file, is no character
  // of the TOML text: dropped, so line 1, column 1 is the first character after it.
  constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
  if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
  if (const std::optional<StrayCharacter> stray = find_stray_non_ascii(text)) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(stray->code_point));
    std::string what = "character ";
    what += code;
    what +=
        " outside quotes or a comment; TOML allows non-ASCII text only inside \"...\" strings or "
        "after # (delete it, e.g. a full-width 。 or ， typed after a value, or quote the text)";
    throw_scenario_error(path, SourcePos{stray->line, stray->column}, what);
  }
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw_scenario_error(path, pos_of(e.source()),
                         std::string("TOML syntax error: ") + std::string(e.description()));
  }
}

}  // namespace io::scenario_detail
