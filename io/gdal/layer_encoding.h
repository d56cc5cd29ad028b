// Which encoding a layer's text is read in (docs/formats.md, "Text encoding"): the layer's own
// option, what it declares, UTF-8 by format, --encoding, or detection. Apart from SourceLayer so
// that the reading of features and the choice of encoding stay one concept each.
#pragma once

#include <string>
#include <vector>

#include <ogrsf_frmts.h>

#include "io/errors.h"
#include "io/gdal/layer_reader.h"
#include "io/gdal/text_encoding.h"

namespace io::detail {

/// The encoding of a layer's text: its own option first, then what the file declares (a
/// Shapefile's .cpg or DBF language id; GeoPackage, GeoJSON, FlatGeobuf, PostGIS are UTF-8 by
/// definition), then --encoding (not for CSV, UTF-8 by definition), else detected from its first
/// non-ASCII text. A detected GBK and a doubtful language id are said in `notes`.
TextEncoding choose_layer_encoding(OGRLayer& layer, const std::string& driver, const LayerRef& ref,
                                   const ReadSettings& settings, const DataLocation& where,
                                   std::vector<std::string>& notes);

}  // namespace io::detail
