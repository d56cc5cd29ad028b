// Finding the attribute field a role uses: the name the user gave, or the first default present.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include <ogr_core.h>

#include "io/errors.h"

class OGRFeatureDefn;

namespace io::detail {

/// A field of a layer as chosen for a role; index < 0 when the layer has no such field.
struct FieldRef {
  int index = -1;
  std::string name;               ///< the layer's own spelling
  OGRFieldType type = OFTString;  ///< meaningful only when found()
  bool named_explicitly = false;  ///< the user asked for it by name (so type rules are strict)

  bool found() const { return index >= 0; }
  bool is_integer() const { return found() && (type == OFTInteger || type == OFTInteger64); }
};

/// A layer's field as a role sees it: its name in UTF-8 (decoded like the layer's text) and type.
struct LayerField {
  std::string name;
  OGRFieldType type = OFTString;
};

/// The fields of `defn`, their names taken as they are (UTF-8).
std::vector<LayerField> layer_fields(const OGRFeatureDefn& defn);

/// A non-empty `explicit_name` must exist (exact spelling first, then ignoring case, since
/// Shapefile tools often change case), else an InputError at `where` names the field and lists
/// the layer's fields. With an empty name the defaults are tried in order, each exactly and then
/// ignoring case; none present gives a FieldRef that is not found().
FieldRef find_field(const std::vector<LayerField>& fields, const std::string& explicit_name,
                    std::initializer_list<const char*> defaults, const DataLocation& where);
FieldRef find_field(const OGRFeatureDefn& defn, const std::string& explicit_name,
                    std::initializer_list<const char*> defaults, const DataLocation& where);

/// "id (Integer), name (String)": the layer's fields, for error messages.
std::string list_fields(const std::vector<LayerField>& fields);

}  // namespace io::detail
