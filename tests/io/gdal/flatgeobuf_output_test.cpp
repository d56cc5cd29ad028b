// --format fgb: a folder with <layer>.fgb for every geometry layer and <layer>.csv for tables and
// for the rows without geometry (GDAL 3.6's FlatGeobuf writer drops those). Every row of every
// layer kind is read back with GDAL, counts and values.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/gdal/gdal_handles.h"
#include "io/gdal/layer_writer.h"

namespace {

namespace fs = std::filesystem;
using io::FieldType;
using io::FieldValue;
using io::GeometryKind;

constexpr double x0 = 593223.0, y0 = 3473521.0;  // EPSG:4549 metres

std::vector<io::OutputLayer> every_kind() {
  io::OutputLayer blocks{"blocks",
                         GeometryKind::polygon,
                         {{"block_id", FieldType::text}, {"pop", FieldType::real}},
                         {{std::string("B1"), 1200.5}, {std::string("B2"), std::monostate{}}},
                         {}};
  const planner::Ring ring{{x0, y0}, {x0 + 50, y0}, {x0 + 50, y0 + 50}, {x0, y0}};
  blocks.geometries = {planner::MultiPolygon{planner::Polygon{ring, {}}},
                       planner::MultiPolygon{}};  // an empty polygon: to the table
  io::OutputLayer centers{"centers",
                          GeometryKind::point,
                          {{"center_id", FieldType::text}, {"snap_m", FieldType::real}},
                          {{std::string("C1"), 2.5}, {std::string("C2"), std::monostate{}}},
                          {planner::XY{x0, y0}, std::monostate{}}};
  io::OutputLayer lines{"diagnostics",
                        GeometryKind::line,
                        {{"kind", FieldType::text}, {"count", FieldType::integer}},
                        {{std::string("long_edge"), std::int64_t{3}},
                         {std::string("island"), std::int64_t{-7}},
                         {std::string("名称"), std::int64_t{0}}},
                        {planner::LineString{{x0, y0}, {x0 + 10, y0 + 10}}, std::monostate{},
                         planner::LineString{{x0 + 20, y0}, {x0 + 30, y0 + 5}}}};
  io::OutputLayer reach{
      "reach_edges",
      GeometryKind::multi_line,
      {{"center_id", FieldType::text}, {"length_m", FieldType::real}},
      {{std::string("C1"), 75.25}, {std::monostate{}, 10.0}},
      {planner::MultiLineString{{{x0, y0}, {x0 + 75.25, y0}}},
       planner::MultiLineString{{{x0, y0}, {x0, y0 + 5}}, {{x0 + 1, y0}, {x0 + 1, y0 + 5}}}}};
  io::OutputLayer summary{"summary",
                          GeometryKind::none,
                          {{"scope", FieldType::text}, {"blocks", FieldType::integer}},
                          {{std::string("all"), std::int64_t{2}}},
                          {}};
  return {blocks, centers, lines, reach, summary};
}

std::string wkt_4549() {
  OGRSpatialReference crs;
  crs.importFromEPSG(4549);
  char* wkt = nullptr;
  crs.exportToWkt(&wkt);
  std::string out = wkt;
  CPLFree(wkt);
  return out;
}

class FlatGeobufOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(::testing::TempDir()) /
            ("circleplan-fgb-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
             std::to_string(::getpid()));
    fs::remove_all(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

/// One row read back: every field as text ("<null>" for a null), and whether it had a geometry.
struct ReadRow {
  std::vector<std::string> values;
  bool geometry = false;
  int parts = 0;
};

std::vector<ReadRow> read_rows(const fs::path& file) {
  io::detail::register_gdal_drivers();
  io::detail::DatasetPtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, nullptr, nullptr));
  EXPECT_TRUE(ds) << file;
  std::vector<ReadRow> out;
  if (!ds) return out;
  OGRLayer* layer = ds->GetLayer(0);
  for (io::detail::FeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
    ReadRow row;
    for (int i = 0; i < f->GetFieldCount(); ++i) {
      row.values.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "<null>");
    }
    if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
      row.geometry = true;
      const auto* collection = dynamic_cast<const OGRGeometryCollection*>(g);
      row.parts = collection ? collection->getNumGeometries() : 1;
    }
    out.push_back(std::move(row));
  }
  return out;
}

/// A written value as the file should give it back: CSV has no null but an empty cell.
std::string expected_text(const FieldValue& v, bool csv) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return csv ? "" : "<null>";
}

/// Reals compared as numbers (CSV and FlatGeobuf print them differently), the rest as text.
void expect_same(const io::OutputLayer& layer, std::size_t r, const ReadRow& got, bool csv) {
  ASSERT_EQ(got.values.size(), layer.fields.size()) << layer.name;
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const FieldValue& want = layer.rows[r][i];
    if (const auto* d = std::get_if<double>(&want)) {
      EXPECT_NEAR(std::stod(got.values[i]), *d, 1e-9) << layer.name << " row " << r;
    } else {
      EXPECT_EQ(got.values[i], expected_text(want, csv)) << layer.name << " row " << r;
    }
  }
}

bool written_with_geometry(const io::RowGeometry& g) {
  if (std::holds_alternative<std::monostate>(g)) return false;
  if (const auto* p = std::get_if<planner::MultiPolygon>(&g)) return !p->empty();
  return true;
}

TEST_F(FlatGeobufOutput, EveryRowOfEveryLayerKindReadsBack) {
  const auto layers = every_kind();
  io::write_layers(m_dir.string(), layers,
                   io::WriteOptions{io::OutputFormat::fgb, false, wkt_4549(), {}});
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(m_dir)) files.push_back(e.path().filename());
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"blocks.csv", "blocks.fgb", "centers.csv",
                                             "centers.fgb", "diagnostics.csv", "diagnostics.fgb",
                                             "reach_edges.fgb", "summary.csv"}));
  for (const io::OutputLayer& layer : layers) {
    // The first field identifies a row here (nulls aside): match read rows to written ones.
    std::map<std::string, ReadRow> fgb, csv;
    if (layer.geometry != GeometryKind::none) {
      for (ReadRow& row : read_rows(m_dir / (layer.name + ".fgb"))) {
        EXPECT_TRUE(row.geometry) << layer.name;
        fgb.emplace(row.values[0], std::move(row));
      }
    }
    if (fs::exists(m_dir / (layer.name + ".csv"))) {
      for (ReadRow& row : read_rows(m_dir / (layer.name + ".csv"))) {
        EXPECT_FALSE(row.geometry) << layer.name;
        csv.emplace(row.values[0], std::move(row));
      }
    }
    EXPECT_EQ(fgb.size() + csv.size(), layer.rows.size()) << layer.name;
    for (std::size_t r = 0; r < layer.rows.size(); ++r) {
      const bool spatial =
          layer.geometry != GeometryKind::none && written_with_geometry(layer.geometries[r]);
      const std::string key = expected_text(layer.rows[r][0], !spatial);
      const auto& rows = spatial ? fgb : csv;
      const auto it = rows.find(key);
      ASSERT_NE(it, rows.end()) << layer.name << " row " << r << " (" << key << ") not read back";
      expect_same(layer, r, it->second, !spatial);
    }
  }
  // The reach line of two parts keeps both; the CRS is the run's.
  const auto reach = read_rows(m_dir / "reach_edges.fgb");
  int parts = 0;
  for (const ReadRow& row : reach) parts += row.parts;
  EXPECT_EQ(parts, 3);
  io::detail::DatasetPtr ds(GDALDataset::Open((m_dir / "blocks.fgb").c_str(),
                                              GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr,
                                              nullptr));
  ASSERT_TRUE(ds);
  ASSERT_NE(ds->GetLayer(0)->GetSpatialRef(), nullptr);
  EXPECT_STREQ(ds->GetLayer(0)->GetSpatialRef()->GetAuthorityCode(nullptr), "4549");
}

}  // namespace
