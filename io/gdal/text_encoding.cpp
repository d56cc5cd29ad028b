#include "io/gdal/text_encoding.h"

#include <cctype>
#include <memory>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include "io/gdal/gdal_handles.h"

namespace io::detail {
namespace {

struct RecodedText {
  void operator()(char* text) const noexcept { CPLFree(text); }
};

std::string recode(std::string_view text, const char* from, const char* to) {
  const std::string copy(text);  // CPLRecode wants a terminated string
  const std::unique_ptr<char, RecodedText> out(CPLRecode(copy.c_str(), from, to));
  return out ? std::string(out.get()) : std::string();
}

std::string metadata_item(OGRLayer& layer, const char* item) {
  const char* value = layer.GetMetadataItem(item, "SHAPEFILE");
  return value != nullptr ? std::string(value) : std::string();
}

}  // namespace

bool is_ascii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool names_utf8(const std::string& encoding) {
  std::string bare;
  for (const char c : encoding) {
    if (c != '-' && c != '_')
      bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return bare == "utf8" || bare == "cp65001";
}

std::optional<std::string> decode_strictly(std::string_view raw, const std::string& encoding) {
  if (is_ascii(raw)) return std::string(raw);
  if (encoding.empty() || names_utf8(encoding)) {
    if (!CPLIsUTF8(raw.data(), static_cast<int>(raw.size()))) return std::nullopt;
    return std::string(raw);
  }
  // A NUL inside a DBF value ends the text for GDAL too; nothing after it is read.
  const QuietGdalErrors quiet;  // iconv's "could not be converted" is our error, said once
  std::string utf8 = recode(raw, encoding.c_str(), CPL_ENC_UTF8);
  if (recode(utf8, CPL_ENC_UTF8, encoding.c_str()) != raw) return std::nullopt;
  if (!CPLIsUTF8(utf8.c_str(), static_cast<int>(utf8.size()))) return std::nullopt;
  return utf8;
}

NonAsciiSample first_non_ascii(OGRLayer& layer) {
  NonAsciiSample sample;
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  std::vector<int> text_fields;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn* field = defn->GetFieldDefn(i);
    if (!is_ascii(field->GetNameRef())) {
      sample.text = field->GetNameRef();
      return sample;
    }
    if (field->GetType() == OFTString) text_fields.push_back(i);
  }
  if (text_fields.empty()) return sample;
  // Only the text matters here: skipping geometry makes this pass a plain DBF scan.
  const char* const skip_geometry[] = {"OGR_GEOMETRY", nullptr};
  layer.SetIgnoredFields(const_cast<const char**>(skip_geometry));
  layer.ResetReading();
  std::int64_t position = 0;
  for (FeaturePtr feature(layer.GetNextFeature()); feature;
       feature.reset(layer.GetNextFeature()), ++position) {
    for (const int i : text_fields) {
      if (!feature->IsFieldSetAndNotNull(i)) continue;
      const char* text = feature->GetFieldAsString(i);
      if (is_ascii(text)) continue;
      sample.text = text;
      sample.field = defn->GetFieldDefn(i)->GetNameRef();
      sample.feature = feature->GetFID() == OGRNullFID ? position : feature->GetFID();
      break;
    }
    if (!sample.text.empty()) break;
  }
  layer.SetIgnoredFields(nullptr);
  layer.ResetReading();
  return sample;
}

std::optional<TextEncoding> detect_encoding(const NonAsciiSample& sample) {
  if (sample.text.empty()) return TextEncoding{"", "ASCII only"};
  if (decode_strictly(sample.text, "")) return TextEncoding{"", "detected"};
  if (decode_strictly(sample.text, "GBK")) return TextEncoding{"GBK", "detected"};
  return std::nullopt;
}

TextEncoding declared_shapefile_encoding(OGRLayer& layer, std::string& unknown) {
  unknown.clear();
  // GDAL's own rule: a .cpg wins over the DBF's language id.
  if (const std::string cpg = metadata_item(layer, "CPG_VALUE"); !cpg.empty()) {
    const std::string from_cpg = metadata_item(layer, "ENCODING_FROM_CPG");
    if (from_cpg.empty()) unknown = cpg;
    return TextEncoding{from_cpg, ".cpg"};
  }
  const std::string from_ldid = metadata_item(layer, "ENCODING_FROM_LDID");
  if (!from_ldid.empty()) return TextEncoding{from_ldid, "DBF language id"};
  return TextEncoding{};
}

}  // namespace io::detail
