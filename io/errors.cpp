#include "io/errors.h"

#include "io/gdal/connection_text.h"

namespace io {

std::string describe(const DataLocation& where, const std::string& what) {
  std::string out;
  auto add = [&out](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (!where.file.empty()) add("file '" + where.file + "'");
  if (!where.layer.empty()) add("layer '" + where.layer + "'");
  if (where.feature) add("feature " + std::to_string(*where.feature));
  if (!where.field.empty()) add("field '" + where.field + "'");
  return out.empty() ? what : out + ": " + what;
}

InputError::InputError(DataLocation where, const std::string& what)
    : std::runtime_error(hide_passwords(describe(where, what))),
      m_where(std::move(where)),
      m_reason(what) {}

InputError::InputError(const std::string& option, DataLocation where, const std::string& what)
    : std::runtime_error(hide_passwords(option.empty() ? describe(where, what)
                                                       : option + ": " + describe(where, what))),
      m_where(std::move(where)),
      m_reason(what) {}

OutputError::OutputError(const std::string& what) : std::runtime_error(hide_passwords(what)) {}

}  // namespace io
