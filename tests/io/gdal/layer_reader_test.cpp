// Reading layers: CRS handling (EPSG:4326 GeoJSON, EPSG:4549 Shapefile), encodings (GBK
// Shapefile without .cpg), field defaults and rules, and the errors a planner would see.
// Fixtures in tests/data/layers/ (see its README.md); small cases are written inline.
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/layer_reader.h"
#include "test_paths.h"
#include "tests/io/input_error.h"

namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
  return (fs::path(testing_support::test_data_dir()) / "layers" / name).string();
}

// A folder for inline fixtures, removed with the test.
class Scratch {
 public:
  Scratch() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::path(::testing::TempDir()) /
            ("circleplan-reader-" + std::string(test->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  ~Scratch() { fs::remove_all(m_dir); }

  std::string write(const std::string& name, const std::string& content) const {
    const fs::path path = m_dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

 private:
  fs::path m_dir;
};

// A GeoJSON FeatureCollection (EPSG:4326 by definition) from feature texts.
std::string geojson(std::initializer_list<std::string> features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  bool first = true;
  for (const std::string& feature : features) {
    out += (first ? "" : ",") + feature;
    first = false;
  }
  return out + "]}";
}

std::string point_feature(const std::string& properties, double lon = 120.98, double lat = 31.38) {
  return R"({"type":"Feature","properties":)" + properties +
         R"(,"geometry":{"type":"Point","coordinates":[)" + std::to_string(lon) + "," +
         std::to_string(lat) + "]}}";
}

std::string square_feature(const std::string& properties) {
  return R"({"type":"Feature","properties":)" + properties +
         R"(,"geometry":{"type":"Polygon","coordinates":[[[120.98,31.38],[120.99,31.38],)"
         R"([120.99,31.39],[120.98,31.39],[120.98,31.38]]]}})";
}

const io::FieldMap defaults;
const io::ReadSettings plain;

TEST(LayerReader, GeoJsonCentersComeOutAsLonLat) {
  io::ReadReport report;
  const auto centers =
      io::read_centers({fixture("centers_4326.geojson"), ""}, defaults, plain, report);
  // Point, two parts of a MultiPoint (one 3D), a polygon's point on surface; null geometry skipped.
  ASSERT_EQ(centers.size(), 4u);
  EXPECT_EQ(centers[0].id, "1");
  EXPECT_EQ(centers[0].name, "玉山镇党群服务中心");
  EXPECT_EQ(centers[0].tier, "street");
  EXPECT_DOUBLE_EQ(centers[0].pos.x, 120.9812);
  EXPECT_DOUBLE_EQ(centers[0].pos.y, 31.3856);
  EXPECT_EQ(centers[1].id, "2");
  EXPECT_EQ(centers[2].id, "2");
  EXPECT_DOUBLE_EQ(centers[2].pos.x, 120.9905);
  EXPECT_DOUBLE_EQ(centers[2].pos.y, 31.3915);
  EXPECT_EQ(centers[3].tier, "3");
  EXPECT_GT(centers[3].pos.x, 121.0);
  EXPECT_LT(centers[3].pos.x, 121.002);
  EXPECT_GT(centers[3].pos.y, 31.4);
  EXPECT_LT(centers[3].pos.y, 31.402);
  EXPECT_EQ(report.features, 4u);
  EXPECT_EQ(report.null_geometry, 1u);
}

TEST(LayerReader, Epsg4549ShapefileRoadsComeBackToTheirLonLat) {
  io::ReadReport report;
  const auto roads = io::read_roads({fixture("roads_4549.shp"), ""}, defaults, plain, report);
  // The lon/lat that make_fixtures.sh projected to EPSG:4549 (northing-first in EPSG).
  const std::vector<std::vector<planner::XY>> expected = {
      {{120.98, 31.38}, {120.985, 31.381}, {120.99, 31.383}},
      {{120.99, 31.383}, {120.995, 31.385}},
      {{120.981, 31.384}, {120.982, 31.385}},
      {{120.983, 31.386}, {120.984, 31.387}}};
  ASSERT_EQ(roads.size(), expected.size());
  for (std::size_t i = 0; i < roads.size(); ++i) {
    ASSERT_EQ(roads[i].points.size(), expected[i].size()) << "road " << i;
    for (std::size_t j = 0; j < expected[i].size(); ++j) {
      EXPECT_NEAR(roads[i].points[j].x, expected[i][j].x, 1e-6) << "road " << i << " point " << j;
      EXPECT_NEAR(roads[i].points[j].y, expected[i][j].y, 1e-6) << "road " << i << " point " << j;
    }
  }
  EXPECT_EQ(roads[0].feature_id, 101);
  EXPECT_EQ(roads[0].source_node, 1);
  EXPECT_EQ(roads[0].target_node, 2);
  EXPECT_EQ(roads[0].highway, "residential");
  EXPECT_EQ(roads[0].name, "前进路");
  EXPECT_TRUE(roads[0].segment_m.empty());
  EXPECT_EQ(roads[1].source_node, 2);
  EXPECT_EQ(roads[1].target_node, 3);
  EXPECT_EQ(roads[2].feature_id, 103);  // both parts of the multi-line keep the feature's id
  EXPECT_EQ(roads[3].feature_id, 103);
  EXPECT_EQ(roads[3].source_node, planner::no_external_id);
  EXPECT_EQ(report.features, 4u);
  EXPECT_EQ(report.null_geometry, 1u);
}

TEST(LayerReader, GbkShapefileWithoutCpgReadsRightWithEncoding) {
  io::ReadSettings gbk;
  gbk.encoding = "GBK";
  const auto blocks = io::read_blocks({fixture("blocks_gbk.shp"), ""}, defaults, gbk);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].id, "B1");
  EXPECT_EQ(blocks[0].name, "玉山镇");
  EXPECT_EQ(blocks[1].name, "城北社区");
  EXPECT_EQ(blocks[2].name, "朝阳新村");
  EXPECT_EQ(blocks[0].community, "C01");
  EXPECT_EQ(blocks[0].pop, 1200.0);
  EXPECT_FALSE(blocks[1].pop.has_value());  // null population stays unknown
  EXPECT_EQ(blocks[2].pop, 300.0);
  ASSERT_EQ(blocks[0].shape.size(), 1u);
  ASSERT_EQ(blocks[0].shape[0].holes.size(), 1u);
  EXPECT_EQ(blocks[0].shape[0].outer.front(), blocks[0].shape[0].outer.back());
  EXPECT_EQ(blocks[0].shape[0].holes[0].size(), 5u);
  EXPECT_EQ(blocks[2].shape.size(), 2u);
}

TEST(LayerReader, GbkShapefileWithoutEncodingIsDetectedAndNoted) {
  io::ReadReport report;
  const auto blocks = io::read_blocks({fixture("blocks_gbk.shp"), ""}, defaults, plain, report);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].name, "玉山镇");
  EXPECT_EQ(blocks[2].name, "朝阳新村");
  EXPECT_EQ(report.use.encoding, "GBK");
  EXPECT_EQ(report.use.encoding_from, "detected");
  ASSERT_EQ(report.use.notes.size(), 1u);
  EXPECT_NE(report.use.notes[0].find("read as GBK, e.g. '玉山镇'"), std::string::npos)
      << report.use.notes[0];
}

TEST(LayerReader, CpgWinsOverEncodingOption) {
  io::ReadSettings gbk;
  gbk.encoding = "GBK";  // roads_4549 has a UTF-8 .cpg, which must not be overridden
  const auto roads = io::read_roads({fixture("roads_4549.shp"), ""}, defaults, gbk);
  EXPECT_EQ(roads[1].name, "人民路");
}

TEST(LayerReader, UnknownEncodingIsAnInputError) {
  io::ReadSettings bad;
  bad.encoding = "NO-SUCH-ENCODING";
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({fixture("blocks_gbk.shp"), ""}, defaults, bad);
  });
  EXPECT_NE(message.find("NO-SUCH-ENCODING"), std::string::npos) << message;
}

TEST(LayerReader, MissingFileIsNamed) {
  const std::string message = testing_support::input_error([] {
    io::read_roads({fixture("no_such_file.gpkg"), ""}, defaults, plain);
  });
  EXPECT_NE(message.find("no_such_file.gpkg"), std::string::npos) << message;
  EXPECT_NE(message.find("no such file"), std::string::npos) << message;
}

TEST(LayerReader, UnreadableFileIsNamed) {
  Scratch scratch;
  const std::string path = scratch.write("notes.gpkg", "not a geopackage");
  const std::string message = testing_support::input_error([&] {
    io::read_roads({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("notes.gpkg"), std::string::npos) << message;
  EXPECT_NE(message.find("cannot open"), std::string::npos) << message;
}

TEST(LayerReader, UnknownLayerListsTheLayers) {
  const std::string message = testing_support::input_error([] {
    io::read_centers({fixture("centers_4326.geojson"), "stations"}, defaults, plain);
  });
  EXPECT_NE(message.find("layer 'stations'"), std::string::npos) << message;
  EXPECT_NE(message.find("'centers_4326'"), std::string::npos) << message;
}

TEST(LayerReader, LayerByNameIsFound) {
  const auto centers =
      io::read_centers({fixture("centers_4326.geojson"), "centers_4326"}, defaults, plain);
  EXPECT_EQ(centers.size(), 4u);
}

TEST(LayerReader, LayerWithoutCrsNeedsAssumeCrs) {
  Scratch scratch;
  // CSV has no CRS; a WKT column is its geometry. Coordinates here are EPSG:4549 metres.
  const std::string path =
      scratch.write("gates.csv", "WKT,block_id\n\"POINT (593223.076744991 3473521.1284055)\",B1\n");
  const std::string message = testing_support::input_error([&] {
    io::read_entrances({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("gates"), std::string::npos) << message;
  EXPECT_NE(message.find("--assume-crs"), std::string::npos) << message;

  io::ReadSettings assumed;
  assumed.assume_crs = "EPSG:4549";
  const auto gates = io::read_entrances({path, ""}, defaults, assumed);
  ASSERT_EQ(gates.size(), 1u);
  EXPECT_EQ(gates[0].block_id, "B1");
  EXPECT_NEAR(gates[0].pos.x, 120.98, 1e-6);
  EXPECT_NEAR(gates[0].pos.y, 31.38, 1e-6);
}

TEST(LayerReader, BadAssumeCrsIsAnInputError) {
  Scratch scratch;
  const std::string path = scratch.write("gates.csv", "WKT,block_id\n\"POINT (1 2)\",B1\n");
  io::ReadSettings assumed;
  assumed.assume_crs = "EPSG:999999";
  const std::string message = testing_support::input_error([&] {
    io::read_entrances({path, ""}, defaults, assumed);
  });
  EXPECT_NE(message.find("EPSG:999999"), std::string::npos) << message;
}

TEST(LayerReader, ExplicitFieldMustExistAndFieldsAreListed) {
  io::FieldMap fields;
  fields.population = "residents";
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({fixture("blocks_gbk.shp"), ""}, fields, io::ReadSettings{"GBK", ""});
  });
  EXPECT_NE(message.find("blocks_gbk.shp"), std::string::npos) << message;
  EXPECT_NE(message.find("layer 'blocks_gbk'"), std::string::npos) << message;
  EXPECT_NE(message.find("field 'residents'"), std::string::npos) << message;
  EXPECT_NE(message.find("pop (Integer)"), std::string::npos) << message;
}

TEST(LayerReader, ExplicitFieldNamesIgnoreCase) {
  io::FieldMap fields;
  fields.population = "POP";
  fields.name = "Name";
  const auto blocks =
      io::read_blocks({fixture("blocks_gbk.shp"), ""}, fields, io::ReadSettings{"GBK", ""});
  EXPECT_EQ(blocks[0].pop, 1200.0);
  EXPECT_EQ(blocks[0].name, "玉山镇");
}

TEST(LayerReader, PopulationFromTextNumbersAndNulls) {
  Scratch scratch;
  const std::string path = scratch.write(
      "blocks.geojson",
      geojson({square_feature(R"({"人口":"1200"})"), square_feature(R"({"人口":" 35.5 "})"),
               square_feature(R"({"人口":""})"), square_feature(R"({"人口":null})")}));
  const auto blocks = io::read_blocks({path, ""}, defaults, plain);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].pop, 1200.0);
  EXPECT_EQ(blocks[1].pop, 35.5);
  EXPECT_FALSE(blocks[2].pop.has_value());
  EXPECT_FALSE(blocks[3].pop.has_value());
  EXPECT_EQ(blocks[0].id, "0");  // no id field: the FID
  EXPECT_EQ(blocks[3].id, "3");
}

TEST(LayerReader, NonNumericPopulationNamesFeatureAndField) {
  Scratch scratch;
  const std::string path = scratch.write(
      "blocks.geojson",
      geojson({square_feature(R"({"pop":"12"})"), square_feature(R"({"pop":"about 300"})")}));
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("feature 1"), std::string::npos) << message;
  EXPECT_NE(message.find("field 'pop'"), std::string::npos) << message;
  EXPECT_NE(message.find("about 300"), std::string::npos) << message;
}

TEST(LayerReader, NegativePopulationIsAnError) {
  Scratch scratch;
  const std::string path =
      scratch.write("blocks.geojson", geojson({square_feature(R"({"population":-5})")}));
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("feature 0"), std::string::npos) << message;
  EXPECT_NE(message.find("field 'population'"), std::string::npos) << message;
  EXPECT_NE(message.find("negative"), std::string::npos) << message;
}

TEST(LayerReader, DefaultFieldsAreTriedInOrder) {
  Scratch scratch;
  const std::string path = scratch.write(
      "blocks.geojson",
      geojson(
          {square_feature(R"({"人口":1,"population":2,"名称":"甲","community":"C9","ID":"x"})")}));
  const auto blocks = io::read_blocks({path, ""}, defaults, plain);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].pop, 2.0);  // population comes before 人口
  EXPECT_EQ(blocks[0].name, "甲");
  EXPECT_EQ(blocks[0].community, "C9");
  EXPECT_EQ(blocks[0].id, "x");
}

TEST(LayerReader, NumericIdsPrintWithoutFraction) {
  Scratch scratch;
  const std::string path = scratch.write(
      "centers.geojson", geojson({point_feature(R"({"id":12.0})"), point_feature(R"({"id":12.5})"),
                                  point_feature(R"({"id":null})")}));
  const auto centers = io::read_centers({path, ""}, defaults, plain);
  ASSERT_EQ(centers.size(), 3u);
  EXPECT_EQ(centers[0].id, "12");
  EXPECT_EQ(centers[1].id, "12.5");
  EXPECT_EQ(centers[2].id, "2");  // null id: the FID
}

std::string line_feature(const std::string& properties) {
  return R"({"type":"Feature","properties":)" + properties +
         R"(,"geometry":{"type":"LineString","coordinates":[[120.98,31.38],[120.99,31.38]]}})";
}

TEST(LayerReader, RoadIdsAndTopology) {
  Scratch scratch;
  // A text id found by default is not a stable integer id: FIDs are used instead.
  const std::string text_ids =
      scratch.write("roads.geojson", geojson({line_feature(R"({"id":"R7","fclass":"primary"})"),
                                              line_feature(R"({"id":"R8","class":"x"})")}));
  auto roads = io::read_roads({text_ids, ""}, defaults, plain);
  ASSERT_EQ(roads.size(), 2u);
  EXPECT_EQ(roads[0].feature_id, 0);
  EXPECT_EQ(roads[1].feature_id, 1);
  EXPECT_EQ(roads[0].highway, "primary");

  // Named explicitly, text holding integers is used; source without target is no topology.
  const std::string named =
      scratch.write("named.geojson", geojson({line_feature(R"({"way":"70","source":4})")}));
  io::FieldMap fields;
  fields.id = "way";
  roads = io::read_roads({named, ""}, fields, plain);
  EXPECT_EQ(roads[0].feature_id, 70);
  EXPECT_EQ(roads[0].source_node, planner::no_external_id);
  io::FieldMap half_topology = fields;
  half_topology.source = "source";  // asked for by name, but there is no target to pair it with
  const std::string half = testing_support::input_error([&] {
    io::read_roads({named, ""}, half_topology, plain);
  });
  EXPECT_NE(half.find("topology needs both"), std::string::npos) << half;

  fields.id = "id";
  const std::string message = testing_support::input_error([&] {
    io::read_roads({text_ids, ""}, fields, plain);
  });
  EXPECT_NE(message.find("field 'id'"), std::string::npos) << message;
  EXPECT_NE(message.find("'R7' is not an integer"), std::string::npos) << message;
}

TEST(LayerReader, MultiLineWithTopologyIsAnError) {
  Scratch scratch;
  const std::string path = scratch.write(
      "roads.geojson",
      geojson({R"({"type":"Feature","properties":{"source":1,"target":2},"geometry":)"
               R"({"type":"MultiLineString","coordinates":[[[120.98,31.38],[120.99,31.38]],)"
               R"([[121.0,31.38],[121.01,31.38]]]}})"}));
  const std::string message = testing_support::input_error([&] {
    io::read_roads({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("feature 0"), std::string::npos) << message;
  EXPECT_NE(message.find("multi-part"), std::string::npos) << message;
}

TEST(LayerReader, WrongGeometryForTheRoleNamesFeatureAndExpectation) {
  const std::string message = testing_support::input_error([] {
    io::read_roads({fixture("centers_4326.geojson"), ""}, defaults, plain);
  });
  EXPECT_NE(message.find("centers_4326.geojson"), std::string::npos) << message;
  // GDAL's GeoJSON driver takes the integer "id" property as the FID, as QGIS shows it.
  EXPECT_NE(message.find("feature 1"), std::string::npos) << message;
  EXPECT_NE(message.find("Point"), std::string::npos) << message;
  EXPECT_NE(message.find("expected lines"), std::string::npos) << message;

  const std::string blocks_message = testing_support::input_error([] {
    io::read_blocks({fixture("roads_4549.shp"), ""}, defaults, plain);
  });
  EXPECT_NE(blocks_message.find("expected polygons"), std::string::npos) << blocks_message;
}

TEST(LayerReader, EntrancesWithAndWithoutBlockId) {
  Scratch scratch;
  const std::string with = scratch.write(
      "gates.geojson",
      geojson({point_feature(R"({"block_id":"B1"})"), point_feature(R"({"block_id":7})")}));
  auto gates = io::read_entrances({with, ""}, defaults, plain);
  ASSERT_EQ(gates.size(), 2u);
  EXPECT_EQ(gates[0].block_id, "B1");
  EXPECT_EQ(gates[1].block_id, "7");
  EXPECT_DOUBLE_EQ(gates[0].pos.x, 120.98);

  const std::string without =
      scratch.write("plain.geojson", geojson({point_feature(R"({"kind":"gate"})")}));
  gates = io::read_entrances({without, ""}, defaults, plain);
  ASSERT_EQ(gates.size(), 1u);
  EXPECT_TRUE(gates[0].block_id.empty());
}

TEST(LayerReader, CurvesAreLinearisedAndEmptyGeometriesSkipped) {
  Scratch scratch;
  const std::string path = scratch.write(
      "communities.csv",
      "WKT,id,name\n"
      "\"CURVEPOLYGON (CIRCULARSTRING (120.98 31.38,120.99 31.38,120.98 31.38))\",C1,北区\n"
      "\"POLYGON EMPTY\",C2,空\n"
      "\"MULTIPOLYGON (((121 31.4,121.01 31.4,121.01 31.41,121 31.4)))\",C3,南区\n");
  io::ReadSettings assumed;
  assumed.assume_crs = "EPSG:4326";
  io::ReadReport report;
  const auto communities = io::read_communities({path, ""}, defaults, assumed, report);
  ASSERT_EQ(communities.size(), 2u);
  EXPECT_EQ(communities[0].id, "C1");
  EXPECT_EQ(communities[0].name, "北区");
  ASSERT_EQ(communities[0].shape.size(), 1u);
  EXPECT_GT(communities[0].shape[0].outer.size(), 20u);  // a circle, as a ring of many points
  EXPECT_EQ(communities[1].id, "C3");
  EXPECT_EQ(report.empty_geometry, 1u);
}

TEST(LayerReader, LayerWithoutGeometryIsAnError) {
  Scratch scratch;
  const std::string path = scratch.write("table.csv", "id,name\n1,a\n");
  const std::string message = testing_support::input_error([&] {
    io::read_centers({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("no geometry"), std::string::npos) << message;
}

TEST(LayerReader, DuplicateIdsNameBothFeatures) {
  Scratch scratch;
  const std::string blocks = scratch.write(
      "blocks.geojson",
      geojson({square_feature(R"({"block_id":"B1"})"), square_feature(R"({"block_id":"B2"})"),
               square_feature(R"({"block_id":"B1"})")}));
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({blocks, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("feature 2"), std::string::npos) << message;
  EXPECT_NE(message.find("field 'block_id'"), std::string::npos) << message;
  EXPECT_NE(message.find("id 'B1' is also the id of feature 0"), std::string::npos) << message;
  EXPECT_NE(message.find("--block-id-field"), std::string::npos) << message;

  // An id given as 7 in one feature and 7.0 in another is the same id.
  const std::string numeric = scratch.write(
      "numeric.geojson",
      geojson({square_feature(R"({"block_id":7})"), square_feature(R"({"block_id":7.0})")}));
  const std::string again = testing_support::input_error([&] {
    io::read_blocks({numeric, ""}, defaults, plain);
  });
  EXPECT_NE(again.find("id '7' is also the id of feature 0"), std::string::npos) << again;

  // Community boundaries are not checked: `site --allowed` reads any polygons through them.
  const std::string communities = scratch.write(
      "communities.geojson",
      geojson({square_feature(R"({"comm_id":7})"), square_feature(R"({"comm_id":7})")}));
  EXPECT_EQ(io::read_communities({communities, ""}, defaults, plain).size(), 2u);

  // The parts of one multi-point center share its id: that is not a duplicate.
  const std::string centers = scratch.write(
      "centers.geojson",
      geojson({R"({"type":"Feature","properties":{"center_id":"C1"},"geometry":)"
               R"({"type":"MultiPoint","coordinates":[[120.98,31.38],[120.99,31.39]]}})"}));
  EXPECT_EQ(io::read_centers({centers, ""}, defaults, plain).size(), 2u);
}

TEST(LayerReader, CollectionsOfTheRightShapeAreReadAsMultiGeometries) {
  Scratch scratch;
  const std::string path = scratch.write(
      "blocks.csv",
      "WKT,block_id\n"
      "\"GEOMETRYCOLLECTION (POLYGON ((0 0,1 0,1 1,0 0)),POLYGON ((2 0,3 0,3 1,2 0)))\",B1\n"
      "\"POLYGON ZM ((5 5 1 2,6 5 1 2,6 6 1 2,5 5 1 2))\",B2\n");
  io::ReadSettings assumed;
  assumed.assume_crs = "EPSG:4326";
  io::ReadReport report;
  const auto blocks = io::read_blocks({path, ""}, defaults, assumed, report);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].shape.size(), 2u);
  EXPECT_EQ(blocks[1].shape[0].outer[1], (planner::XY{6.0, 5.0}));
  EXPECT_EQ(report.collections, 1u);
  EXPECT_EQ(report.layer.layer, "blocks");

  const std::string mixed = scratch.write(
      "mixed.csv",
      "WKT,block_id\n\"GEOMETRYCOLLECTION (POLYGON ((0 0,1 0,1 1,0 0)),POINT (2 2))\",B1\n");
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({mixed, ""}, defaults, assumed);
  });
  EXPECT_NE(message.find("geometry is Geometry Collection"), std::string::npos) << message;
  EXPECT_NE(message.find("expected polygons"), std::string::npos) << message;
}

TEST(LayerReader, NonFiniteCoordinatesAreErrors) {
  Scratch scratch;
  // (A NaN point is an empty point to OGR, as in WKB, and is skipped as such.)
  const std::string path =
      scratch.write("roads.geojson",
                    geojson({R"({"type":"Feature","properties":{},"geometry":{"type":"LineString",)"
                             R"("coordinates":[[120.98,31.38],[120.99,31.39]]}})",
                             R"({"type":"Feature","properties":{},"geometry":{"type":"LineString",)"
                             R"("coordinates":[[120.98,31.38],[NaN,31.39]]}})"}));
  const std::string message = testing_support::input_error([&] {
    io::read_roads({path, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("feature 1"), std::string::npos) << message;
  EXPECT_NE(message.find("not a finite number"), std::string::npos) << message;
}

TEST(LayerReader, CoordinatesThatCannotBeLonLatInADegreesLayer) {
  Scratch scratch;
  // A GeoJSON without "crs" is EPSG:4326: Gauss-Kruger metres written into one are refused.
  const std::string metres = scratch.write(
      "metres.geojson", geojson({point_feature("{}"), point_feature("{}", 593223.08, 3473521.13)}));
  std::string message = testing_support::input_error([&] {
    io::read_centers({metres, ""}, defaults, plain);
  });
  EXPECT_NE(message.find("feature 1"), std::string::npos) << message;
  EXPECT_NE(message.find("look like metres"), std::string::npos) << message;
  EXPECT_NE(message.find("-a_srs"), std::string::npos) << message;

  const std::string swapped =
      scratch.write("swapped.geojson", geojson({point_feature("{}", 31.38, 120.98)}));
  message = testing_support::input_error([&] { io::read_centers({swapped, ""}, defaults, plain); });
  EXPECT_NE(message.find("x and y look swapped"), std::string::npos) << message;
}

TEST(LayerReader, DegreesInAProjectedLayerAreRefused) {
  Scratch scratch;
  const std::string path = scratch.write(
      "degrees.csv", "WKT,id\n\"POINT (120.98 31.38)\",1\n\"POINT (120.99 31.39)\",2\n");
  io::ReadSettings gk;
  gk.assume_crs = "EPSG:4549";
  const std::string message = testing_support::input_error([&] {
    io::read_centers({path, ""}, defaults, gk);
  });
  EXPECT_NE(message.find("look like lon/lat degrees"), std::string::npos) << message;
  EXPECT_NE(message.find("x 120.98 to 120.99"), std::string::npos) << message;
  // The same points as the metres they are meant to be read fine.
  const std::string metres =
      scratch.write("metres.csv", "WKT,id\n\"POINT (593223.076744991 3473521.1284055)\",1\n");
  EXPECT_NEAR(io::read_centers({metres, ""}, defaults, gk)[0].pos.x, 120.98, 1e-6);
}

TEST(LayerReader, InvalidPolygonsAreCountedOrRefused) {
  Scratch scratch;
  const std::string bowtie =
      R"({"type":"Feature","properties":{"block_id":"X"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[120.98,31.38],[120.99,31.39],[120.99,31.38],[120.98,31.39],[120.98,31.38]]]}})";
  const std::string path =
      scratch.write("blocks.geojson", geojson({square_feature(R"({"block_id":"A"})"), bowtie}));
  io::ReadReport report;
  const auto blocks = io::read_blocks({path, ""}, defaults, plain, report);
  EXPECT_EQ(blocks.size(), 2u);  // kept: the planner repairs it
  EXPECT_EQ(report.invalid_polygons, 1u);
  ASSERT_EQ(report.invalid_examples.size(), 1u);
  EXPECT_NE(report.invalid_examples[0].find("feature 1: Self-intersection"), std::string::npos)
      << report.invalid_examples[0];

  io::ReadSettings strict;
  strict.fail_on_invalid = true;
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({path, ""}, defaults, strict);
  });
  EXPECT_NE(message.find("feature 1"), std::string::npos) << message;
  EXPECT_NE(message.find("invalid polygon (Self-intersection"), std::string::npos) << message;
}

TEST(LayerReader, SkippedFeaturesAreListed) {
  Scratch scratch;
  const std::string path = scratch.write(
      "blocks.geojson",
      geojson(
          {R"({"type":"Feature","properties":{},"geometry":null})", square_feature("{}"),
           R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}})"}));
  io::ReadReport report;
  EXPECT_EQ(io::read_blocks({path, ""}, defaults, plain, report).size(), 1u);
  EXPECT_EQ(report.features, 3u);
  // GDAL reads a GeoJSON polygon without coordinates as no geometry at all.
  EXPECT_EQ(report.null_geometry + report.empty_geometry, 2u);
  EXPECT_EQ(report.skipped_features, (std::vector<std::int64_t>{0, 2}));
}

}  // namespace
