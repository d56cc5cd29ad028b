// Reading is strict: a Leaflet without its licence text or with a style-sheet image missing is
// not inlined (a half-working map is worse than the SVG one).
#include "io/report/leaflet_assets.h"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace io {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

/// Drops "//# sourceMappingURL=..." and "/*# sourceMappingURL=... */": the map file is not
/// inlined, and a browser's developer tools would look for it.
std::string without_source_map(const std::string& text) {
  static const std::regex comment(
      R"x((//[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/))x");
  return std::regex_replace(text, comment, "");
}

std::string data_uri(const std::string& png) {
  char* encoded =
      CPLBase64Encode(static_cast<int>(png.size()), reinterpret_cast<const GByte*>(png.data()));
  std::string uri = std::string("data:image/png;base64,") + encoded;
  CPLFree(encoded);
  return uri;
}

/// The copyright of "Files: *" and the BSD-2-clause licence paragraph of a Debian
/// machine-readable copyright file, continuation lines unindented and " ." lines blank.
std::optional<std::string> bsd_notice(const std::string& copyright) {
  std::istringstream in(copyright);
  std::string line, holders, licence;
  enum { other, files_star, holders_lines, licence_text } at = other;
  while (std::getline(in, line)) {
    const bool continuation = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    if (!continuation) {
      if (line == "Files: *") {
        at = files_star;
      } else if (at == files_star && line.rfind("Copyright:", 0) == 0) {
        at = holders_lines;
        holders += "Copyright" + line.substr(10) + "\n";
      } else if (line == "License: BSD-2-clause" && at != files_star && licence.empty() &&
                 !holders.empty()) {
        at = licence_text;
      } else {
        at = line.rfind("Files:", 0) == 0 ? other : (at == files_star ? files_star : other);
      }
      continue;
    }
    std::string text = line.substr(line.find_first_not_of(" \t"));
    if (text == ".") text.clear();
    if (at == holders_lines) holders += "  " + text + "\n";
    if (at == licence_text) licence += text + "\n";
  }
  if (holders.empty() || licence.empty()) return std::nullopt;
  return "Leaflet " + holders + "License: BSD-2-Clause\n" + licence;
}

}  // namespace

std::optional<LeafletAssets> load_leaflet_assets(std::string& why, const std::string& dir,
                                                 const std::string& copyright) {
  const fs::path root(dir);
  const auto script = read_file(root / "leaflet.min.js");
  const auto styles = read_file(root / "leaflet.css");
  const auto notice_file = read_file(copyright);
  if (!script || !styles || !notice_file) {
    why = "Leaflet not found (" + (root / "leaflet.min.js").string() + ", leaflet.css, " +
          copyright + "; Debian package libjs-leaflet)";
    return std::nullopt;
  }
  LeafletAssets assets;
  assets.script = without_source_map(*script);
  if (assets.script.find("</script") != std::string::npos) {
    why = "leaflet.min.js holds '</script', which cannot be inlined in HTML";
    return std::nullopt;
  }
  assets.styles = without_source_map(*styles);
  static const std::regex image(R"x(url\((images/[A-Za-z0-9_.-]+\.png)\))x");
  std::string inlined;
  auto from = assets.styles.cbegin();
  for (std::sregex_iterator m(assets.styles.begin(), assets.styles.end(), image), end; m != end;
       ++m) {
    const auto png = read_file(root / (*m)[1].str());
    if (!png) {
      why = "Leaflet's style sheet names " + (root / (*m)[1].str()).string() + ", not found";
      return std::nullopt;
    }
    inlined.append(from, (*m)[0].first);
    inlined += "url(" + data_uri(*png) + ")";
    from = (*m)[0].second;
  }
  inlined.append(from, assets.styles.cend());
  assets.styles = std::move(inlined);
  const auto notice = bsd_notice(*notice_file);
  if (!notice) {
    why = "no BSD-2-clause notice for Leaflet in " + copyright;
    return std::nullopt;
  }
  assets.licence = *notice;
  static const std::regex version(R"x(version\s*=\s*"([0-9.]+)")x");
  std::smatch v;
  const std::string head = script->substr(0, std::min<std::size_t>(script->size(), 200000));
  if (std::regex_search(head, v, version)) assets.version = v[1];
  return assets;
}

}  // namespace io
