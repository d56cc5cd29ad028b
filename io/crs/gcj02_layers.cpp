#include "io/crs/gcj02_layers.h"

#include <algorithm>
#include <stdexcept>

namespace io {

const std::vector<std::string_view>& Gcj02Layers::names() {
  // The option names without "--" (site's --existing is the centers layer). A scenario's
  // add-centers follow "centers", its barriers and footpaths "roads" (docs/coordinates.md).
  static const std::vector<std::string_view> known{
      "roads", "centers",      "blocks",        "entrances",  "communities",
      "grids", "subdistricts", "demand-points", "candidates", "allowed"};
  return known;
}

Gcj02Layers Gcj02Layers::all() {
  Gcj02Layers out;
  out.m_all = true;
  return out;
}

Gcj02Layers Gcj02Layers::of(const std::vector<std::string>& words, const std::string& what) {
  Gcj02Layers out;
  for (const std::string& word : words) {
    if (word == "all") {
      out.m_all = true;
      continue;
    }
    if (std::find(names().begin(), names().end(), word) == names().end()) {
      std::string known;
      for (const std::string_view name : names())
        known += (known.empty() ? "" : ", ") + std::string(name);
      throw std::invalid_argument(what + ": unknown layer '" + word + "'; name layers among " +
                                  known + " (comma-separated), or give --gcj02 alone for all");
    }
    out.m_layers.insert(word);
  }
  if (!out.any()) {
    throw std::invalid_argument(what +
                                ": no layer named; name layers (e.g. centers,blocks) or "
                                "give --gcj02 alone for all");
  }
  return out;
}

Gcj02Layers Gcj02Layers::parse(std::string_view list, const std::string& what) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(list) + ",") {
    if (c == ',') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else if (c != ' ') {
      word += c;
    }
  }
  return of(words, what);
}

std::string Gcj02Layers::converted_crs_text(const std::string& crs) {
  if (!crs.empty() && crs.back() == ')') return crs.substr(0, crs.size() - 1) + ", GCJ-02)";
  return crs + " (GCJ-02)";
}

bool Gcj02Layers::has(std::string_view name) const {
  return m_all || m_layers.find(name) != m_layers.end();
}

std::string Gcj02Layers::text() const {
  if (m_all) return "all";
  if (m_layers.empty()) return "none";
  std::string out;
  // In names() order, not alphabetical: the order the options are listed in.
  for (const std::string_view name : names()) {
    if (m_layers.count(name) > 0) out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

}  // namespace io
