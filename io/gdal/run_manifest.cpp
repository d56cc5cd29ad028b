#include "io/gdal/run_manifest.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <string_view>
#include <system_error>
#include <vector>

#include "io/errors.h"

namespace fs = std::filesystem;

namespace io::detail {
namespace {

std::vector<std::string> files_below(const fs::path& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(folder, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_directory()) continue;
    const std::string relative = fs::relative(it->path(), folder).generic_string();
    if (relative != manifest_name) files.push_back(relative);
  }
  if (error) {
    throw OutputError("cannot list folder '" + folder.string() + "': " + error.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::set<std::string> read_manifest(const fs::path& file) {
  std::set<std::string> listed;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') listed.insert(line);
  }
  return listed;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// A file a GIS makes beside a listed one: base.gpkg-wal, blocks.qix (of blocks.shp),
/// blocks.shp.xml, blocks.tif.aux.xml...
bool is_sidecar_of_listed(const std::string& file, const std::set<std::string>& listed) {
  for (std::string_view suffix : {"-wal", "-shm", "-journal", ".aux.xml", ".xml"}) {
    if (ends_with(file, suffix) && listed.count(file.substr(0, file.size() - suffix.size())) > 0) {
      return true;
    }
  }
  const fs::path path(file);
  const std::string extension = path.extension().string();
  if (extension != ".qix" && extension != ".sbn" && extension != ".sbx") return false;
  return listed.count(fs::path(path).replace_extension(".shp").generic_string()) > 0;
}

}  // namespace

void write_run_manifest(const fs::path& folder) {
  std::string text =
      "# Files circleplan wrote in this folder. `--overwrite` replaces the folder only while it "
      "holds nothing else.\n";
  for (const std::string& file : files_below(folder)) text += file + '\n';
  const fs::path path = folder / manifest_name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw OutputError("cannot write '" + path.string() + "'");
}

std::optional<std::string> entry_not_in_manifest(const fs::path& folder) {
  const std::vector<std::string> files = files_below(folder);
  std::error_code error;
  const bool has_manifest = fs::is_regular_file(folder / manifest_name, error);
  if (!has_manifest) {
    if (!files.empty()) return files.front();
    return std::nullopt;  // empty, or empty subfolders only
  }
  const std::set<std::string> listed = read_manifest(folder / manifest_name);
  for (const std::string& file : files) {
    if (listed.count(file) == 0 && !is_sidecar_of_listed(file, listed)) return file;
  }
  return std::nullopt;
}

}  // namespace io::detail
