// --out's extension names the output format (docs/user-guide.md §4.6): `--out result.shp` writes
// a folder of Shapefiles at that path and says so; `--out res.gpkg --format shp` is a usage
// error naming both, and nothing is written.
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"

namespace {

using testing_support::run_circleplan;
using testing_support::TempDir;

std::string two_halves() {
  const std::string d = testing_support::test_data_dir() + "/scenarios/";
  return "evaluate --roads " + d + "roads.geojson --centers " + d + "centers.geojson --blocks " +
         d + "blocks.geojson --crs EPSG:32631 --minutes 15 ";
}

TEST(OutputFormatCli, AShpNameWritesAShapefileFolderAndSaysSo) {
  TempDir dir("circleplan-format");
  const auto r = run_circleplan(two_halves() + "--out " + (dir / "result.shp"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "result.shp/blocks.shp"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "result.shp/blocks.dbf"));
  EXPECT_NE(r.output.find("shp output is a folder with one file per layer"), std::string::npos)
      << r.output;
}

TEST(OutputFormatCli, AFormatContradictingTheNameIsAUsageError) {
  TempDir dir("circleplan-format");
  const auto r = run_circleplan(two_halves() + "--format shp --out " + (dir / "res.gpkg"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("names a .gpkg output but --format is shp"), std::string::npos)
      << r.output;
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
