#include "io/gdal/shapefile_sidecars.h"

#include <array>
#include <cctype>

#include <cpl_vsi.h>

namespace io::detail {
namespace {

bool vsi_exists(const std::string& path, bool& is_folder) {
  VSIStatBufL stat;
  if (VSIStatL(path.c_str(), &stat) != 0) return false;
  is_folder = VSI_ISDIR(stat.st_mode);
  return true;
}

bool ends_with_shp(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".shp";
}

/// The .shp of the layer: the path itself, or <folder>/<layer>.shp (either case); "" if none.
std::string shp_of(const std::string& path, const std::string& layer) {
  bool folder = false;
  if (!vsi_exists(path, folder)) return {};
  if (!folder) return ends_with_shp(path) ? path : std::string{};
  if (layer.empty()) return {};
  const std::string stem = path + (path.back() == '/' ? "" : "/") + layer;
  for (const char* ext : {".shp", ".SHP"}) {
    bool is_folder = false;
    if (vsi_exists(stem + ext, is_folder) && !is_folder) return stem + ext;
  }
  return {};
}

}  // namespace

void check_shapefile_sidecars(const std::string& path, const std::string& layer,
                              const DataLocation& where) {
  const std::string shp = shp_of(path, layer);
  if (shp.empty()) return;
  const std::string stem = shp.substr(0, shp.size() - 4);
  struct Sidecar {
    const char* lower;
    const char* upper;
    const char* holds;
  };
  constexpr std::array<Sidecar, 2> sidecars{{
      {".shx", ".SHX", "the index of the shapes"},
      {".dbf", ".DBF", "the attributes: ids, names, population..."},
  }};
  for (const Sidecar& s : sidecars) {
    bool folder = false;
    if (vsi_exists(stem + s.lower, folder) || vsi_exists(stem + s.upper, folder)) continue;
    throw InputError(where, std::string("the Shapefile's '") + stem + s.lower + "' is missing (" +
                                s.holds +
                                "); a Shapefile is read only with its .shp, .shx and .dbf side "
                                "by side: copy every file of the layer, or export it again");
  }
}

}  // namespace io::detail
