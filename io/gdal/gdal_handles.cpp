#include "io/gdal/gdal_handles.h"

#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

namespace io::detail {

void register_gdal_drivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

void DatasetCloser::operator()(GDALDataset* dataset) const noexcept {
  GDALClose(GDALDataset::ToHandle(dataset));
}

void FeatureDeleter::operator()(OGRFeature* feature) const noexcept {
  OGRFeature::DestroyFeature(feature);
}

void GeometryDeleter::operator()(OGRGeometry* geometry) const noexcept {
  OGRGeometryFactory::destroyGeometry(geometry);
}

void TransformDeleter::operator()(OGRCoordinateTransformation* transform) const noexcept {
  OGRCoordinateTransformation::DestroyCT(transform);
}

std::optional<std::string> close_for_write(DatasetPtr& dataset) {
  const QuietGdalErrors quiet;
  dataset.reset();
  if (CPLGetLastErrorType() >= CE_Failure) return last_gdal_error();
  return std::nullopt;
}

std::string last_gdal_error() {
  const char* message = CPLGetLastErrorMsg();
  if (message == nullptr || *message == '\0') return "GDAL gave no further detail";
  return message;
}

QuietGdalErrors::QuietGdalErrors() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() {
  CPLPopErrorHandler();
}

ScopedConfigOption::ScopedConfigOption(std::string key, const std::string& value)
    : m_key(std::move(key)) {
  if (const char* previous = CPLGetThreadLocalConfigOption(m_key.c_str(), nullptr)) {
    m_previous = previous;
  }
  CPLSetThreadLocalConfigOption(m_key.c_str(), value.c_str());
}

ScopedConfigOption::~ScopedConfigOption() {
  CPLSetThreadLocalConfigOption(m_key.c_str(), m_previous ? m_previous->c_str() : nullptr);
}

}  // namespace io::detail
