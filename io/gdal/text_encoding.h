// Which text encoding a layer's attribute text is in, and turning that text into UTF-8 without
// loss. A planner's Shapefiles are often GBK without a .cpg and their CSVs UTF-8 (or GBK when
// Excel saved them); one run reads both, so the encoding is chosen per layer, never for all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

class OGRLayer;

namespace io::detail {

/// How a layer's text is read, and why (for the "what was read" line and summary.json).
struct TextEncoding {
  std::string name;  ///< GDAL/iconv name such as "GBK"; empty: UTF-8, taken as GDAL gives it
  std::string from;  ///< "format", ".cpg", "DBF language id", "--encoding", the layer's own
                     ///< option ("--blocks-encoding"), "detected" or "ASCII only"

  /// "UTF-8" when name is empty.
  std::string label() const { return name.empty() ? "UTF-8" : name; }
};

/// True when every byte is below 0x80: such text reads the same in every encoding we accept.
bool is_ascii(std::string_view text);

/// True for the names of UTF-8 ("UTF-8", "utf8", "CP65001"...): no recoding is needed.
bool names_utf8(const std::string& encoding);

/// `raw` in UTF-8, or nullopt when it is not valid text in `encoding`: decoding must give back
/// the same bytes when recoded (iconv replaces what it cannot convert by '?' and GDAL warns only
/// once per process, so a lossy decode would pass unnoticed otherwise). Empty `encoding`: UTF-8.
std::optional<std::string> decode_strictly(std::string_view raw, const std::string& encoding);

/// The first text of a layer that is not plain ASCII, from its field names and then its text
/// values in layer order, with where it was found; empty `text` when the layer is ASCII only.
struct NonAsciiSample {
  std::string text;
  std::string field;          ///< the raw field name, or empty for a field name itself
  std::int64_t feature = -1;  ///< -1: a field name
};
NonAsciiSample first_non_ascii(OGRLayer& layer);

/// What a layer that declares no encoding is in: UTF-8 when its first non-ASCII text is valid
/// UTF-8 (a later invalid value is still an error when read), GBK when that text is not UTF-8
/// but lossless GBK, nullopt when it is neither. ASCII only: UTF-8.
std::optional<TextEncoding> detect_encoding(const NonAsciiSample& sample);

/// The encoding GDAL found for a Shapefile opened with ENCODING="" (from its .cpg or DBF
/// language id), empty when it declares none. `unknown` receives a .cpg value GDAL cannot map.
TextEncoding declared_shapefile_encoding(OGRLayer& layer, std::string& unknown);

}  // namespace io::detail
