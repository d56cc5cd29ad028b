// Text encodings per layer (docs/formats.md "Text encodings"): lossless decoding, detection of
// undeclared GBK, a layer's own --<role>-encoding over its .cpg and over --encoding, CSV read as
// UTF-8 whatever --encoding says, and errors naming file, layer, feature and field. Fixtures in
// tests/data/encoding/ (its README.md).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/layer_reader.h"
#include "io/gdal/text_encoding.h"
#include "test_paths.h"
#include "tests/io/input_error.h"

namespace {

namespace fs = std::filesystem;
using io::detail::decode_strictly;

std::string encoding_fixture(const std::string& name) {
  return (fs::path(testing_support::test_data_dir()) / "encoding" / name).string();
}

io::ReadSettings assume_lonlat(const std::string& encoding = "") {
  io::ReadSettings settings;
  settings.encoding = encoding;
  settings.assume_crs = "EPSG:4326";  // the CSV fixtures carry no CRS
  return settings;
}

const std::string gbk_yushan = "\xD3\xF1\xC9\xBD";  // 玉山 in GBK

TEST(TextEncoding, DecodesLosslesslyOrNotAtAll) {
  EXPECT_EQ(decode_strictly("plain", "GBK"), "plain");
  EXPECT_EQ(decode_strictly(gbk_yushan, "GBK"), "玉山");
  EXPECT_EQ(decode_strictly("玉山", ""), "玉山");
  EXPECT_EQ(decode_strictly("玉山", "UTF-8"), "玉山");
  EXPECT_FALSE(decode_strictly(gbk_yushan, ""));     // GBK bytes are not UTF-8
  EXPECT_FALSE(decode_strictly("\xFF\xFF", "GBK"));  // 0xFF leads no GBK character
  EXPECT_FALSE(decode_strictly("\xD3", "GBK"));      // half a character
  EXPECT_EQ(decode_strictly("\xFF", "ISO-8859-1"), "ÿ");
}

TEST(TextEncoding, DetectsUtf8ThenGbkFromTheFirstNonAsciiText) {
  EXPECT_EQ(io::detail::detect_encoding({"", "", -1})->from, "ASCII only");
  EXPECT_EQ(io::detail::detect_encoding({"玉山", "name", 0})->name, "");
  EXPECT_EQ(io::detail::detect_encoding({gbk_yushan, "name", 0})->name, "GBK");
  EXPECT_FALSE(io::detail::detect_encoding({"\xFF\xFF", "name", 0}));
}

TEST(TextEncoding, UndeclaredGbkWithChineseFieldNamesIsDetectedAndItsFieldsFound) {
  io::FieldMap fields;
  fields.population = "人口";  // named explicitly: must match the decoded field name
  io::ReadReport report;
  const auto blocks = io::read_blocks({encoding_fixture("blocks_chinese_fields.shp"), ""}, fields,
                                      io::ReadSettings{}, report);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].name, "玉山小区");       // default name field 名称
  EXPECT_EQ(blocks[0].community, "城北社区");  // default community field 社区
  EXPECT_EQ(blocks[2].pop, 300.0);
  EXPECT_EQ(report.use.encoding, "GBK");
  EXPECT_EQ(report.use.encoding_from, "detected");
  ASSERT_EQ(report.use.notes.size(), 1u);
  EXPECT_NE(report.use.notes[0].find("a field name is not UTF-8"), std::string::npos);
  EXPECT_NE(report.use.notes[0].find("read as GBK, e.g. '编号'"), std::string::npos)
      << report.use.notes[0];
  // What the read used, role by role: 编号 is no default id name, so ids are FIDs.
  const std::vector<std::pair<std::string, std::string>> used{
      {"id", ""},   {"name", "名称"},   {"population", "人口"}, {"community", "社区"},
      {"grid", ""}, {"subdistrict", ""}};
  EXPECT_EQ(report.use.fields, used);
  EXPECT_EQ(report.use.crs, "WGS 84");
  EXPECT_EQ(report.use.driver, "ESRI Shapefile");
}

TEST(TextEncoding, AMissingChineseFieldListsTheFieldsDecoded) {
  io::FieldMap fields;
  fields.population = "户数";
  const std::string message = testing_support::input_error([&] {
    io::read_blocks({encoding_fixture("blocks_chinese_fields.shp"), ""}, fields,
                    io::ReadSettings{});
  });
  EXPECT_NE(message.find("field '户数': no such field"), std::string::npos) << message;
  EXPECT_NE(message.find("编号 (String), 名称 (String), 人口 (Integer"), std::string::npos)
      << message;
}

TEST(TextEncoding, EncodingOptionIsForShapefilesNotForUtf8Csv) {
  // The case: --encoding GBK for a GBK Shapefile garbled the UTF-8 CSV of centers.
  io::ReadReport report;
  const auto centers = io::read_centers({encoding_fixture("centers_utf8.csv"), ""}, {},
                                        assume_lonlat("GBK"), report);
  ASSERT_EQ(centers.size(), 2u);
  EXPECT_EQ(centers[0].name, "玉山党群服务中心");
  EXPECT_EQ(centers[0].tier, "中心");
  EXPECT_EQ(report.use.encoding, "UTF-8");
  EXPECT_TRUE(report.use.notes.empty());
  const auto blocks = io::read_blocks({encoding_fixture("blocks_chinese_fields.shp"), ""}, {},
                                      assume_lonlat("GBK"), report);
  EXPECT_EQ(blocks[1].name, "城北新村");
  EXPECT_EQ(report.use.encoding_from, "--encoding");
}

TEST(TextEncoding, GbkCsvFromExcelIsDetected) {
  io::ReadReport report;
  const auto centers =
      io::read_centers({encoding_fixture("centers_gbk.csv"), ""}, {}, assume_lonlat(), report);
  ASSERT_EQ(centers.size(), 2u);
  EXPECT_EQ(centers[1].name, "城北党群服务站");
  EXPECT_EQ(report.use.encoding, "GBK");
  ASSERT_EQ(report.use.notes.size(), 1u);
  EXPECT_EQ(report.use.notes[0].find(".cpg"), std::string::npos) << report.use.notes[0];
}

TEST(TextEncoding, AWrongCpgIsAnErrorNamingFeatureFieldAndTheLayersOption) {
  const io::LayerRef wrong{encoding_fixture("blocks_cpg_says_utf8.shp"), "", "",
                           "--blocks-encoding"};
  const std::string message =
      testing_support::input_error([&] { io::read_blocks(wrong, {}, io::ReadSettings{}); });
  EXPECT_NE(message.find("blocks_cpg_says_utf8.shp"), std::string::npos) << message;
  EXPECT_NE(message.find("feature 0, field 'name'"), std::string::npos) << message;
  EXPECT_NE(message.find("not valid UTF-8 (the encoding from .cpg)"), std::string::npos) << message;
  EXPECT_NE(message.find("--blocks-encoding"), std::string::npos) << message;
  // The layer's own encoding wins over its .cpg, and --encoding does not.
  io::ReadSettings gbk;
  gbk.encoding = "GBK";
  const auto still = testing_support::input_error([&] { io::read_blocks(wrong, {}, gbk); });
  EXPECT_NE(still.find("not valid UTF-8"), std::string::npos) << still;
  io::LayerRef right = wrong;
  right.encoding = "GBK";
  io::ReadReport report;
  const auto blocks = io::read_blocks(right, {}, io::ReadSettings{}, report);
  EXPECT_EQ(blocks[0].name, "玉山小区");
  EXPECT_EQ(report.use.encoding_from, "--blocks-encoding");
}

TEST(TextEncoding, TextNeitherUtf8NorGbkIsAnErrorNeverQuestionMarks) {
  const io::LayerRef neither{encoding_fixture("blocks_neither.shp"), "", "", "--blocks-encoding"};
  const std::string message =
      testing_support::input_error([&] { io::read_blocks(neither, {}, io::ReadSettings{}); });
  EXPECT_NE(message.find("feature 0, field 'name'"), std::string::npos) << message;
  EXPECT_NE(message.find("neither UTF-8 nor GBK"), std::string::npos) << message;
  EXPECT_NE(message.find("--blocks-encoding"), std::string::npos) << message;
  // Forced as GBK, the bytes FF FF do not convert: GDAL would write '?', circleplan refuses.
  io::LayerRef as_gbk = neither;
  as_gbk.encoding = "GBK";
  const std::string lossy =
      testing_support::input_error([&] { io::read_blocks(as_gbk, {}, io::ReadSettings{}); });
  EXPECT_NE(lossy.find("feature 0, field 'name': text is not valid GBK"), std::string::npos)
      << lossy;
  io::LayerRef latin = neither;
  latin.encoding = "ISO-8859-1";
  EXPECT_EQ(io::read_blocks(latin, {}, io::ReadSettings{})[0].name, "ÿÿ");
}

TEST(TextEncoding, ALayersEncodingOnAUtf8FormatIsRefused) {
  const io::LayerRef geojson{
      (fs::path(testing_support::test_data_dir()) / "bad" / "blocks.geojson").string(), "", "GBK",
      "--blocks-encoding"};
  const std::string message =
      testing_support::input_error([&] { io::read_blocks(geojson, {}, io::ReadSettings{}); });
  EXPECT_NE(message.find("--blocks-encoding GBK does not apply: GeoJSON stores text in UTF-8"),
            std::string::npos)
      << message;
}

}  // namespace
