// CSV points from lon/lat columns (io/gdal/csv_lonlat.h): the column names a Chinese web map or a
// spreadsheet uses, in any case, read as WGS84 without --assume-crs; and the error naming the
// columns when no pair is there.
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "io/gdal/layer_reader.h"
#include "tests/io/input_error.h"

namespace {

namespace fs = std::filesystem;

const io::FieldMap defaults;
const io::ReadSettings plain;

// A CSV file written into a folder removed with the test.
class CsvFile {
 public:
  CsvFile(const std::string& name, const std::string& content) {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::path(::testing::TempDir()) /
            ("circleplan-csv-" + std::string(test->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    m_path = (m_dir / name).string();
    std::ofstream(m_path, std::ios::binary) << content;
  }
  ~CsvFile() { fs::remove_all(m_dir); }
  const std::string& path() const { return m_path; }

 private:
  fs::path m_dir;
  std::string m_path;
};

TEST(CsvLonLat, ChineseHeadersGiveWgs84Points) {
  const CsvFile csv("站点.csv",
                    "编号,名称,层级,经度,纬度\nS1,华侨路社区党群服务站,村社区级,118.7859,32.0469\n"
                    "S2,五老村社区党群服务站,村社区级,118.7961,32.0363\n");
  io::FieldMap fields;
  fields.id = "编号";
  fields.name = "名称";
  fields.tier = "层级";
  io::ReadReport report;
  const auto centers = io::read_centers({csv.path(), ""}, fields, plain, report);
  ASSERT_EQ(centers.size(), 2u);
  EXPECT_EQ(centers[0].id, "S1");
  EXPECT_EQ(centers[0].name, "华侨路社区党群服务站");
  EXPECT_EQ(centers[1].tier, "村社区级");
  EXPECT_DOUBLE_EQ(centers[0].pos.x, 118.7859);
  EXPECT_DOUBLE_EQ(centers[0].pos.y, 32.0469);
  EXPECT_EQ(report.use.crs, "WGS 84 (lon/lat columns)");
}

TEST(CsvLonLat, NamesAreMatchedWithoutCase) {
  for (const std::string header : {"id,LON,Lat", "id,lng,LATITUDE", "id,Longitude,lat"}) {
    const CsvFile csv("points.csv", header + "\nA,118.5,32.25\n");
    const auto centers = io::read_centers({csv.path(), ""}, defaults, plain);
    ASSERT_EQ(centers.size(), 1u) << header;
    EXPECT_DOUBLE_EQ(centers[0].pos.x, 118.5) << header;
    EXPECT_DOUBLE_EQ(centers[0].pos.y, 32.25) << header;
  }
}

TEST(CsvLonLat, AssumeCrsDoesNotApplyToLonLatColumns) {
  // --assume-crs is for layers that carry no CRS; lon/lat columns are degrees by their names.
  const CsvFile csv("points.csv", "id,lon,lat\nA,118.5,32.25\n");
  io::ReadSettings assumed;
  assumed.assume_crs = "EPSG:4549";
  const auto centers = io::read_centers({csv.path(), ""}, defaults, assumed);
  ASSERT_EQ(centers.size(), 1u);
  EXPECT_DOUBLE_EQ(centers[0].pos.x, 118.5);
}

TEST(CsvLonLat, NeitherPairIsAnErrorListingTheColumns) {
  const CsvFile csv("points.csv", "id,x,y\nA,118.5,32.25\n");
  const std::string message = testing_support::input_error([&] {
    io::read_centers({csv.path(), ""}, defaults, plain);
  });
  EXPECT_NE(message.find("points.csv"), std::string::npos) << message;
  EXPECT_NE(message.find("no geometry"), std::string::npos) << message;
  EXPECT_NE(message.find("lon,lng,longitude,经度"), std::string::npos) << message;
  EXPECT_NE(message.find("lat,latitude,纬度"), std::string::npos) << message;
  EXPECT_NE(message.find("its columns are: id, x, y"), std::string::npos) << message;
}

TEST(CsvLonLat, HalfAPairNamesTheMissingColumn) {
  const CsvFile csv("points.csv", "id,经度,y\nA,118.5,32.25\n");
  const std::string message = testing_support::input_error([&] {
    io::read_centers({csv.path(), ""}, defaults, plain);
  });
  EXPECT_NE(message.find("longitude column '经度' has no latitude"), std::string::npos) << message;
}

TEST(CsvLonLat, AWktColumnStillWinsAndNeedsItsCrs) {
  // As before: a WKT column is the geometry, in a CRS the CSV cannot say (--assume-crs).
  const CsvFile csv("points.csv", "WKT,id,lon,lat\n\"POINT (1 2)\",A,118.5,32.25\n");
  const std::string message = testing_support::input_error([&] {
    io::read_centers({csv.path(), ""}, defaults, plain);
  });
  EXPECT_NE(message.find("--assume-crs"), std::string::npos) << message;
}

}  // namespace
