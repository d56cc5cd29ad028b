// The default QGIS styles: the documents parse as XML, their classes follow the run's --minutes
// and cover threshold, and every field a renderer or label names is one of the layer's fields.
// tests/io/styles/qgis_styles_test.py loads them in QGIS itself.
#include "io/styles/default_styles.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <cpl_minixml.h>
#include <gtest/gtest.h>

namespace {

using io::FieldType;
using io::GeometryKind;
using io::OutputLayer;

struct XmlDeleter {
  void operator()(CPLXMLNode* node) const { CPLDestroyXMLNode(node); }
};
using Xml = std::unique_ptr<CPLXMLNode, XmlDeleter>;

/// The <qgis> element of a style (after the DOCTYPE), or a test failure.
Xml parse(const std::string& qml) {
  Xml doc(CPLParseXMLString(qml.c_str()));
  EXPECT_NE(doc, nullptr) << qml;
  return doc;
}

const CPLXMLNode* qgis_node(const Xml& doc) {
  return CPLSearchXMLNode(doc.get(), "=qgis");
}

std::vector<std::string> attributes_of(const CPLXMLNode* parent, const char* child,
                                       const char* attribute) {
  std::vector<std::string> out;
  for (const CPLXMLNode* n = parent ? parent->psChild : nullptr; n; n = n->psNext) {
    if (n->eType == CXT_Element && std::string(n->pszValue) == child) {
      out.push_back(CPLGetXMLValue(n, attribute, "?"));
    }
  }
  return out;
}

std::vector<std::string> rule_filters(const CPLXMLNode* qgis) {
  return attributes_of(CPLGetXMLNode(qgis, "renderer-v2.rules"), "rule", "filter");
}

std::vector<std::string> rule_labels(const CPLXMLNode* qgis) {
  return attributes_of(CPLGetXMLNode(qgis, "renderer-v2.rules"), "rule", "label");
}

/// Every "quoted" name in the renderer's filters and its attr, and the label field.
std::set<std::string> fields_named(const CPLXMLNode* qgis) {
  std::set<std::string> names;
  for (const std::string& filter : rule_filters(qgis)) {
    for (std::size_t at = filter.find('"'); at != std::string::npos;) {
      const std::size_t end = filter.find('"', at + 1);
      names.insert(filter.substr(at + 1, end - at - 1));
      at = filter.find('"', end + 1);
    }
  }
  const std::string attr = CPLGetXMLValue(qgis, "renderer-v2.attr", "");
  if (!attr.empty()) names.insert(attr);
  const std::string label = CPLGetXMLValue(qgis, "labeling.settings.text-style.fieldName", "");
  if (!label.empty()) names.insert(label);
  return names;
}

void expect_fields_resolve(const OutputLayer& layer, const std::string& qml) {
  const Xml doc = parse(qml);
  const CPLXMLNode* qgis = qgis_node(doc);
  ASSERT_NE(qgis, nullptr);
  std::set<std::string> fields;
  for (const io::OutputField& f : layer.fields) fields.insert(f.name);
  const std::vector<std::string> listed =
      attributes_of(CPLGetXMLNode(qgis, "fieldConfiguration"), "field", "name");
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), fields) << layer.name;
  for (const std::string& name : fields_named(qgis)) {
    EXPECT_TRUE(fields.count(name)) << layer.name << " style names '" << name << "'";
  }
}

OutputLayer blocks_layer() {
  OutputLayer blocks{"blocks",
                     GeometryKind::polygon,
                     {{"block_id", FieldType::text},
                      {"name", FieldType::text},
                      {"minutes", FieldType::real},
                      {"status", FieldType::text}},
                     {},
                     {}};
  return blocks;
}

TEST(DefaultStyles, BlocksHaveOneCoveredClassPerMinutesUpToTheCoverThreshold) {
  const OutputLayer blocks = blocks_layer();
  const Xml doc = parse(io::default_style_qml(blocks, {{5, 10, 15}, 15}));
  const CPLXMLNode* qgis = qgis_node(doc);
  EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.type", ""), "RuleRenderer");
  EXPECT_EQ(rule_filters(qgis), (std::vector<std::string>{
                                    R"("status" = 'covered' AND "minutes" <= 5)",
                                    R"("status" = 'covered' AND "minutes" > 5 AND "minutes" <= 10)",
                                    R"("status" = 'covered' AND "minutes" > 10)",
                                    R"("status" = 'uncovered')", R"("status" = 'unreachable')"}));
  const std::vector<std::string> labels = rule_labels(qgis);
  EXPECT_EQ(labels.front(), "covered, ≤ 5 min / 5分钟内覆盖");
  EXPECT_EQ(labels[3], "uncovered (over 15 min) / 未覆盖（超过15分钟）");
  EXPECT_STREQ(CPLGetXMLValue(qgis, "labelsEnabled", ""), "1");
  EXPECT_STREQ(CPLGetXMLValue(qgis, "labeling.settings.text-style.fieldName", ""), "name");
  expect_fields_resolve(blocks, io::default_style_qml(blocks, {{5, 10, 15}, 15}));
}

TEST(DefaultStyles, ACoverThresholdBetweenMinutesEndsTheCoveredClasses) {
  const Xml at_ten = parse(io::default_style_qml(blocks_layer(), {{15, 5, 10}, 10}));
  EXPECT_EQ(rule_filters(qgis_node(at_ten)),
            (std::vector<std::string>{R"("status" = 'covered' AND "minutes" <= 5)",
                                      R"("status" = 'covered' AND "minutes" > 5)",
                                      R"("status" = 'uncovered')", R"("status" = 'unreachable')"}));
  const Xml at_twelve = parse(io::default_style_qml(blocks_layer(), {{5, 10, 15}, 12}));
  const std::vector<std::string> labels = rule_labels(qgis_node(at_twelve));
  ASSERT_EQ(labels.size(), 5u);
  EXPECT_EQ(labels[2], "covered, 10–12 min / 10–12分钟覆盖");
  EXPECT_EQ(labels[3], "uncovered (over 12 min) / 未覆盖（超过12分钟）");
}

TEST(DefaultStyles, ServiceAreasAndReachedStreetsByBand) {
  OutputLayer areas{"service_areas",
                    GeometryKind::polygon,
                    {{"center_id", FieldType::text},
                     {"tier", FieldType::text},
                     {"from_min", FieldType::real},
                     {"to_min", FieldType::real}},
                    {},
                    {}};
  const std::string qml = io::default_style_qml(areas, {{5, 10, 15}, 15});
  const Xml doc = parse(qml);
  EXPECT_EQ(rule_filters(qgis_node(doc)),
            (std::vector<std::string>{R"("to_min" <= 5)", R"("to_min" > 5 AND "to_min" <= 10)",
                                      R"("to_min" > 10 AND "to_min" <= 15)"}));
  EXPECT_EQ(rule_labels(qgis_node(doc))[1], "5–10 min / 5–10分钟");
  expect_fields_resolve(areas, qml);

  OutputLayer edges = areas;
  edges.name = "reach_edges";
  edges.geometry = GeometryKind::multi_line;
  const Xml lines = parse(io::default_style_qml(edges, {{15}, 15}));
  EXPECT_STREQ(CPLGetXMLValue(qgis_node(lines), "renderer-v2.symbols.symbol.type", ""), "line");
  EXPECT_EQ(rule_filters(qgis_node(lines)), (std::vector<std::string>{R"("to_min" <= 15)"}));
}

TEST(DefaultStyles, CentersByTierFoundInTheRowsSortedWithTheRestInGrey) {
  OutputLayer centers{
      "centers",
      GeometryKind::point,
      {{"center_id", FieldType::text}, {"name", FieldType::text}, {"tier", FieldType::text}},
      {{std::string("1"), std::string("a"), std::string("村社区级")},
       {std::string("2"), std::string("b"), std::string("区镇级")},
       {std::string("3"), std::string("c"), std::string("村社区级")},
       {std::string("4"), std::string("d"), std::string("")},
       {std::string("5"), std::string("e"), std::string("<\"&'>")}},
      {}};
  const std::string qml = io::default_style_qml(centers, {{15}, 15});
  const Xml doc = parse(qml);
  const CPLXMLNode* qgis = qgis_node(doc);
  EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.type", ""), "categorizedSymbol");
  EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.attr", ""), "tier");
  const std::vector<std::string> values =
      attributes_of(CPLGetXMLNode(qgis, "renderer-v2.categories"), "category", "value");
  // Byte order of UTF-8: "<..." before the Chinese values; "" last, QGIS's "all other values".
  EXPECT_EQ(values, (std::vector<std::string>{"<\"&'>", "区镇级", "村社区级", ""}));
  const std::vector<std::string> colors =
      attributes_of(CPLGetXMLNode(qgis, "renderer-v2.symbols"), "symbol", "name");
  EXPECT_EQ(colors.size(), 4u);
  expect_fields_resolve(centers, qml);
}

TEST(DefaultStyles, ChangesGridsAndDiagnosticsNameTheirClassFields) {
  OutputLayer changes{"changes", GeometryKind::polygon, {{"change", FieldType::text}}, {}, {}};
  const Xml c = parse(io::default_style_qml(changes, {}));
  const std::vector<std::string> kinds =
      attributes_of(CPLGetXMLNode(qgis_node(c), "renderer-v2.categories"), "category", "value");
  EXPECT_EQ(kinds.front(), "newly_covered");
  EXPECT_EQ(kinds.size(), 8u);

  OutputLayer grids{
      "grids",
      GeometryKind::polygon,
      {{"grid_id", FieldType::text}, {"name", FieldType::text}, {"has_point", FieldType::integer}},
      {},
      {}};
  expect_fields_resolve(grids, io::default_style_qml(grids, {}));
  OutputLayer diagnostics{"diagnostics",
                          GeometryKind::line,
                          {{"kind", FieldType::text}, {"severity", FieldType::text}},
                          {},
                          {}};
  expect_fields_resolve(diagnostics, io::default_style_qml(diagnostics, {}));
}

TEST(DefaultStyles, EveryGeometryLayerGetsAStyleAndTablesNone) {
  std::vector<OutputLayer> layers{
      blocks_layer(),
      {"summary", GeometryKind::none, {{"key", FieldType::text}}, {}, {}},
      {"roads", GeometryKind::line, {{"id", FieldType::integer}}, {}, {}},
      {"something_new", GeometryKind::point, {{"id", FieldType::integer}}, {}, {}}};
  io::attach_default_styles(layers, {{5, 10, 15}, 15});
  EXPECT_FALSE(layers[0].style_qml.empty());
  EXPECT_TRUE(layers[1].style_qml.empty());
  for (std::size_t i : {2u, 3u}) {
    const Xml doc = parse(layers[i].style_qml);
    EXPECT_STREQ(CPLGetXMLValue(qgis_node(doc), "renderer-v2.type", ""), "singleSymbol");
    EXPECT_STREQ(CPLGetXMLValue(qgis_node(doc), "labelsEnabled", ""), "0");
  }
  // osm's blocks have no status: one symbol, not classes naming a field they lack.
  OutputLayer osm_blocks{"blocks", GeometryKind::polygon, {{"block_id", FieldType::text}}, {}, {}};
  expect_fields_resolve(osm_blocks, io::default_style_qml(osm_blocks, {}));
}

}  // namespace
