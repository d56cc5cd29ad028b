// Default styles in written outputs: a GeoPackage gets QGIS's layer_styles table (one default
// row per styled layer, pinned update_time, registered as attributes), Shapefile, GeoJSON and
// FlatGeobuf folders a .qml beside each styled layer, CSV none; our readers never take the
// style table for data.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/layer_reader.h"
#include "io/gdal/layer_writer.h"

namespace {

namespace fs = std::filesystem;
using io::FieldType;
using io::GeometryKind;

constexpr const char* blocks_style = "<qgis>blocks: \"status\" & 分钟</qgis>\n";
constexpr const char* centers_style = "<qgis>centers</qgis>\n";

std::vector<io::OutputLayer> styled_layers() {
  io::OutputLayer blocks{
      "blocks",
      GeometryKind::polygon,
      {{"block_id", FieldType::text}},
      {{std::string("B1")}},
      {planner::MultiPolygon{
          planner::Polygon{{{120.0, 31.0}, {120.01, 31.0}, {120.01, 31.01}, {120.0, 31.0}}, {}}}}};
  blocks.style_qml = blocks_style;
  io::OutputLayer centers{"centers",
                          GeometryKind::point,
                          {{"center_id", FieldType::text}},
                          {{std::string("C1")}},
                          {planner::XY{120.005, 31.005}}};
  centers.style_qml = centers_style;
  io::OutputLayer summary{
      "summary", GeometryKind::none, {{"key", FieldType::text}}, {{std::string("x")}}, {}};
  return {blocks, centers, summary};
}

class StyledOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::path(::testing::TempDir()) /
            ("circleplan-styles-" + std::string(test->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  fs::path m_dir;
};

io::WriteOptions options(io::OutputFormat format) {
  io::WriteOptions w;
  w.format = format;
  w.crs_wkt = "EPSG:4326";
  return w;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

io::detail::DatasetPtr open_vector(const std::string& path) {
  io::detail::register_gdal_drivers();
  return io::detail::DatasetPtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  nullptr, nullptr, nullptr));
}

TEST_F(StyledOutput, GeoPackageHoldsOneDefaultStyleRowPerStyledLayer) {
  const std::string out = path("r.gpkg");
  io::write_layers(out, styled_layers(), options(io::OutputFormat::gpkg));
  const auto dataset = open_vector(out);
  ASSERT_TRUE(dataset);
  OGRLayer* table = dataset->GetLayerByName("layer_styles");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->GetGeomType(), wkbNone);
  EXPECT_STREQ(table->GetFIDColumn(), "id");
  ASSERT_EQ(table->GetFeatureCount(), 2);
  const std::pair<const char*, const char*> expected[] = {{"blocks", blocks_style},
                                                          {"centers", centers_style}};
  table->ResetReading();
  for (const auto& [name, qml] : expected) {
    const io::detail::FeaturePtr row(table->GetNextFeature());
    ASSERT_TRUE(row);
    EXPECT_STREQ(row->GetFieldAsString("f_table_name"), name);
    EXPECT_STREQ(row->GetFieldAsString("f_geometry_column"),
                 dataset->GetLayerByName(name)->GetGeometryColumn());
    EXPECT_STREQ(row->GetFieldAsString("f_table_catalog"), "");
    EXPECT_STREQ(row->GetFieldAsString("f_table_schema"), "");
    EXPECT_STREQ(row->GetFieldAsString("styleQML"), qml);
    EXPECT_EQ(row->GetFieldAsInteger("useAsDefault"), 1);
    EXPECT_STREQ(row->GetFieldAsString("update_time"), "2000/01/01 00:00:00+00");
  }
  // Registered in gpkg_contents as a table of attributes (what QGIS itself creates).
  OGRLayer* contents = dataset->ExecuteSQL(
      "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'", nullptr, nullptr);
  ASSERT_NE(contents, nullptr);
  const io::detail::FeaturePtr kind(contents->GetNextFeature());
  ASSERT_TRUE(kind);
  EXPECT_STREQ(kind->GetFieldAsString(0), "attributes");
  dataset->ReleaseResultSet(contents);
}

TEST_F(StyledOutput, SameLayersGiveTheSameBytes) {
  io::write_layers(path("a.gpkg"), styled_layers(), options(io::OutputFormat::gpkg));
  io::write_layers(path("b.gpkg"), styled_layers(), options(io::OutputFormat::gpkg));
  EXPECT_EQ(slurp(path("a.gpkg")), slurp(path("b.gpkg")));
}

TEST_F(StyledOutput, NoStyleNoTable) {
  std::vector<io::OutputLayer> layers = styled_layers();
  for (io::OutputLayer& l : layers) l.style_qml.clear();
  io::write_layers(path("plain.gpkg"), layers, options(io::OutputFormat::gpkg));
  EXPECT_EQ(open_vector(path("plain.gpkg"))->GetLayerByName("layer_styles"), nullptr);
}

TEST_F(StyledOutput, SingleLayerFormatsGetAQmlBesideEachStyledLayer) {
  for (const auto& [format, folder] :
       {std::pair{io::OutputFormat::shp, "shp"}, std::pair{io::OutputFormat::geojson, "geojson"},
        std::pair{io::OutputFormat::fgb, "fgb"}}) {
    const fs::path out = path(folder);
    io::write_layers(out.string(), styled_layers(), options(format));
    EXPECT_EQ(slurp(out / "blocks.qml"), blocks_style) << folder;
    EXPECT_EQ(slurp(out / "centers.qml"), centers_style) << folder;
    EXPECT_FALSE(fs::exists(out / "summary.qml")) << folder;
    // A second write over it is ours to replace: .qml files are circleplan's own.
    io::WriteOptions again = options(format);
    again.overwrite = true;
    EXPECT_NO_THROW(io::write_layers(out.string(), styled_layers(), again)) << folder;
  }
  io::write_layers(path("csv"), styled_layers(), options(io::OutputFormat::csv));
  EXPECT_FALSE(fs::exists(fs::path(path("csv")) / "blocks.qml"));
}

TEST_F(StyledOutput, ReadersNeverTakeTheStyleTableForData) {
  // A GeoPackage where QGIS saved styles before the data layer: layer_styles comes first.
  const std::string out = path("qgis-saved.gpkg");
  {
    io::detail::register_gdal_drivers();
    io::detail::DatasetPtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
        out.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* styles = ds->CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    OGRFieldDefn qml("styleQML", OFTString);
    styles->CreateField(&qml);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer* blocks = ds->CreateLayer("my_blocks", &wgs84, wkbPolygon, nullptr);
    OGRFieldDefn id("block_id", OFTString);
    blocks->CreateField(&id);
    io::detail::FeaturePtr f(OGRFeature::CreateFeature(blocks->GetLayerDefn()));
    f->SetField("block_id", "B9");
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt("POLYGON((120 31,120.01 31,120.01 31.01,120 31))", nullptr,
                                      &g);
    f->SetGeometryDirectly(g);
    ASSERT_EQ(blocks->CreateFeature(f.get()), OGRERR_NONE);
  }
  io::FieldMap fields;
  fields.id = "block_id";
  const auto read = io::read_blocks({out, ""}, fields, {});
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].id, "B9");
  try {
    io::read_blocks({out, "nope"}, fields, {});
    FAIL() << "an unknown layer must be refused";
  } catch (const io::InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("'my_blocks'"), std::string::npos) << message;
    EXPECT_EQ(message.find("layer_styles"), std::string::npos) << message;
  }
}

}  // namespace
