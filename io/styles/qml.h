// The pieces of a QGIS style document (QML) that circleplan's default styles use: simple fill,
// line and marker symbols, single-symbol, categorized and rule-based renderers, simple labels
// and the layer's field list. QGIS reads a style from a GeoPackage's layer_styles table or a
// .qml file beside a single-layer file; attributes a piece leaves out take QGIS's defaults.
#pragma once

#include <string>
#include <vector>

namespace io::qml {

/// An sRGB colour with opacity, written as QGIS's "r,g,b,a".
struct Rgba {
  int r = 0, g = 0, b = 0, a = 255;
};

enum class SymbolKind { fill, line, marker };

/// One simple symbol: a fill (with outline), a line or a circle marker.
struct Symbol {
  SymbolKind kind = SymbolKind::fill;
  Rgba color;                    ///< fill, line or marker colour
  Rgba outline{};                ///< fill and marker outline
  double width = 0.3;            ///< line width or outline width, millimetres
  double size = 2.0;             ///< marker diameter, millimetres
  std::string shape = "circle";  ///< marker shape (circle, square, star, diamond...)
};

/// A legend class: what it shows, the expression or value selecting its features, its label.
struct SymbolClass {
  std::string selector;  ///< categorized: the field value; rule-based: a QGIS expression
  std::string label;
  Symbol symbol;
};

std::string single_symbol_renderer(const Symbol& symbol);
/// Features whose `field` equals a class's selector; any other value draws nothing unless
/// `others` is given (QGIS's empty-value "all other values" category).
std::string categorized_renderer(const std::string& field, const std::vector<SymbolClass>& classes,
                                 const SymbolClass* others = nullptr);
/// One rule per class, the selector being its filter expression; rules are exclusive as written.
std::string rule_renderer(const std::vector<SymbolClass>& classes);

/// Labels from `field`, drawn when the map scale is at least 1:`max_scale_denominator` (0:
/// at every scale).
struct Labels {
  std::string field;
  double max_scale_denominator = 0;
};

/// The whole document: a renderer from above, labels (empty field: none) and the layer's
/// fields (QGIS lists them in the style; a field a renderer names must be among them).
std::string document(const std::string& renderer, const Labels& labels,
                     const std::vector<std::string>& fields);

}  // namespace io::qml
