#include "io/run/output_over_input.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include "io/errors.h"

namespace io {
namespace {

namespace fs = std::filesystem;

/// A file's identity: device and inode when it exists, and always its absolute path with `..`
/// and symbolic links of the existing part resolved.
struct FileIdentity {
  std::optional<std::pair<dev_t, ino_t>> inode;
  fs::path normal;
};

FileIdentity identity_of(const fs::path& path) {
  FileIdentity id;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  id.normal = fs::weakly_canonical(absolute, ec);
  if (ec) id.normal = absolute.lexically_normal();
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) id.inode = std::make_pair(st.st_dev, st.st_ino);
  return id;
}

bool same_file(const FileIdentity& a, const FileIdentity& b) {
  if (a.inode && b.inode) return *a.inode == *b.inode;
  return a.normal == b.normal;
}

/// Data sources that are not files: PG:..., /vsicurl/..., an empty option.
bool is_local_path(const std::string& path) {
  if (path.empty() || path.rfind("/vsi", 0) == 0) return false;
  const std::size_t colon = path.find(':');
  if (colon == std::string::npos || colon == 0) return true;
  const bool driver_prefix =
      std::all_of(path.begin(), path.begin() + static_cast<long>(colon),
                  [](unsigned char c) { return std::isalnum(c) || c == '_'; });
  return !driver_prefix || fs::exists(path);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// One of the files that make a Shapefile beside its .shp (GDAL reads or rewrites them all).
bool is_shapefile_part(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  for (const char* part : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"}) {
    if (ext == part) return true;
  }
  return false;
}

/// `inside` lies in `folder` (at any depth): one of its parent folders is that folder.
bool lies_inside(const FileIdentity& inside, const FileIdentity& folder) {
  for (fs::path p = inside.normal.parent_path(); !p.empty(); p = p.parent_path()) {
    if (same_file(identity_of(p), folder)) return true;
    if (p == p.root_path()) break;
  }
  return false;
}

[[noreturn]] void refuse(const NamedPath& out, const NamedPath& in, const std::string& how) {
  throw OutputError(out.option + " '" + out.path + "' " + how + " the input given by " + in.option +
                    " ('" + in.path +
                    "'); writing there would destroy it: choose another output (nothing was "
                    "written)");
}

}  // namespace

void refuse_output_over_input(const std::vector<NamedPath>& inputs,
                              const std::vector<NamedPath>& outputs) {
  for (const NamedPath& out : outputs) {
    if (!is_local_path(out.path)) continue;
    const FileIdentity o = identity_of(out.path);
    for (const NamedPath& in : inputs) {
      if (!is_local_path(in.path)) continue;
      const FileIdentity i = identity_of(in.path);
      if (same_file(o, i)) refuse(out, in, "is");
      if (out.folder && lies_inside(i, o)) refuse(out, in, "is an output folder that holds");
      const fs::path in_file = i.normal;
      if (lower(in_file.extension().string()) == ".shp" && is_shapefile_part(o.normal) &&
          o.normal.parent_path() == in_file.parent_path() && o.normal.stem() == in_file.stem()) {
        refuse(out, in, "is a file of the Shapefile that is");
      }
    }
  }
}

std::vector<NamedPath> input_paths(const InputOptions& o) {
  std::vector<NamedPath> out;
  for (const auto& [option, ref] : {std::pair<const char*, const LayerRef*>{"--roads", &o.roads},
                                    {o.centers_option.c_str(), &o.centers},
                                    {"--blocks", &o.blocks},
                                    {"--entrances", &o.entrances},
                                    {"--communities", &o.communities},
                                    {"--grids", &o.grids},
                                    {"--subdistricts", &o.subdistricts},
                                    {"--demand-points", &o.demand_points.points}}) {
    if (!ref->path.empty()) out.push_back({option, ref->path});
  }
  return out;
}

std::vector<NamedPath> output_paths(const OutputOptions& o) {
  // A schema is written in one transaction after every input is read: no file to compare.
  if (is_postgis(o)) return {};
  const bool folder = o.format != "gpkg";
  return {{"--out", o.out, folder},
          {"--out", summary_json_path(o)},
          {"--out", timings_path(o)},
          {"--out", compliance_csv_path(o)}};
}

}  // namespace io
