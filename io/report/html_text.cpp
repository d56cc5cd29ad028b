#include "io/report/html_text.h"

#include <cmath>
#include <cstdio>

namespace io::html {
namespace {

void escape_into(std::string& out, std::string_view text) {
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
}

}  // namespace

std::string esc(std::string_view text) {
  std::string out;
  escape_into(out, text);
  return out;
}

/// Fixed decimals in the C locale's format (the program never changes LC_NUMERIC).
std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string out = buf;
  if (out == "-0" || out == "-0.0" || out == "-0.00") out.erase(0, 1);
  return out;
}

std::string signed_fixed(double value, int decimals) {
  std::string out = fixed(value, decimals);
  if (out.front() != '-' && std::stod(out) != 0.0) out.insert(0, "+");
  return out;
}

std::string percent(double share) {
  return fixed(100.0 * share, 1) + "%";
}

}  // namespace io::html
