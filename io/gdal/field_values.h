// Reading one feature's attribute values as the types planner/ wants, with errors that name the
// feature and field, and text that is always valid UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "io/errors.h"
#include "io/gdal/field_lookup.h"
#include "io/gdal/text_encoding.h"

class OGRFeature;

namespace io::detail {

/// Turns a layer's text into UTF-8 from the encoding chosen for it (text_encoding.h), losing
/// nothing: text that is not valid in that encoding is an InputError naming the feature and
/// field and the option that sets the layer's encoding, never passed on as mojibake or '?'.
class TextDecoder {
 public:
  TextDecoder() = default;
  /// Throws InputError at `where` when GDAL/iconv does not know `encoding.name`.
  /// `option` is what a planner passes to change it, e.g. "--blocks-encoding".
  TextDecoder(TextEncoding encoding, std::string option, const DataLocation& where);

  /// `raw` in UTF-8, or InputError at `where` (which should name feature and field).
  std::string to_utf8(const char* raw, const DataLocation& where) const;

  const TextEncoding& encoding() const { return m_encoding; }

 private:
  TextEncoding m_encoding;
  std::string m_option = "--encoding";
};

/// Throws InputError at `where` when GDAL (iconv) cannot recode from `encoding` to UTF-8.
void check_encoding_known(const std::string& encoding, const DataLocation& where);

/// "12" for 12.0, shortest round-trip text otherwise: how numeric ids and codes become strings.
std::string format_number(double value);

/// Typed access to the fields of a layer's features. Every error names file, layer, feature id
/// and field.
class FieldReader {
 public:
  FieldReader(DataLocation layer, TextDecoder decoder);

  /// Null, unset or absent field: nullopt. Numbers are formatted (integers without ".0").
  std::optional<std::string> text(const OGRFeature& feature, std::int64_t fid,
                                  const FieldRef& field) const;

  /// The field's text, or the FID as text when the field is absent, null or empty.
  std::string id_or_fid(const OGRFeature& feature, std::int64_t fid, const FieldRef& field) const;

  /// A count such as population: numeric field or text holding a number (blank text is null).
  /// Non-numeric text, NaN/infinity or a negative value is an InputError ending with `remedy`
  /// (null: the population wording, "correct it, or empty the cell ...").
  std::optional<double> non_negative_number(const OGRFeature& feature, std::int64_t fid,
                                            const FieldRef& field,
                                            const char* remedy = nullptr) const;

  /// Integer fields, reals without fraction and text holding an integer; anything else is an
  /// InputError. Null or absent: nullopt.
  std::optional<std::int64_t> integer(const OGRFeature& feature, std::int64_t fid,
                                      const FieldRef& field) const;

  /// The layer's location with the feature and field filled in.
  DataLocation at(std::int64_t fid, const FieldRef& field) const;

 private:
  DataLocation m_layer;
  TextDecoder m_decoder;
};

}  // namespace io::detail
