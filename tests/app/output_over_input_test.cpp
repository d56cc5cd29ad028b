// Never destroy an input (issue #17 point 1, io/run/output_over_input.h): an output that is an
// input, whatever path names it (the same path, sub/../, absolute, a hard or symbolic link), a
// folder output that holds an input, or a file of a Shapefile input is refused with exit 1 naming
// both options, before any work, for every command; and the input is left byte for byte.
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"

namespace {

namespace fs = std::filesystem;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::RunResult;
using testing_support::TempDir;

std::string bad(const std::string& name) {
  return testing_support::test_data_dir() + "/bad/" + name;
}

std::string scenarios(const std::string& name) {
  return testing_support::test_data_dir() + "/scenarios/" + name;
}

/// The tiny city of tests/data/bad copied into `dir` (so a test may lose it), as roads.gpkg is
/// too precious to test with: roads.geojson, centers.geojson, blocks.geojson.
void copy_city(const TempDir& dir) {
  for (const char* name : {"roads.geojson", "centers.geojson", "blocks.geojson"}) {
    fs::copy_file(bad(name), dir / name);
  }
}

std::string city_in(const TempDir& dir, const std::string& roads) {
  return "--roads " + roads + " --centers " + (dir / "centers.geojson") + " --blocks " +
         (dir / "blocks.geojson");
}

/// Refused with exit 1, the message naming every word, and `input` unchanged.
void expect_refused(const std::string& args, const std::string& input,
                    std::initializer_list<std::string> words) {
  const std::string before = read_file(input);
  const RunResult r = run_circleplan(args);
  EXPECT_EQ(r.exit_code, 1) << args << "\n" << r.output;
  for (const std::string& w : words) {
    EXPECT_NE(r.output.find(w), std::string::npos) << "missing '" << w << "' in:\n" << r.output;
  }
  EXPECT_NE(r.output.find("would destroy it"), std::string::npos) << r.output;
  EXPECT_EQ(read_file(input), before) << "the input changed: " << input;
}

TEST(OutputOverInput, EvaluateRefusesAnyPathToAnInput) {
  TempDir dir("over-input");
  copy_city(dir);
  fs::create_directory(dir.path() / "sub");
  const std::string roads = dir / "roads.geojson";
  fs::create_hard_link(roads, dir / "hard.geojson");
  fs::create_symlink(roads, dir / "soft.geojson");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());  // so that a relative path names the input too
  for (const std::string& out :
       {roads, dir / "sub/../roads.geojson", std::string("roads.geojson"),
        std::string("./sub/../roads.geojson"), dir / "hard.geojson", dir / "soft.geojson"}) {
    expect_refused("evaluate " + city_in(dir, roads) + " --overwrite --out " + out, roads,
                   {"--out '" + out + "' is the input given by --roads ('" + roads + "')"});
  }
  // Without --overwrite too: the clash is said, not "exists; use --overwrite".
  expect_refused("evaluate " + city_in(dir, roads) + " --out roads.geojson", roads,
                 {"is the input given by --roads"});
  fs::current_path(cwd);
  // --blocks, --centers and --standard are inputs as well; a GeoPackage's summary.json is an
  // output: naming an input there is refused too.
  const std::string blocks = dir / "blocks.geojson";
  expect_refused("evaluate " + city_in(dir, roads) + " --overwrite --out " + blocks, blocks,
                 {"is the input given by --blocks"});
  const std::string standard = dir / "r.summary.json";
  fs::copy_file(testing_support::test_data_dir() + "/standards/two-tiers.toml", standard);
  expect_refused("evaluate " + city_in(dir, roads) + " --standard " + standard +
                     " --overwrite --out " + (dir / "r.gpkg"),
                 standard, {"--out '" + standard + "' is the input given by --standard"});
  EXPECT_FALSE(fs::exists(dir / "r.gpkg"));
}

TEST(OutputOverInput, FolderOutputsMayNotHoldAnInput) {
  TempDir dir("over-input-folder");
  copy_city(dir);
  const std::string roads = dir / "roads.geojson";
  // --format shp replaces the whole folder: the inputs in it would go with it.
  expect_refused(
      "evaluate " + city_in(dir, roads) + " --format shp --overwrite --out " + dir.path().string(),
      roads, {"is an output folder that holds the input given by --roads"});
}

TEST(OutputOverInput, AFileOfAShapefileInputIsAnInput) {
  TempDir dir("over-input-shp");
  copy_city(dir);
  for (const char* ext : {"shp", "shx", "dbf", "prj", "cpg"}) {
    fs::copy_file(bad(std::string("blocks_gbk_cpg.") + ext), dir / (std::string("b.") + ext));
  }
  const std::string args = "evaluate --roads " + (dir / "roads.geojson") + " --centers " +
                           (dir / "centers.geojson") + " --blocks " + (dir / "b.shp") +
                           " --overwrite --out " + (dir / "b.dbf");
  expect_refused(args, dir / "b.dbf",
                 {"is a file of the Shapefile that is the input given by --blocks"});
  // A GeoPackage beside it with the same stem is no part of the Shapefile.
  const RunResult ok = run_circleplan("evaluate --roads " + (dir / "roads.geojson") +
                                      " --centers " + (dir / "centers.geojson") + " --blocks " +
                                      (dir / "b.shp") + " --out " + (dir / "b.gpkg"));
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
}

TEST(OutputOverInput, EveryCommandRefuses) {
  TempDir dir("over-input-commands");
  copy_city(dir);
  const std::string roads = dir / "roads.geojson";
  // site: --candidates, --existing
  fs::copy_file(bad("centers.geojson"), dir / "cand.geojson");
  expect_refused("site --roads " + roads + " --existing " + (dir / "centers.geojson") +
                     " --blocks " + (dir / "blocks.geojson") + " --candidates " +
                     (dir / "cand.geojson") + " --model mclp --k 1 --overwrite --out " +
                     (dir / "cand.geojson"),
                 dir / "cand.geojson", {"is the input given by --candidates"});
  expect_refused("site --roads " + roads + " --existing " + (dir / "centers.geojson") +
                     " --blocks " + (dir / "blocks.geojson") +
                     " --model mclp --k 1 --overwrite --out " + (dir / "centers.geojson"),
                 dir / "centers.geojson", {"is the input given by --existing"});
  // osm: the extract
  const std::string extract = dir / "extract.osm";
  fs::copy_file(testing_support::test_data_dir() + "/osm-west-oakland/west-oakland-2016-07.osm",
                extract);
  expect_refused("osm " + extract + " --overwrite --out " + extract, extract,
                 {"is the input given by EXTRACT"});
  // compare: a result inside the output folder under the name compare writes
  TempDir results("over-input-compare");
  const std::string before = results / "changes.gpkg";
  ASSERT_EQ(run_circleplan("evaluate " + city_in(dir, roads) + " --out " + before).exit_code, 0);
  expect_refused(
      "compare " + before + " " + before + " --overwrite --out " + results.path().string(), before,
      {"--out '" + before + "' is the input given by BEFORE"});
  // run and batch: the scenario (and its layers) inside the output folder
  TempDir scen("over-input-run");
  for (const char* name : {"small.toml", "roads.geojson", "centers.geojson", "blocks.geojson"}) {
    fs::copy_file(scenarios(name), scen / name);
  }
  expect_refused("run " + (scen / "small.toml") + " --overwrite --out " + scen.path().string(),
                 scen / "small.toml",
                 {"--out '" + scen.path().string() +
                  "' is an output folder that holds the input given by SCENARIO"});
  expect_refused("batch " + (scen / "small.toml") + " --overwrite --out " + scen.path().string(),
                 scen / "small.toml", {"that holds the input given by SCENARIO"});
  // A layer the scenario names, inside the folder of its own results.
  TempDir nested("over-input-nested");
  fs::create_directory(nested.path() / "out");
  for (const char* name : {"roads.geojson", "centers.geojson", "blocks.geojson"}) {
    fs::copy_file(scenarios(name), nested.path() / "out" / name);
  }
  {
    std::ofstream(nested / "s.toml") << "roads = \"out/roads.geojson\"\ncenters = "
                                        "\"out/centers.geojson\"\nblocks = "
                                        "\"out/blocks.geojson\"\nminutes = 5\n";
  }
  expect_refused("run " + (nested / "s.toml") + " --overwrite --out " + (nested / "out"),
                 nested / "out/roads.geojson",
                 {"that holds the input given by 'roads' in " + (nested / "s.toml")});
}

}  // namespace
