// The one CSV quoting rule of every .csv circleplan writes (RFC 4180): a cell with a comma,
// quote or line break is quoted, quotes doubled.
#pragma once

#include <string>
#include <string_view>

namespace io {

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
