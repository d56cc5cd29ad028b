// QML as QGIS 3 writes it: each symbol layer's properties both as an <Option> map (what QGIS
// 3.22 and later read) and as <prop> pairs (what earlier 3.x versions read), so a planner's
// QGIS of either age draws the same style.
#include "io/styles/qml.h"

#include <cstdio>
#include <utility>

#include "io/report/html_text.h"

namespace io::qml {
namespace {

using Properties = std::vector<std::pair<std::string, std::string>>;

std::string color_text(const Rgba& c) {
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
         std::to_string(c.a);
}

std::string number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

std::string attr(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + html::esc(value) + "\"";
}

Properties properties(const Symbol& s) {
  const std::string outline_width = number(s.width);
  switch (s.kind) {
    case SymbolKind::fill:
      return {{"color", color_text(s.color)},
              {"outline_color", color_text(s.outline)},
              {"outline_style", s.outline.a == 0 ? "no" : "solid"},
              {"outline_width", outline_width},
              {"outline_width_unit", "MM"},
              {"style", s.color.a == 0 ? "no" : "solid"}};
    case SymbolKind::line:
      return {{"capstyle", "round"},
              {"joinstyle", "round"},
              {"line_color", color_text(s.color)},
              {"line_style", "solid"},
              {"line_width", outline_width},
              {"line_width_unit", "MM"}};
    case SymbolKind::marker:
      break;
  }
  return {{"color", color_text(s.color)},
          {"name", s.shape},
          {"outline_color", color_text(s.outline)},
          {"outline_style", "solid"},
          {"outline_width", outline_width},
          {"outline_width_unit", "MM"},
          {"size", number(s.size)},
          {"size_unit", "MM"}};
}

const char* symbol_type(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::fill:
      return "fill";
    case SymbolKind::line:
      return "line";
    case SymbolKind::marker:
      break;
  }
  return "marker";
}

const char* layer_class(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::fill:
      return "SimpleFill";
    case SymbolKind::line:
      return "SimpleLine";
    case SymbolKind::marker:
      break;
  }
  return "SimpleMarker";
}

std::string symbol_xml(const Symbol& s, const std::string& name) {
  std::string xml = "   <symbol" + attr("type", symbol_type(s.kind)) + attr("name", name) +
                    " alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n" + "    <layer" +
                    attr("class", layer_class(s.kind)) +
                    " enabled=\"1\" pass=\"0\" locked=\"0\">\n     <Option type=\"Map\">\n";
  const Properties props = properties(s);
  for (const auto& [key, value] : props) {
    xml += "      <Option type=\"QString\"" + attr("name", key) + attr("value", value) + "/>\n";
  }
  xml += "     </Option>\n";
  for (const auto& [key, value] : props) {
    xml += "     <prop" + attr("k", key) + attr("v", value) + "/>\n";
  }
  return xml + "    </layer>\n   </symbol>\n";
}

std::string symbols_xml(const std::vector<SymbolClass>& classes) {
  std::string xml = "  <symbols>\n";
  for (std::size_t i = 0; i < classes.size(); ++i) {
    xml += symbol_xml(classes[i].symbol, std::to_string(i));
  }
  return xml + "  </symbols>\n";
}

std::string renderer_open(const std::string& type, const std::string& extra) {
  return " <renderer-v2" + attr("type", type) + extra +
         " symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n";
}

}  // namespace

std::string single_symbol_renderer(const Symbol& symbol) {
  return renderer_open("singleSymbol", "") + symbols_xml({{"", "", symbol}}) + " </renderer-v2>\n";
}

std::string categorized_renderer(const std::string& field, const std::vector<SymbolClass>& classes,
                                 const SymbolClass* others) {
  std::vector<SymbolClass> all = classes;
  if (others != nullptr) all.push_back({"", others->label, others->symbol});
  std::string xml = renderer_open("categorizedSymbol", attr("attr", field)) + "  <categories>\n";
  for (std::size_t i = 0; i < all.size(); ++i) {
    xml += "   <category" + attr("symbol", std::to_string(i)) + attr("value", all[i].selector) +
           attr("label", all[i].label) + " render=\"true\"/>\n";
  }
  return xml + "  </categories>\n" + symbols_xml(all) + " </renderer-v2>\n";
}

std::string rule_renderer(const std::vector<SymbolClass>& classes) {
  std::string xml = renderer_open("RuleRenderer", "") + "  <rules key=\"root\">\n";
  for (std::size_t i = 0; i < classes.size(); ++i) {
    xml += "   <rule" + attr("key", "rule" + std::to_string(i)) +
           attr("filter", classes[i].selector) + attr("label", classes[i].label) +
           attr("symbol", std::to_string(i)) + "/>\n";
  }
  return xml + "  </rules>\n" + symbols_xml(classes) + " </renderer-v2>\n";
}

std::string document(const std::string& renderer, const Labels& labels,
                     const std::vector<std::string>& fields) {
  const bool labelled = !labels.field.empty();
  std::string xml =
      "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
      "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling|Fields\"" +
      attr("labelsEnabled", labelled ? "1" : "0") + ">\n" + renderer;
  if (labelled) {
    const bool by_scale = labels.max_scale_denominator > 0;
    xml += " <labeling type=\"simple\">\n  <settings calloutType=\"simple\">\n   <text-style" +
           attr("fieldName", labels.field) +
           " isExpression=\"0\" fontSize=\"9\" fontSizeUnit=\"Point\" "
           "textColor=\"35,35,35,255\">\n"
           "    <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" "
           "bufferColor=\"255,255,255,255\" bufferOpacity=\"1\"/>\n   </text-style>\n" +
           "   <rendering" + attr("scaleVisibility", by_scale ? "1" : "0") +
           // QGIS keeps the legacy names: scaleMin holds the most zoomed-in denominator (here 1)
           // and scaleMax the most zoomed-out one at which labels still show.
           attr("scaleMin", "1") + attr("scaleMax", number(labels.max_scale_denominator)) +
           "/>\n  </settings>\n </labeling>\n";
  }
  xml += " <fieldConfiguration>\n";
  for (const std::string& f : fields) {
    xml += "  <field" + attr("name", f) + " configurationFlags=\"None\"/>\n";
  }
  xml += " </fieldConfiguration>\n <aliases>\n";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    xml +=
        "  <alias" + attr("field", fields[i]) + attr("index", std::to_string(i)) + " name=\"\"/>\n";
  }
  return xml + " </aliases>\n</qgis>\n";
}

}  // namespace io::qml
