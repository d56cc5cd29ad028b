// Text for the HTML report: escaping and numbers in the C locale's format, shared by the tables
// (io/report/html_report.cpp) and the maps (io/report/svg_map.cpp).
#pragma once

#include <string>
#include <string_view>

namespace io::html {

/// Text escaped for HTML and SVG (&, <, >, ", ').
std::string esc(std::string_view text);
/// Fixed decimals in the C locale's format (the program never changes LC_NUMERIC).
std::string fixed(double value, int decimals);
/// The same with a sign: "+1.5", "-0.3", "0.0".
std::string signed_fixed(double value, int decimals);
/// A share 0..1 as "12.3%".
std::string percent(double share);

}  // namespace io::html
