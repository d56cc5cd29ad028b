// The identity rules of io/run/output_over_input.h, on paths that exist and paths that do not
// yet (the end-to-end checks per command are in tests/app/output_over_input_test.cpp).
#include "io/run/output_over_input.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "tests/app/cli_runner.h"

namespace {

namespace fs = std::filesystem;
using io::NamedPath;
using testing_support::TempDir;

std::string message_of(const std::vector<NamedPath>& in, const std::vector<NamedPath>& out) {
  try {
    io::refuse_output_over_input(in, out);
  } catch (const io::OutputError& e) {
    return e.what();
  }
  return {};
}

TEST(OutputOverInput, PathsThatDoNotExistCompareResolved) {
  TempDir dir("identity");
  const std::string a = dir / "a.gpkg";  // not created
  EXPECT_EQ(message_of({{"--roads", dir / "x/../a.gpkg"}}, {{"--out", a}}),
            "--out '" + a + "' is the input given by --roads ('" + (dir / "x/../a.gpkg") +
                "'); writing there would destroy it: choose another output (nothing was "
                "written)");
  EXPECT_EQ(message_of({{"--roads", dir / "b.gpkg"}}, {{"--out", a}}), "");
  // Inside an output folder at any depth, existing or not.
  EXPECT_NE(message_of({{"--blocks", dir / "out/deep/b.shp"}}, {{"--out", dir / "out", true}}), "");
  EXPECT_EQ(message_of({{"--blocks", dir / "out/deep/b.shp"}}, {{"--out", dir / "out"}}), "");
  EXPECT_EQ(message_of({{"--blocks", dir / "outer/b.shp"}}, {{"--out", dir / "out", true}}), "");
}

TEST(OutputOverInput, ExistingFilesCompareByInode) {
  TempDir dir("identity-inode");
  { std::ofstream(dir / "a.gpkg") << "x"; }
  fs::create_directory(dir.path() / "d");
  fs::create_symlink(dir.path() / "d", dir.path() / "link");
  { std::ofstream(dir / "d/r.geojson") << "{}"; }
  fs::create_hard_link(dir / "d/r.geojson", dir / "hard.geojson");
  EXPECT_NE(message_of({{"--roads", dir / "hard.geojson"}}, {{"--out", dir / "d/r.geojson"}}), "");
  EXPECT_NE(message_of({{"--roads", dir / "link/r.geojson"}}, {{"--out", dir / "d", true}}), "");
  EXPECT_NE(message_of({{"--roads", dir / "d/r.geojson"}}, {{"--out", dir / "link", true}}), "");
  // Not files: connection strings and GDAL virtual paths are not compared.
  EXPECT_EQ(message_of({{"--roads", "PG:dbname=x"}}, {{"--out", "PG:dbname=x"}}), "");
  EXPECT_EQ(message_of({{"--roads", ""}}, {{"--out", dir / "a.gpkg"}}), "");
}

TEST(OutputOverInput, OutputPathsOfEachFormat) {
  io::OutputOptions gpkg;
  gpkg.out = "o/r.gpkg";
  const std::vector<NamedPath> g = io::output_paths(gpkg);
  ASSERT_EQ(g.size(), 4u);
  EXPECT_FALSE(g[0].folder);
  EXPECT_EQ(g[1].path, "o/r.summary.json");
  EXPECT_EQ(g[2].path, "o/r.timings.json");
  EXPECT_EQ(g[3].path, "o/r.compliance.csv");
  io::OutputOptions shp;
  shp.out = "o/shp";
  shp.format = "shp";
  const std::vector<NamedPath> s = io::output_paths(shp);
  EXPECT_TRUE(s[0].folder);
  EXPECT_EQ(s[1].path, "o/shp/summary.json");
  EXPECT_EQ(s[3].path, "o/shp/shp.compliance.csv");
}

}  // namespace
