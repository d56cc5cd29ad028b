#include "io/gdal/layer_encoding.h"

#include <optional>

namespace io::detail {

TextEncoding choose_layer_encoding(OGRLayer& layer, const std::string& driver, const LayerRef& ref,
                                   const ReadSettings& settings, const DataLocation& where,
                                   std::vector<std::string>& notes) {
  const std::string option = ref.encoding_option.empty() ? "--encoding" : ref.encoding_option;
  const bool shapefile = driver == "ESRI Shapefile";
  const bool utf8_format = !shapefile && layer.TestCapability(OLCStringsAsUTF8) != 0;
  if (!ref.encoding.empty()) {
    if (utf8_format && !names_utf8(ref.encoding)) {
      throw InputError(where, option + " " + ref.encoding + " does not apply: " + driver +
                                  " stores text in UTF-8 by definition; leave " + option + " out");
    }
    return TextEncoding{names_utf8(ref.encoding) ? std::string() : ref.encoding, option};
  }
  if (utf8_format) return TextEncoding{"", "format"};
  if (shapefile) {
    std::string unknown;
    TextEncoding declared = declared_shapefile_encoding(layer, unknown);
    if (!unknown.empty()) {
      throw InputError(where, "the .cpg says '" + unknown +
                                  "', an encoding GDAL does not know; correct the .cpg (e.g. "
                                  "GBK, UTF-8) or pass the layer's encoding with " +
                                  option);
    }
    if (!declared.name.empty()) {
      const char* ldid = layer.GetMetadataItem("LDID_VALUE", "SHAPEFILE");
      if (declared.from == "DBF language id" && ldid != nullptr && std::string(ldid) == "87") {
        // 87 means "the writing machine's ANSI code page", GBK on a Chinese Windows.
        const NonAsciiSample sample = first_non_ascii(layer);
        const auto as_declared = decode_strictly(sample.text, declared.name);
        const auto as_gbk = decode_strictly(sample.text, "GBK");
        if (!sample.text.empty() && as_declared && as_gbk) {
          notes.push_back(
              "the DBF language id 87 (the ANSI code page of the machine that wrote "
              "it) is read as " +
              declared.name + ": '" + *as_declared + "'; as GBK it reads '" + *as_gbk +
              "': if that is right, pass " + option + " GBK");
        }
      }
      if (names_utf8(declared.name)) declared.name.clear();
      return declared;
    }
  }
  if (!settings.encoding.empty() && driver != "CSV") {
    return TextEncoding{names_utf8(settings.encoding) ? std::string() : settings.encoding,
                        "--encoding"};
  }
  const NonAsciiSample sample = first_non_ascii(layer);
  const std::optional<TextEncoding> detected = detect_encoding(sample);
  DataLocation at = where;
  if (sample.feature >= 0) at.feature = sample.feature;
  if (is_ascii(sample.field)) at.field = sample.field;
  const std::string what = sample.feature >= 0 ? "text" : "a field name";
  if (!detected) {
    throw InputError(
        at, what +
                " is neither UTF-8 nor GBK and the layer does not say its "
                "encoding (e.g. a Shapefile without .cpg); pass it with " +
                option + (option == "--encoding" ? "" : " (or --encoding for every such layer)") +
                ", e.g. GB18030, BIG5 or CP1252");
  }
  if (detected->name == "GBK") {
    const std::string silence =
        shapefile ? "a .cpg file holding GBK beside the .dbf (or " + option + " GBK)"
                  : option + " GBK";
    notes.push_back(what + " is not UTF-8 and the layer does not say its encoding" +
                    (shapefile ? " (no .cpg)" : "") + ": read as GBK, e.g. '" +
                    *decode_strictly(sample.text, "GBK") +
                    "'; if that looks wrong pass the right encoding with " + option + "; " +
                    silence + " silences this");
  }
  return *detected;
}

}  // namespace io::detail
