// Writing layers: every format round-trips through GDAL and our reader (types, nulls, Chinese
// text, CRS and axis order), repeated writes are byte-identical, and outputs are replaced only
// atomically and only with --overwrite.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <cpl_conv.h>
#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/gdal_handles.h"
#include "io/gdal/layer_reader.h"
#include "io/gdal/layer_writer.h"
#include "planner/errors.h"

namespace {

namespace fs = std::filesystem;
using io::FieldType;
using io::GeometryKind;

// EPSG:4549 metres of lon 120.98, lat 31.38 (see tests/data/layers/make_fixtures.sh).
constexpr double e0 = 593223.076744991;
constexpr double n0 = 3473521.1284055;

std::string wkt_of(int epsg) {
  OGRSpatialReference crs;
  crs.importFromEPSG(epsg);
  char* wkt = nullptr;
  const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
  crs.exportToWkt(&wkt, options);
  std::string out = wkt;
  CPLFree(wkt);
  return out;
}

planner::Ring square(double x, double y, double size) {
  return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}

std::vector<io::OutputLayer> sample_layers() {
  io::OutputLayer blocks{"blocks",
                         GeometryKind::polygon,
                         {{"block_id", FieldType::text},
                          {"name", FieldType::text},
                          {"pop", FieldType::integer},
                          {"cov_share", FieldType::real},
                          {"status", FieldType::text}},
                         {},
                         {}};
  blocks.rows.push_back(
      {std::string("B1"), std::string("玉山镇"), std::int64_t{1200}, 0.75, std::string("covered")});
  blocks.rows.push_back({std::string("B2"), std::string("城北社区"), std::monostate{},
                         std::monostate{}, std::string("uncovered")});
  blocks.geometries.push_back(planner::MultiPolygon{
      planner::Polygon{square(e0, n0, 100.0), {square(e0 + 20.0, n0 + 20.0, 10.0)}}});
  blocks.geometries.push_back(
      planner::MultiPolygon{planner::Polygon{square(e0 + 200, n0, 50), {}}});

  io::OutputLayer centers{
      "centers",
      GeometryKind::point,
      {{"center_id", FieldType::text}, {"tier", FieldType::text}, {"snap_m", FieldType::real}},
      {{std::string("1"), std::string("street"), 12.5}},
      {planner::XY{e0, n0}}};
  io::OutputLayer edges{"reach_edges",
                        GeometryKind::line,
                        {{"edge_id", FieldType::integer}, {"to_min", FieldType::real}},
                        {{std::int64_t{101}, 3.25}, {std::int64_t{102}, std::monostate{}}},
                        {planner::LineString{{e0, n0}, {e0 + 50, n0 + 10}},
                         planner::LineString{{e0 + 50, n0 + 10}, {e0 + 90, n0 + 40}}}};
  io::OutputLayer summary{"summary",
                          GeometryKind::none,
                          {{"key", FieldType::text}, {"value", FieldType::real}},
                          {{std::string("covered_pop"), 1200.0}, {std::string("share"), 0.8}},
                          {}};
  return {blocks, centers, edges, summary};
}

io::FieldMap id_field(const std::string& name) {
  io::FieldMap fields;
  fields.id = name;
  return fields;
}

io::WriteOptions options(io::OutputFormat format, bool overwrite = false) {
  return io::WriteOptions{format, overwrite, wkt_of(4549), {}};
}

class LayerWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test->name()) + "-" + std::to_string(::getpid());
    for (char& c : name) c = c == '/' ? '_' : c;
    m_dir = fs::path(::testing::TempDir()) / ("circleplan-writer-" + name);
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::string path(const std::string& name) const { return (m_dir / name).string(); }

  // Names in the scratch folder, to see that no temporary was left behind.
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(m_dir)) {
      out.push_back(entry.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path m_dir;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every file of an output (one file, or a folder's files) by relative name, with its bytes.
std::map<std::string, std::string> contents(const fs::path& output) {
  std::map<std::string, std::string> out;
  if (fs::is_regular_file(output)) {
    out[""] = slurp(output);
    return out;
  }
  for (const auto& entry : fs::directory_iterator(output)) {
    out[entry.path().filename().string()] = slurp(entry.path());
  }
  return out;
}

io::detail::DatasetPtr open_vector(const std::string& path) {
  io::detail::register_gdal_drivers();
  return io::detail::DatasetPtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  nullptr, nullptr, nullptr));
}

// What every format must give back through our reader: lon/lat, text, population, nulls.
void expect_blocks_read_back(const io::LayerRef& ref, const io::ReadSettings& settings = {}) {
  const auto blocks = io::read_blocks(ref, id_field("block_id"), settings);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].id, "B1");
  EXPECT_EQ(blocks[0].name, "玉山镇");
  EXPECT_EQ(blocks[1].name, "城北社区");
  EXPECT_EQ(blocks[0].pop, 1200.0);
  EXPECT_FALSE(blocks[1].pop.has_value());
  ASSERT_EQ(blocks[0].shape.size(), 1u);
  EXPECT_EQ(blocks[0].shape[0].holes.size(), 1u);
  bool found_corner = false;
  for (const planner::XY& p : blocks[0].shape[0].outer) {
    if (std::abs(p.x - 120.98) < 1e-6 && std::abs(p.y - 31.38) < 1e-6) found_corner = true;
  }
  EXPECT_TRUE(found_corner) << "the block's corner does not come back to lon 120.98, lat 31.38";
}

TEST(OutputFormat, Parses) {
  EXPECT_EQ(io::parse_output_format("gpkg"), io::OutputFormat::gpkg);
  EXPECT_EQ(io::parse_output_format("shp"), io::OutputFormat::shp);
  EXPECT_EQ(io::parse_output_format("geojson"), io::OutputFormat::geojson);
  EXPECT_EQ(io::parse_output_format("csv"), io::OutputFormat::csv);
  EXPECT_EQ(io::parse_output_format("fgb"), io::OutputFormat::fgb);
  EXPECT_FALSE(io::parse_output_format("GPKG").has_value());
  EXPECT_FALSE(io::parse_output_format("kml").has_value());
}

TEST_F(LayerWriter, GeoPackageRoundTrip) {
  const std::string out = path("result.gpkg");
  io::write_layers(out, sample_layers(), options(io::OutputFormat::gpkg));
  EXPECT_EQ(entries(), std::vector<std::string>{"result.gpkg"});

  const auto dataset = open_vector(out);
  ASSERT_TRUE(dataset);
  ASSERT_EQ(dataset->GetLayerCount(), 4);
  OGRLayer* blocks = dataset->GetLayerByName("blocks");
  ASSERT_NE(blocks, nullptr);
  EXPECT_EQ(blocks->GetFeatureCount(), 2);
  const OGRFeatureDefn* defn = blocks->GetLayerDefn();
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("pop"))->GetType(), OFTInteger64);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("cov_share"))->GetType(), OFTReal);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("name"))->GetType(), OFTString);
  ASSERT_NE(blocks->GetSpatialRef(), nullptr);
  EXPECT_STREQ(blocks->GetSpatialRef()->GetAuthorityCode(nullptr), "4549");
  // Pinned so that repeated runs are byte-identical (and in GeoPackage's own date format).
  OGRLayer* changes = dataset->ExecuteSQL(
      "SELECT DISTINCT CAST(last_change AS TEXT) FROM gpkg_contents", nullptr, nullptr);
  ASSERT_NE(changes, nullptr);
  {
    const io::detail::FeaturePtr row(changes->GetNextFeature());
    ASSERT_TRUE(row);
    EXPECT_STREQ(row->GetFieldAsString(0), "2000-01-01T00:00:00.000Z");
    EXPECT_EQ(changes->GetFeatureCount(), 1);
  }
  dataset->ReleaseResultSet(changes);
  // Every geometry layer has its R-tree (built once after its rows), registered as GeoPackage's
  // extension so QGIS uses it, and holding every row.
  for (const char* name : {"blocks", "centers", "reach_edges"}) {
    EXPECT_TRUE(dataset->GetLayerByName(name)->TestCapability(OLCFastSpatialFilter)) << name;
    const std::string sql = std::string("SELECT COUNT(*) FROM rtree_") + name + "_geom";
    OGRLayer* rtree = dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    ASSERT_NE(rtree, nullptr) << name;
    const io::detail::FeaturePtr count(rtree->GetNextFeature());
    ASSERT_TRUE(count);
    EXPECT_EQ(count->GetFieldAsInteger64(0), dataset->GetLayerByName(name)->GetFeatureCount());
    dataset->ReleaseResultSet(rtree);
  }
  OGRLayer* summary = dataset->GetLayerByName("summary");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->GetGeomType(), wkbNone);  // an attributes table
  EXPECT_EQ(summary->GetFeatureCount(), 2);

  expect_blocks_read_back({out, "blocks"});
  const auto roads = io::read_roads({out, "reach_edges"}, id_field("edge_id"), {});
  ASSERT_EQ(roads.size(), 2u);
  EXPECT_EQ(roads[1].feature_id, 102);
  const auto centers = io::read_centers({out, "centers"}, id_field("center_id"), {});
  ASSERT_EQ(centers.size(), 1u);
  EXPECT_NEAR(centers[0].pos.x, 120.98, 1e-6);
  EXPECT_NEAR(centers[0].pos.y, 31.38, 1e-6);
  EXPECT_EQ(centers[0].tier, "street");
}

TEST_F(LayerWriter, ShapefileFolderRoundTrip) {
  const std::string out = path("result");
  io::write_layers(out, sample_layers(), options(io::OutputFormat::shp));
  for (const char* file : {"blocks.shp", "blocks.shx", "blocks.dbf", "blocks.prj", "blocks.cpg",
                           "centers.shp", "reach_edges.shp", "summary.dbf", "summary.cpg"}) {
    EXPECT_TRUE(fs::exists(fs::path(out) / file)) << file;
  }
  EXPECT_FALSE(fs::exists(fs::path(out) / "summary.shp"));  // a table is a .dbf alone
  EXPECT_EQ(slurp(fs::path(out) / "blocks.cpg"), "UTF-8");
  const std::string dbf = slurp(fs::path(out) / "blocks.dbf");
  ASSERT_GT(dbf.size(), 4u);
  EXPECT_EQ(dbf.substr(1, 3), std::string("\x64\x01\x01"));  // last update pinned: 2000-01-01
  EXPECT_EQ(entries(), std::vector<std::string>{"result"});

  const auto dataset = open_vector((fs::path(out) / "blocks.shp").string());
  ASSERT_TRUE(dataset);
  OGRLayer* blocks = dataset->GetLayer(0);
  const OGRFeatureDefn* defn = blocks->GetLayerDefn();
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("pop"))->GetType(), OFTInteger64);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("cov_share"))->GetType(), OFTReal);
  EXPECT_EQ(defn->GetFieldIndex("cov_share"), 3);  // 9 characters: kept whole
  io::detail::FeaturePtr second;
  blocks->SetNextByIndex(1);
  second.reset(blocks->GetNextFeature());
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->IsFieldSetAndNotNull(defn->GetFieldIndex("cov_share")));

  expect_blocks_read_back({out, "blocks"});
  const auto summary = open_vector((fs::path(out) / "summary.dbf").string());
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->GetLayer(0)->GetFeatureCount(), 2);
}

TEST_F(LayerWriter, GeoJsonFolderKeepsCrsAndWritesNullGeometries) {
  const std::string out = path("result");
  io::write_layers(out, sample_layers(), options(io::OutputFormat::geojson));
  const std::string blocks = slurp(fs::path(out) / "blocks.geojson");
  EXPECT_NE(blocks.find("EPSG::4549"), std::string::npos) << blocks.substr(0, 300);
  EXPECT_NE(blocks.find("玉山镇"), std::string::npos);
  const std::string summary = slurp(fs::path(out) / "summary.geojson");
  EXPECT_NE(summary.find("\"geometry\": null"), std::string::npos) << summary;
  expect_blocks_read_back({(fs::path(out) / "blocks.geojson").string(), ""});
}

TEST_F(LayerWriter, CsvFolderHasWktGeometryAndPlainTables) {
  const std::string out = path("result");
  io::write_layers(out, sample_layers(), options(io::OutputFormat::csv));
  // Every CSV starts with the UTF-8 BOM (for Excel on a Chinese Windows machine).
  const std::string bom = io::utf8_bom;
  const std::string blocks = slurp(fs::path(out) / "blocks.csv");
  EXPECT_EQ(blocks.rfind(bom + "WKT,block_id,name,pop,cov_share,status\n", 0), 0u) << blocks;
  EXPECT_NE(blocks.find("MULTIPOLYGON"), std::string::npos);
  EXPECT_EQ(blocks.find('\r'), std::string::npos);
  const std::string summary = slurp(fs::path(out) / "summary.csv");
  EXPECT_EQ(summary, bom + "key,value\ncovered_pop,1200\nshare,0.8\n");
  // CSV has no CRS: the reader needs to be told it. The BOM is not part of the first field name.
  expect_blocks_read_back({(fs::path(out) / "blocks.csv").string(), ""},
                          io::ReadSettings{"", "EPSG:4549"});
  // The CSV text files (summary.csv, changes.csv, compliance.csv) get it the same way.
  io::write_csv_text_file(path("table.csv"), "a,b\n1,2\n");
  EXPECT_EQ(slurp(path("table.csv")), bom + "a,b\n1,2\n");
}

TEST_F(LayerWriter, Wgs84OutputKeepsLonLatOrder) {
  io::OutputLayer centers{"centers",
                          GeometryKind::point,
                          {{"center_id", FieldType::text}},
                          {{std::string("1")}},
                          {planner::XY{120.98, 31.38}}};
  for (const auto format :
       {io::OutputFormat::gpkg, io::OutputFormat::geojson, io::OutputFormat::shp}) {
    const std::string out = path("lonlat-" + std::to_string(static_cast<int>(format)));
    io::write_layers(out, {centers}, io::WriteOptions{format, false, wkt_of(4326), {}});
    const std::string layer_path =
        format == io::OutputFormat::geojson ? out + "/centers.geojson" : out;
    const auto read =
        io::read_centers({layer_path, format == io::OutputFormat::geojson ? "" : "centers"},
                         id_field("center_id"), {});
    ASSERT_EQ(read.size(), 1u);
    EXPECT_NEAR(read[0].pos.x, 120.98, 1e-9) << "format " << static_cast<int>(format);
    EXPECT_NEAR(read[0].pos.y, 31.38, 1e-9) << "format " << static_cast<int>(format);
  }
}

class RepeatedWrite : public LayerWriter, public ::testing::WithParamInterface<io::OutputFormat> {};

TEST_P(RepeatedWrite, GivesByteIdenticalFiles) {
  const std::string first = path("first");
  const std::string second = path("second");
  io::write_layers(first, sample_layers(), options(GetParam()));
  io::write_layers(second, sample_layers(), options(GetParam()));
  const auto a = contents(first);
  const auto b = contents(second);
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) {
    ASSERT_TRUE(b.count(name)) << name;
    EXPECT_TRUE(bytes == b.at(name)) << name << " differs between two writes";
  }
  // And an overwrite with the same layers changes nothing either.
  io::write_layers(first, sample_layers(), options(GetParam(), true));
  EXPECT_TRUE(contents(first) == a);
}

std::string format_name(const ::testing::TestParamInfo<io::OutputFormat>& info) {
  switch (info.param) {
    case io::OutputFormat::gpkg:
      return "gpkg";
    case io::OutputFormat::shp:
      return "shp";
    case io::OutputFormat::geojson:
      return "geojson";
    case io::OutputFormat::fgb:
      return "fgb";
    case io::OutputFormat::csv:
      break;
  }
  return "csv";
}

INSTANTIATE_TEST_SUITE_P(AllFormats, RepeatedWrite,
                         ::testing::Values(io::OutputFormat::gpkg, io::OutputFormat::shp,
                                           io::OutputFormat::geojson, io::OutputFormat::csv,
                                           io::OutputFormat::fgb),
                         format_name);

TEST_F(LayerWriter, ExistingFileWithoutOverwriteIsKept) {
  const std::string out = path("result.gpkg");
  std::ofstream(out) << "previous";
  try {
    io::write_layers(out, sample_layers(), options(io::OutputFormat::gpkg));
    FAIL() << "no OutputError";
  } catch (const io::OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("exists; use --overwrite"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(slurp(out), "previous");
  EXPECT_EQ(entries(), std::vector<std::string>{"result.gpkg"});
}

TEST_F(LayerWriter, ExistingFolderWithoutOverwriteIsKept) {
  const std::string out = path("result");
  fs::create_directories(out);
  std::ofstream(out + "/blocks.csv") << "previous";
  EXPECT_THROW(io::write_layers(out, sample_layers(), options(io::OutputFormat::csv)),
               io::OutputError);
  EXPECT_EQ(contents(out), (std::map<std::string, std::string>{{"blocks.csv", "previous"}}));
  EXPECT_EQ(entries(), std::vector<std::string>{"result"});
}

TEST_F(LayerWriter, OverwriteReplacesFileAndFolder) {
  const std::string file = path("result.gpkg");
  std::ofstream(file) << "previous";
  io::write_layers(file, sample_layers(), options(io::OutputFormat::gpkg, true));
  expect_blocks_read_back({file, "blocks"});

  const std::string folder = path("result");
  fs::create_directories(folder);
  std::ofstream(folder + "/stale.shp") << "from an earlier run";
  io::write_layers(folder, sample_layers(), options(io::OutputFormat::shp, true));
  EXPECT_FALSE(fs::exists(folder + "/stale.shp"));  // the folder is replaced as a whole
  expect_blocks_read_back({folder, "blocks"});
  EXPECT_EQ(entries(), (std::vector<std::string>{"result", "result.gpkg"}));
}

TEST_F(LayerWriter, OverwriteNeverDeletesAFolderOfOtherData) {
  const std::string folder = path("documents");
  fs::create_directories(folder);
  std::ofstream(folder + "/plan.docx") << "precious";
  EXPECT_THROW(io::write_layers(folder, sample_layers(), options(io::OutputFormat::shp, true)),
               io::OutputError);
  EXPECT_EQ(slurp(folder + "/plan.docx"), "precious");
  EXPECT_EQ(entries(), std::vector<std::string>{"documents"});
}

TEST_F(LayerWriter, FailedWriteLeavesPreviousOutputAndNoTemporary) {
  const std::string folder = path("result");
  io::write_layers(folder, sample_layers(), options(io::OutputFormat::geojson));
  const auto before = contents(folder);
  auto layers = sample_layers();
  layers.back().name = std::string(300, 'x');  // longer than a file name may be: GDAL fails
  EXPECT_THROW(io::write_layers(folder, layers, options(io::OutputFormat::geojson, true)),
               io::OutputError);
  EXPECT_TRUE(contents(folder) == before);
  EXPECT_EQ(entries(), std::vector<std::string>{"result"});
}

// Layers circleplan built itself: a schema that does not fit is a bug (exit 3), not bad input.
TEST_F(LayerWriter, SchemaErrorsAreCaughtBeforeWriting) {
  auto long_name = sample_layers();
  long_name[0].fields[0].name = "block_identifier";
  EXPECT_THROW(io::write_layers(path("a.gpkg"), long_name, options(io::OutputFormat::gpkg)),
               planner::InternalError);
  auto short_row = sample_layers();
  short_row[3].rows[0].pop_back();
  EXPECT_THROW(io::write_layers(path("b.gpkg"), short_row, options(io::OutputFormat::gpkg)),
               planner::InternalError);
  auto wrong_geometry = sample_layers();
  wrong_geometry[1].geometries[0] = planner::LineString{{0, 0}, {1, 1}};
  EXPECT_THROW(io::write_layers(path("c.gpkg"), wrong_geometry, options(io::OutputFormat::gpkg)),
               planner::InternalError);
  EXPECT_TRUE(entries().empty());
}

TEST_F(LayerWriter, NullGeometryRowsAreWritten) {
  auto layers = sample_layers();
  layers[1].geometries[0] = std::monostate{};
  io::write_layers(path("r.gpkg"), layers, options(io::OutputFormat::gpkg));
  const auto dataset = open_vector(path("r.gpkg"));
  OGRLayer* centers = dataset->GetLayerByName("centers");
  const io::detail::FeaturePtr feature(centers->GetNextFeature());
  ASSERT_TRUE(feature);
  EXPECT_EQ(feature->GetGeometryRef(), nullptr);
}

TEST_F(LayerWriter, TextFileIsWrittenAndReplacedAtomically) {
  const std::string out = path("summary.json");
  io::write_text_file(out, "{\"a\": 1}\n");
  EXPECT_EQ(slurp(out), "{\"a\": 1}\n");
  io::write_text_file(out, "{}\n");
  EXPECT_EQ(slurp(out), "{}\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"summary.json"});
  fs::create_directories(path("folder"));
  EXPECT_THROW(io::write_text_file(path("folder"), "x"), io::OutputError);
}

}  // namespace
