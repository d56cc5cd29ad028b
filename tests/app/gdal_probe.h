// Opening outputs with GDAL in tests, independently of circleplan's own reader.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gdal.h>
#include <ogr_api.h>

namespace testing_support {

struct DatasetCloser {
  void operator()(void* ds) const {
    if (ds) GDALClose(ds);
  }
};

class Probe {
 public:
  explicit Probe(const std::string& path) {
    GDALAllRegister();
    m_ds.reset(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  }
  bool ok() const { return m_ds != nullptr; }

  /// Feature count of a layer, -1 when the layer is missing.
  long long count(const std::string& layer) const {
    OGRLayerH l = find(layer);
    return l ? OGR_L_GetFeatureCount(l, 1) : -1;
  }

  std::vector<std::string> fields(const std::string& layer) const {
    std::vector<std::string> out;
    OGRLayerH l = find(layer);
    if (!l) return out;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
      out.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    }
    return out;
  }

  /// Values of one text field over all features, in feature order.
  std::vector<std::string> strings(const std::string& layer, const std::string& field) const {
    std::vector<std::string> out;
    OGRLayerH l = find(layer);
    if (!l) return out;
    OGR_L_ResetReading(l);
    while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
      const int i = OGR_F_GetFieldIndex(f, field.c_str());
      out.emplace_back(i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i)
                                                                  : "");
      OGR_F_Destroy(f);
    }
    return out;
  }

  std::vector<std::string> layer_names() const {
    std::vector<std::string> out;
    for (int i = 0; i < GDALDatasetGetLayerCount(m_ds.get()); ++i) {
      out.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(m_ds.get(), i)));
    }
    return out;
  }

 private:
  OGRLayerH find(const std::string& layer) const {
    if (!m_ds) return nullptr;
    return GDALDatasetGetLayerByName(m_ds.get(), layer.c_str());
  }
  std::unique_ptr<void, DatasetCloser> m_ds;
};

}  // namespace testing_support
