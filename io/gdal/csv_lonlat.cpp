#include "io/gdal/csv_lonlat.h"

#include <string_view>
#include <vector>

namespace io::detail {
namespace {

std::vector<std::string> split(std::string_view list) {
  std::vector<std::string> out(1);
  for (const char c : list) {
    if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

/// The first column whose name is one of `names` (ASCII case ignored, as GDAL does), or "".
std::string column_named(const OGRFeatureDefn& fields, const char* names) {
  for (int i = 0; i < fields.GetFieldCount(); ++i) {
    const char* column = fields.GetFieldDefn(i)->GetNameRef();
    for (const std::string& name : split(names)) {
      if (EQUAL(column, name.c_str())) return column;
    }
  }
  return {};
}

}  // namespace

bool is_csv(GDALDataset& dataset) {
  return dataset.GetDriver() != nullptr && EQUAL(dataset.GetDriver()->GetDescription(), "CSV");
}

CPLStringList csv_lonlat_open_options() {
  CPLStringList options;
  options.SetNameValue("X_POSSIBLE_NAMES", csv_lon_names);
  options.SetNameValue("Y_POSSIBLE_NAMES", csv_lat_names);
  return options;
}

std::string csv_without_points(const OGRFeatureDefn& fields) {
  std::string columns;
  for (int i = 0; i < fields.GetFieldCount(); ++i) {
    columns += (columns.empty() ? "" : ", ") + std::string(fields.GetFieldDefn(i)->GetNameRef());
  }
  std::string missing;
  const std::string lon = column_named(fields, csv_lon_names);
  const std::string lat = column_named(fields, csv_lat_names);
  if (!lon.empty() && lat.empty()) missing = " (longitude column '" + lon + "' has no latitude)";
  if (lon.empty() && !lat.empty()) missing = " (latitude column '" + lat + "' has no longitude)";
  return std::string("a CSV needs a longitude column (one of ") + csv_lon_names +
         ") and a latitude column (one of " + csv_lat_names +
         "; any case) in WGS84 degrees, or a WKT column" + missing +
         "; its columns are: " + (columns.empty() ? "(none)" : columns);
}

}  // namespace io::detail
