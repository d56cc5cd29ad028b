// Messages as a Python caller reads them: the command's options spelled as the keywords that
// gave them (`--speed-kmh` -> `speed_kmh`), and the in-memory files made from GeoDataFrames
// named as such (`<GeoDataFrame: 12 rows>`), in errors, warnings and summary.json alike.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace pycircleplan {

class Wording {
 public:
  Wording() = default;
  /// Every long option of `command`, and `labels` (in-memory path -> what to call it).
  Wording(const CLI::App& command, const std::map<std::string, std::string>& labels);
  /// Only the labels: for summary.json and the tables, which name options as the command does.
  explicit Wording(const std::map<std::string, std::string>& labels);

  /// `text` with every known option and label replaced, longest first (so `--blocks-layer` is
  /// not read as `--blocks` followed by `-layer`).
  std::string operator()(std::string text) const;

 private:
  std::vector<std::pair<std::string, std::string>> m_replace;
};

/// A long option as a keyword: "--speed-kmh" -> "speed_kmh".
std::string keyword_of(const std::string& option);

}  // namespace pycircleplan
