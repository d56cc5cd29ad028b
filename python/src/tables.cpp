#include "tables.h"

#include <string>
#include <variant>

#include <ogr_geometry.h>

#include "io/gdal/ogr_geometry.h"

namespace py = pybind11;

namespace pycircleplan {
namespace {

const char* type_word(io::FieldType type) {
  switch (type) {
    case io::FieldType::integer:
      return "integer";
    case io::FieldType::real:
      return "real";
    case io::FieldType::text:
      return "text";
  }
  return "text";
}

py::object value_of(const io::FieldValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return py::int_(*i);
  if (const auto* d = std::get_if<double>(&value)) return py::float_(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return py::str(*s);
  return py::none();
}

py::object wkb_of(const io::RowGeometry& geometry) {
  if (std::holds_alternative<std::monostate>(geometry)) return py::none();
  const io::detail::GeometryPtr ogr = io::detail::to_ogr(geometry);
  if (!ogr) return py::none();
  std::string bytes(static_cast<std::size_t>(ogr->WkbSize()), '\0');
  ogr->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(bytes.data()), wkbVariantIso);
  return py::bytes(bytes);
}

}  // namespace

py::dict table_of(const io::OutputLayer& layer) {
  py::list fields;
  py::list columns;
  for (std::size_t f = 0; f < layer.fields.size(); ++f) {
    fields.append(py::make_tuple(layer.fields[f].name, type_word(layer.fields[f].type)));
    py::list column(layer.rows.size());
    for (std::size_t r = 0; r < layer.rows.size(); ++r) {
      column[r] = value_of(layer.rows[r][f]);
    }
    columns.append(column);
  }
  py::object wkb = py::none();
  if (layer.geometry != io::GeometryKind::none) {
    py::list geometries(layer.geometries.size());
    for (std::size_t r = 0; r < layer.geometries.size(); ++r) {
      geometries[r] = wkb_of(layer.geometries[r]);
    }
    wkb = geometries;
  }
  py::dict out;
  out["name"] = layer.name;
  out["fields"] = fields;
  out["columns"] = columns;
  out["wkb"] = wkb;
  return out;
}

void relabel(std::vector<io::OutputLayer>& layers, const Wording& labels) {
  for (io::OutputLayer& layer : layers) {
    for (std::vector<io::FieldValue>& row : layer.rows) {
      for (io::FieldValue& value : row) {
        if (auto* s = std::get_if<std::string>(&value)) *s = labels(std::move(*s));
      }
    }
  }
}

}  // namespace pycircleplan
