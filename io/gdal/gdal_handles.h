// Owners for GDAL/OGR handles, in the spirit of libosmium's gdalcpp.hpp: every dataset, feature,
// geometry and coordinate transformation that io/ obtains from GDAL is held by a unique_ptr with
// the deleter GDAL asks for, so no path (including an exception) leaks a handle or leaves a
// dataset unflushed. Internal to io/: nothing outside io/ includes GDAL headers.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace io::detail {

/// Registers GDAL's drivers once per process; cheap to call before every open or create.
void register_gdal_drivers();

struct DatasetCloser {
  void operator()(GDALDataset* dataset) const noexcept;
};
struct FeatureDeleter {
  void operator()(OGRFeature* feature) const noexcept;
};
struct GeometryDeleter {
  void operator()(OGRGeometry* geometry) const noexcept;
};
struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* transform) const noexcept;
};

using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;
using GeometryPtr = std::unique_ptr<OGRGeometry, GeometryDeleter>;
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

/// Closes a dataset opened for writing and tells whether GDAL reported a failure while flushing
/// (GDAL 3.6's GDALClose returns nothing, so the error state is the only signal). On failure
/// returns GDAL's message. The pointer is empty afterwards.
std::optional<std::string> close_for_write(DatasetPtr& dataset);

/// GDAL's last error message, or a fallback when GDAL gave none; for exception texts.
std::string last_gdal_error();

/// While alive, GDAL errors and warnings are recorded (last_gdal_error) but not printed: used
/// around calls whose failures io/ reports itself with more context (open, create, close).
class QuietGdalErrors {
 public:
  QuietGdalErrors();
  ~QuietGdalErrors();
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

/// Sets a GDAL configuration option for the current thread and restores the previous value on
/// destruction; thread-local so that concurrent writers in one process do not see each other's
/// settings (e.g. OGR_CURRENT_DATE for deterministic GeoPackages).
class ScopedConfigOption {
 public:
  ScopedConfigOption(std::string key, const std::string& value);
  ~ScopedConfigOption();
  ScopedConfigOption(const ScopedConfigOption&) = delete;
  ScopedConfigOption& operator=(const ScopedConfigOption&) = delete;

 private:
  std::string m_key;
  std::optional<std::string> m_previous;
};

}  // namespace io::detail
