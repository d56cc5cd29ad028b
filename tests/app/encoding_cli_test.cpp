// A planner's Chinese data from the command line (docs/formats.md "Text encodings"): a GBK
// Shapefile without .cpg beside a UTF-8 CSV reads right with and without --encoding, and every
// command says, per layer, the fields, CRS and encoding it used (stdout and summary.json).
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string chinese_city() {
  const std::string d = testing_support::test_data_dir();
  return "--roads " + d + "/bad/roads.geojson --blocks " + d +
         "/encoding/blocks_chinese_fields.shp --centers " + d +
         "/encoding/centers_utf8.csv --assume-crs EPSG:4326 ";
}

void expect_in(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << text;
}

TEST(EncodingCli, MixedEncodingsReadRightWithEncodingGbk) {
  TempDir dir("circleplan-encoding");
  const auto r = run_circleplan("evaluate " + chinese_city() + "--encoding GBK --pop-field 人口 " +
                                "--out " + (dir / "r.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Probe p(dir / "r.gpkg");
  EXPECT_EQ(p.strings("centers", "name"),
            (std::vector<std::string>{"玉山党群服务中心", "城北党群服务站"}));
  EXPECT_EQ(p.strings("centers", "tier"), (std::vector<std::string>{"中心", "站"}));
  EXPECT_EQ(p.strings("blocks", "name"),
            (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
  expect_in(r.output, "tier 中心 (1 centers)");
  expect_in(r.output, "population: 600");
  expect_in(r.output,
            "--centers: " + testing_support::test_data_dir() +
                "/encoding/centers_utf8.csv (layer centers_utf8, CSV), 2 features, CRS WGS 84 "
                "(--assume-crs), text UTF-8 (detected); fields id=center_id, name=name, "
                "tier=tier, capacity=-");
  expect_in(r.output,
            "text GBK (--encoding); fields id=(FID), name=名称, population=人口, "
            "community=社区, grid=-, subdistrict=-");
}

TEST(EncodingCli, WithoutEncodingGbkIsDetectedSaidAndWrittenToTheSummary) {
  TempDir dir("circleplan-encoding");
  const auto r = run_circleplan("evaluate " + chinese_city() + "--out " + (dir / "r.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_in(r.output, "warning: --blocks: file");
  expect_in(r.output, "read as GBK, e.g. '编号'");
  expect_in(r.output, "population: 600");  // 人口 found by default once decoded
  const std::string summary = read_file(dir / "r.summary.json");
  expect_in(summary, R"("option": "--blocks")");
  expect_in(summary, R"("driver": "ESRI Shapefile")");
  expect_in(summary, R"("encoding": "GBK",
      "encoding_from": "detected",
      "fields": {
        "id": null,
        "name": "名称",
        "population": "人口",
        "community": "社区",
        "grid": null,)");
  expect_in(summary, R"x("crs": "WGS 84 (--assume-crs)")x");
}

TEST(EncodingCli, SiteSaysItsLayersToo) {
  TempDir dir("circleplan-encoding");
  const std::string d = testing_support::test_data_dir();
  const auto r = run_circleplan(
      "site --roads " + d + "/bad/roads.geojson --blocks " + d +
      "/encoding/blocks_chinese_fields.shp --existing " + d +
      "/encoding/centers_gbk.csv --centers-encoding GBK --assume-crs EPSG:4326 --model mclp "
      "--k 1 --cover-minutes 1 --out " +
      (dir / "s.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_in(r.output, "centers_gbk.csv (layer centers_gbk, CSV), 2 features");
  expect_in(r.output, "text GBK (--centers-encoding)");
  expect_in(r.output, "text GBK (detected); fields id=(FID), name=名称");
  expect_in(read_file(dir / "s.summary.json"), R"("encoding_from": "--centers-encoding")");
}

// run and batch say it too: run before the network line, batch under each scenario's line
// (the scenario's blocks-encoding key is the layer's own option there).
TEST(EncodingCli, RunAndBatchSayTheirLayers) {
  TempDir dir("circleplan-encoding");
  const std::string d = testing_support::test_data_dir();
  const std::string toml = dir / "gbk.toml";
  {
    std::ofstream f(toml);
    f << "roads = \"" << d << "/bad/roads.geojson\"\n"
      << "blocks = \"" << d << "/encoding/blocks_chinese_fields.shp\"\n"
      << "blocks-encoding = \"GBK\"\n"
      << "centers = \"" << d << "/encoding/centers_utf8.csv\"\n"
      << "assume-crs = \"EPSG:4326\"\n\n[[variant]]\nname = \"slow\"\nspeed-kmh = 3.0\n";
  }
  const auto run = run_circleplan("run " + toml + " --out " + (dir / "run"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  expect_in(run.output, "text GBK (the scenario key blocks-encoding); fields id=(FID), name=名称");
  const auto batch = run_circleplan("batch " + toml + " --out " + (dir / "batch"));
  ASSERT_EQ(batch.exit_code, 0) << batch.output;
  expect_in(batch.output, "gbk: 2 results in");
  expect_in(batch.output,
            "--centers: " + d + "/encoding/centers_utf8.csv (layer centers_utf8, CSV)");
  expect_in(batch.output, "text GBK (the scenario key blocks-encoding)");
}

TEST(EncodingCli, HelpNamesEveryLayersEncodingOption) {
  const auto r = run_circleplan("evaluate --help");
  for (const char* option : {"--roads-encoding", "--centers-encoding", "--blocks-encoding",
                             "--entrances-encoding", "--communities-encoding", "--grids-encoding",
                             "--subdistricts-encoding", "--demand-points-encoding"}) {
    expect_in(r.output, option);
  }
  expect_in(run_circleplan("site --help").output, "--candidates-encoding");
}

}  // namespace
