#include "io/gdal/field_values.h"

#include <charconv>
#include <cmath>
#include <memory>
#include <string_view>
#include <system_error>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <ogr_feature.h>

#include "io/gdal/gdal_handles.h"

namespace io::detail {
namespace {

struct CplFree {
  void operator()(char* text) const noexcept { CPLFree(text); }
};

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

template <typename Number>
std::optional<Number> parse_whole(std::string_view text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Counts are population: a wrong one would silently skew every share, so it stops the run; an
// empty one is "unknown" and only leaves the block out of the sums (with a warning).
const char* const count_remedy =
    "correct it, or empty the cell (NULL) to leave this block out of population sums";

bool is_set(const OGRFeature& feature, const FieldRef& field) {
  return field.found() && feature.IsFieldSetAndNotNull(field.index);
}

}  // namespace

void check_encoding_known(const std::string& encoding, const DataLocation& where) {
  const QuietGdalErrors quiet;
  const std::unique_ptr<char, CplFree> probe(CPLRecode("a", encoding.c_str(), CPL_ENC_UTF8));
  if (CPLGetLastErrorType() != CE_None) {
    throw InputError(where, "unknown text encoding '" + encoding + "' (" + last_gdal_error() +
                                "); try e.g. GBK, GB18030, UTF-8, CP1252");
  }
}

TextDecoder::TextDecoder(TextEncoding encoding, std::string option, const DataLocation& where)
    : m_encoding(std::move(encoding)), m_option(std::move(option)) {
  if (!m_encoding.name.empty()) check_encoding_known(m_encoding.name, where);
}

std::string TextDecoder::to_utf8(const char* raw, const DataLocation& where) const {
  if (std::optional<std::string> text = decode_strictly(raw, m_encoding.name)) return *text;
  const std::string why =
      m_encoding.from == "detected" || m_encoding.from == "ASCII only"
          ? "the source does not say its encoding and its first text was " + m_encoding.label()
          : "the encoding from " + m_encoding.from;
  throw InputError(where, "text is not valid " + m_encoding.label() + " (" + why +
                              "); pass the layer's encoding with " + m_option +
                              ", e.g. GBK, GB18030 or UTF-8");
}

std::string format_number(double value) {
  // Integral values print without ".0" so that an id stored as Real (common in DBF) still
  // matches the same id stored as Integer or text elsewhere; 2^53 keeps that exact.
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

FieldReader::FieldReader(DataLocation layer, TextDecoder decoder)
    : m_layer(std::move(layer)), m_decoder(std::move(decoder)) {}

DataLocation FieldReader::at(std::int64_t fid, const FieldRef& field) const {
  DataLocation where = m_layer;
  where.feature = fid;
  where.field = field.name;
  return where;
}

std::optional<std::string> FieldReader::text(const OGRFeature& feature, std::int64_t fid,
                                             const FieldRef& field) const {
  if (!is_set(feature, field)) return std::nullopt;
  switch (field.type) {
    case OFTInteger:
    case OFTInteger64:
      return std::to_string(feature.GetFieldAsInteger64(field.index));
    case OFTReal:
      return format_number(feature.GetFieldAsDouble(field.index));
    default:
      return m_decoder.to_utf8(feature.GetFieldAsString(field.index), at(fid, field));
  }
}

std::string FieldReader::id_or_fid(const OGRFeature& feature, std::int64_t fid,
                                   const FieldRef& field) const {
  std::optional<std::string> id = text(feature, fid, field);
  if (!id || trimmed(*id).empty()) return std::to_string(fid);
  return std::move(*id);
}

std::optional<double> FieldReader::non_negative_number(const OGRFeature& feature, std::int64_t fid,
                                                       const FieldRef& field,
                                                       const char* remedy) const {
  if (!is_set(feature, field)) return std::nullopt;
  const std::string fix = remedy != nullptr ? remedy : count_remedy;
  double value = 0.0;
  if (field.type == OFTInteger || field.type == OFTInteger64) {
    value = static_cast<double>(feature.GetFieldAsInteger64(field.index));
  } else if (field.type == OFTReal) {
    value = feature.GetFieldAsDouble(field.index);
  } else {
    const std::string raw =
        m_decoder.to_utf8(feature.GetFieldAsString(field.index), at(fid, field));
    const std::string_view digits = trimmed(raw);
    if (digits.empty()) return std::nullopt;  // blank CSV/DBF cells mean "unknown"
    const auto parsed = parse_whole<double>(digits);
    if (!parsed) throw InputError(at(fid, field), "'" + raw + "' is not a number; " + fix);
    value = *parsed;
  }
  if (!std::isfinite(value)) {
    throw InputError(at(fid, field), "value is not a finite number; " + fix);
  }
  if (value < 0.0) {
    throw InputError(at(fid, field),
                     "negative value " + format_number(value) + " not allowed; " + fix);
  }
  return value;
}

// Integer fields are road ids and topology (source/target): whole numbers or nothing.
constexpr const char* integer_remedy =
    "write a whole number or empty the cell; for the road id field, --road-id-field can name "
    "another field, or leave it out to number roads by FID";

std::optional<std::int64_t> FieldReader::integer(const OGRFeature& feature, std::int64_t fid,
                                                 const FieldRef& field) const {
  if (!is_set(feature, field)) return std::nullopt;
  if (field.type == OFTInteger || field.type == OFTInteger64) {
    return feature.GetFieldAsInteger64(field.index);
  }
  if (field.type == OFTReal) {
    const double value = feature.GetFieldAsDouble(field.index);
    if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
      return static_cast<std::int64_t>(value);
    }
    throw InputError(at(fid, field),
                     format_number(value) + " is not an integer; " + integer_remedy);
  }
  const std::string raw = m_decoder.to_utf8(feature.GetFieldAsString(field.index), at(fid, field));
  const std::string_view digits = trimmed(raw);
  if (digits.empty()) return std::nullopt;
  if (const auto parsed = parse_whole<std::int64_t>(digits)) return parsed;
  throw InputError(at(fid, field), "'" + raw + "' is not an integer; " + integer_remedy);
}

}  // namespace io::detail
