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
int index_of(const OGRFeatureDefn& defn, const std::string& name, bool ignore_case) {
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const char* candidate = defn.GetFieldDefn(i)->GetNameRef();
    if (ignore_case ? equal_ignoring_ascii_case(name, candidate) : name == candidate) return i;
  }
  return -1;
}

FieldRef make_ref(const OGRFeatureDefn& defn, int index, bool named_explicitly) {
  const OGRFieldDefn* field = defn.GetFieldDefn(index);
  return FieldRef{index, field->GetNameRef(), field->GetType(), named_explicitly};
}

}  // namespace

FieldRef find_field(const OGRFeatureDefn& defn, const std::string& explicit_name,
                    std::initializer_list<const char*> defaults, const DataLocation& where) {
  if (!explicit_name.empty()) {
    int index = index_of(defn, explicit_name, false);
    if (index < 0) index = index_of(defn, explicit_name, true);
    if (index < 0) {
      DataLocation at = where;
      at.field = explicit_name;
      throw InputError(at, "no such field; the layer has: " + list_fields(defn));
    }
    return make_ref(defn, index, true);
  }
  for (const bool ignore_case : {false, true}) {
    for (const char* name : defaults) {
      const int index = index_of(defn, name, ignore_case);
      if (index >= 0) return make_ref(defn, index, false);
    }
  }
  return FieldRef{};
}

std::string list_fields(const OGRFeatureDefn& defn) {
  if (defn.GetFieldCount() == 0) return "(no fields)";
  std::string out;
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const OGRFieldDefn* field = defn.GetFieldDefn(i);
    if (!out.empty()) out += ", ";
    out += std::string(field->GetNameRef()) + " (" +
           OGRFieldDefn::GetFieldTypeName(field->GetType()) + ")";
  }
  return out;
}

}  // namespace io::detail
