#include "io/gdal/field_lookup.h"

#include <ogr_feature.h>

namespace io::detail {
namespace {

bool equal_ignoring_ascii_case(const std::string& a, const char* b) {
  std::size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i) {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return i == a.size() && b[i] == '\0';
}

// GDAL's GetFieldIndex ignores case already; exact matches are preferred here so that a layer
// holding both "pop" and "POP" resolves the way the defaults list them.
int index_of(const std::vector<LayerField>& fields, const std::string& name, bool ignore_case) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const char* candidate = fields[i].name.c_str();
    if (ignore_case ? equal_ignoring_ascii_case(name, candidate) : name == candidate) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

FieldRef make_ref(const std::vector<LayerField>& fields, int index, bool named_explicitly) {
  const LayerField& field = fields[static_cast<std::size_t>(index)];
  return FieldRef{index, field.name, field.type, named_explicitly};
}

}  // namespace

std::vector<LayerField> layer_fields(const OGRFeatureDefn& defn) {
  std::vector<LayerField> fields;
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const OGRFieldDefn* field = defn.GetFieldDefn(i);
    fields.push_back({field->GetNameRef(), field->GetType()});
  }
  return fields;
}

FieldRef find_field(const std::vector<LayerField>& fields, const std::string& explicit_name,
                    std::initializer_list<const char*> defaults, const DataLocation& where) {
  if (!explicit_name.empty()) {
    int index = index_of(fields, explicit_name, false);
    if (index < 0) index = index_of(fields, explicit_name, true);
    if (index < 0) {
      DataLocation at = where;
      at.field = explicit_name;
      throw InputError(at, "no such field; the layer has: " + list_fields(fields));
    }
    return make_ref(fields, index, true);
  }
  for (const bool ignore_case : {false, true}) {
    for (const char* name : defaults) {
      const int index = index_of(fields, name, ignore_case);
      if (index >= 0) return make_ref(fields, index, false);
    }
  }
  return FieldRef{};
}

FieldRef find_field(const OGRFeatureDefn& defn, const std::string& explicit_name,
                    std::initializer_list<const char*> defaults, const DataLocation& where) {
  return find_field(layer_fields(defn), explicit_name, defaults, where);
}

std::string list_fields(const std::vector<LayerField>& fields) {
  if (fields.empty()) return "(no fields)";
  std::string out;
  for (const LayerField& field : fields) {
    if (!out.empty()) out += ", ";
    out += field.name + " (" + OGRFieldDefn::GetFieldTypeName(field.type) + ")";
  }
  return out;
}

}  // namespace io::detail
