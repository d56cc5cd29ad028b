// The one CSV quoting rule of every .csv circleplan writes (RFC 4180): a cell with a comma,
// quote or line break is quoted, quotes doubled; and the one number format of the summary and
// compliance tables.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace io {

/// A number in a summary or compliance CSV: 10 significant digits, the C locale's format; an
/// empty cell for a non-finite value (never "inf" or "nan").
inline std::string csv_number(double v) {
  if (!std::isfinite(v)) return {};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

inline std::string csv_quoted(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace io
