// CSV points from lon/lat columns, as a Chinese web map or a spreadsheet gives them: GDAL's CSV
// driver builds the points when told the column names (open options X_POSSIBLE_NAMES and
// Y_POSSIBLE_NAMES); the numbers are lon/lat degrees, so the layer is WGS84 (EPSG:4326)
// without --assume-crs. docs/formats.md lists the names.
#pragma once

#include <string>

#include <cpl_string.h>
#include <gdal_priv.h>

namespace io::detail {

/// The column names taken as longitude and latitude (compared without case by GDAL).
inline constexpr const char* csv_lon_names = "lon,lng,longitude,经度";
inline constexpr const char* csv_lat_names = "lat,latitude,纬度";

/// The dataset was opened by GDAL's CSV driver.
bool is_csv(GDALDataset& dataset);

/// The open options that make GDAL's CSV driver build points from the lon/lat columns.
CPLStringList csv_lonlat_open_options();

/// Why a CSV layer has no geometry, naming its columns and the lon or lat column missing.
std::string csv_without_points(const OGRFeatureDefn& fields);

}  // namespace io::detail
