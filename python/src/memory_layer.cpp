#include "memory_layer.h"

#include <atomic>
#include <optional>
#include <string>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <pybind11/stl.h>

#include "io/gdal/gdal_handles.h"

namespace py = pybind11;

namespace pycircleplan {
namespace {

std::string next_path(const std::string& role, const char* extension) {
  static std::atomic<unsigned> counter{0};
  return "/vsimem/circleplan/" + std::to_string(++counter) + "-" + role + extension;
}

OGRFieldType ogr_type(const std::string& kind) {
  if (kind == "integer") return OFTInteger64;
  if (kind == "real") return OFTReal;
  if (kind == "text") return OFTString;
  throw py::value_error("unknown column kind '" + kind + "' (integer, real, text)");
}

struct Column {
  std::string name;
  std::string kind;
  py::list values;
};

void set_value(OGRFeature& feature, int field, const std::string& kind, py::handle value) {
  if (value.is_none()) {
    feature.SetFieldNull(field);
  } else if (kind == "integer") {
    feature.SetField(field, static_cast<GIntBig>(value.cast<long long>()));
  } else if (kind == "real") {
    feature.SetField(field, value.cast<double>());
  } else {
    feature.SetField(field, value.cast<std::string>().c_str());
  }
}

/// Writes the frame; every value was converted by the package (int, float, str or None).
std::string write_layer(const std::string& role, const std::optional<std::string>& crs,
                        const py::list& wkb, const std::vector<Column>& columns) {
  io::detail::register_gdal_drivers();
  // A GeoPackage keeps a CRS, field types and feature ids from 1 as geopandas' to_file writes
  // them; but it cannot say "no CRS" (GDAL reads its srs_id 0 as an undefined geographic CRS),
  // so a frame without one goes through FlatGeobuf, which can, and the reader then refuses it
  // (or takes assume_crs) exactly as it does a file without one.
  const char* format = crs ? "GPKG" : "FlatGeobuf";
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(format);
  if (driver == nullptr) throw std::runtime_error(std::string("GDAL has no ") + format + " driver");
  const std::string path = next_path(role, crs ? ".gpkg" : ".fgb");
  GDALDataset* dataset = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (dataset == nullptr) throw std::runtime_error("cannot create " + path);
  OGRSpatialReference srs;
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (crs && srs.SetFromUserInput(crs->c_str()) != OGRERR_NONE) {
    GDALClose(dataset);
    VSIUnlink(path.c_str());
    throw py::value_error(role + ": the GeoDataFrame's CRS is not one GDAL knows: " + *crs);
  }
  const char* options[] = {"SPATIAL_INDEX=NO", nullptr};
  OGRLayer* layer = dataset->CreateLayer(role.c_str(), crs ? &srs : nullptr, wkbUnknown,
                                         const_cast<char**>(options));
  for (const Column& c : columns) {
    OGRFieldDefn field(c.name.c_str(), ogr_type(c.kind));
    if (layer->CreateField(&field) != OGRERR_NONE) {
      throw py::value_error(role + ": GDAL refused the column '" + c.name + "'");
    }
  }
  const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
  for (std::size_t r = 0; r < wkb.size(); ++r) {
    OGRFeature feature(layer->GetLayerDefn());
    for (std::size_t f = 0; f < columns.size(); ++f) {
      set_value(feature, static_cast<int>(f), columns[f].kind, columns[f].values[r]);
    }
    if (!wkb[r].is_none()) {
      const std::string bytes = wkb[r].cast<std::string>();
      OGRGeometry* geometry = nullptr;
      if (OGRGeometryFactory::createFromWkb(bytes.data(), nullptr, &geometry, bytes.size()) ==
          OGRERR_NONE) {
        feature.SetGeometryDirectly(geometry);
      }
    }
    if (crs) feature.SetFID(static_cast<GIntBig>(r) + 1);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) {
      if (transaction) dataset->RollbackTransaction();
      GDALClose(dataset);
      VSIUnlink(path.c_str());
      throw std::runtime_error(role + ": GDAL refused row " + std::to_string(r) + ": " +
                               CPLGetLastErrorMsg());
    }
  }
  if (transaction) dataset->CommitTransaction();
  GDALClose(dataset);
  return path;
}

}  // namespace

void bind_memory_layers(py::module_& m) {
  m.def(
      "memory_layer",
      [](const std::string& role, const std::optional<std::string>& crs, const py::list& wkb,
         const std::vector<std::tuple<std::string, std::string, py::list>>& columns) {
        std::vector<Column> cols;
        for (const auto& [name, kind, values] : columns) {
          if (values.size() != wkb.size()) {
            throw py::value_error("column '" + name + "' has another length than the geometry");
          }
          cols.push_back({name, kind, values});
        }
        return write_layer(role, crs, wkb, cols);
      },
      py::arg("role"), py::arg("crs"), py::arg("wkb"), py::arg("columns"),
      "Writes a layer (geometry as WKB, columns as (name, 'integer'|'real'|'text', values)) into "
      "an in-memory GeoPackage and returns its /vsimem/ path.");
  m.def(
      "drop_memory_layer", [](const std::string& path) { VSIUnlink(path.c_str()); },
      py::arg("path"), "Frees a layer made by memory_layer.");
}

}  // namespace pycircleplan
