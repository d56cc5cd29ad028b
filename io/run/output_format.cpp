#include "io/run/output_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/run/run_errors.h"

namespace io {

std::optional<std::string> format_of_extension(const std::string& out) {
  std::string extension = std::filesystem::path(out).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".gpkg") return "gpkg";
  if (extension == ".shp") return "shp";
  if (extension == ".geojson") return "geojson";
  if (extension == ".csv") return "csv";
  if (extension == ".fgb") return "fgb";
  return std::nullopt;
}

std::string settle_output_format(OutputOptions& options) {
  const bool format_given = options.format_given;
  const std::optional<std::string> named = format_of_extension(options.out);
  if (!named) {
    if (!format_given) options.format = "gpkg";
    return "";
  }
  if (format_given && options.format != *named) {
    throw UsageError("--out '" + options.out + "' names a ." + *named + " output but --format is " +
                     options.format +
                     "; drop --format, or give --out a matching name (a folder "
                     "for shp, geojson, csv and fgb)");
  }
  options.format = *named;
  if (*named == "gpkg") return "";
  // Every other format is a folder of one file per layer, at the path as given: what the user
  // named is what is written (and what the output-over-input check compares).
  return "--out " + options.out + ": " + *named + " output is a folder with one file per layer";
}

}  // namespace io
