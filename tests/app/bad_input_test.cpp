// Bad input, one fixture per class (tests/data/bad/, see make-fixtures.sh and docs/errors.md):
// each refused input exits 1 with a message naming the option, file, layer, feature and field
// and saying what to do, and leaves no output behind: nothing appears in an empty folder, and an
// existing output is left byte for byte as it was even with --overwrite. Inputs that are only
// doubtful are read with a warning that names the features, and the run succeeds.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

namespace fs = std::filesystem;
using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::RunResult;
using testing_support::TempDir;

std::string bad(const std::string& name) {
  return testing_support::test_data_dir() + "/bad/" + name;
}

/// The good tiny city, or it with the blocks or centers layer replaced.
std::string city(const std::string& blocks = bad("blocks.geojson"),
                 const std::string& centers = bad("centers.geojson")) {
  return "--roads " + bad("roads.geojson") + " --centers " + centers + " --blocks " + blocks;
}

std::vector<std::string> folder_listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

void expect_mentions(const RunResult& r, std::initializer_list<std::string> words) {
  for (const std::string& word : words) {
    EXPECT_NE(r.output.find(word), std::string::npos) << "missing '" << word << "' in:\n"
                                                      << r.output;
  }
}

/// `command <args> --out ...` must fail with exit 1 and every word in the message, writing
/// nothing: into an empty folder, and over a previous output with --overwrite.
RunResult expect_refused(const std::string& args, std::initializer_list<std::string> words,
                         const std::string& command = "evaluate") {
  TempDir fresh("bad-input-fresh");
  const RunResult r = run_circleplan(command + " " + args + " --out " + (fresh / "result.gpkg"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  expect_mentions(r, words);
  EXPECT_TRUE(fs::is_empty(fresh.path())) << "something was written for: " << args;

  TempDir existing("bad-input-existing");
  const std::string previous = "the previous run's result, not to be lost\n";
  { std::ofstream(existing / "result.gpkg", std::ios::binary) << previous; }
  const RunResult again =
      run_circleplan(command + " " + args + " --overwrite --out " + (existing / "result.gpkg"));
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_EQ(read_file(existing / "result.gpkg"), previous);
  EXPECT_EQ(folder_listing(existing.path()), std::vector<std::string>{"result.gpkg"});
  return r;
}

/// `evaluate <args>` must succeed, mention every word (the warnings) and write the result;
/// the result's blocks layer is returned for checks.
struct Accepted {
  RunResult run;
  long long blocks = -1;
  std::vector<std::string> block_ids;
  std::vector<std::string> block_names;
};

Accepted expect_accepted(const std::string& args, std::initializer_list<std::string> words) {
  TempDir out("bad-input-ok");
  Accepted a;
  a.run = run_circleplan("evaluate " + args + " --out " + (out / "result.gpkg"));
  EXPECT_EQ(a.run.exit_code, 0) << a.run.output;
  expect_mentions(a.run, words);
  Probe p(out / "result.gpkg");
  EXPECT_TRUE(p.ok());
  a.blocks = p.count("blocks");
  a.block_ids = p.strings("blocks", "block_id");
  a.block_names = p.strings("blocks", "name");
  return a;
}

// The control: the fixtures' good city evaluates cleanly, so every failure below comes from the
// one layer that differs.
TEST(BadInput, GoodTinyCityEvaluatesWithoutWarnings) {
  const Accepted a = expect_accepted(city(), {"blocks: 3"});
  EXPECT_EQ(a.blocks, 3);
  EXPECT_EQ(a.run.output.find("warning"), std::string::npos) << a.run.output;
  EXPECT_EQ(a.block_names, (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
}

// --- files and layers ---------------------------------------------------------------------

TEST(BadInput, MissingFileNamesOptionAndPath) {
  expect_refused(city("/nonexistent/blocks.gpkg"),
                 {"--blocks", "/nonexistent/blocks.gpkg", "no such file", "check the path"});
}

TEST(BadInput, UnreadableFileSaysWhatToCheck) {
  expect_refused(city(bad("blocks.geojson"), bad("corrupt.gpkg")),
                 {"--centers", "corrupt.gpkg", "cannot open it as vector data", "ogrinfo"});
}

TEST(BadInput, MissingLayerListsTheLayers) {
  expect_refused(city() + " --blocks-layer residential",
                 {"--blocks", "layer 'residential'", "no such layer", "'blocks'", "-layer"});
}

TEST(BadInput, WrongGeometryTypeNamesFeatureAndExpectation) {
  expect_refused(city(bad("blocks_point.geojson")),
                 {"--blocks", "blocks_point.geojson", "layer 'blocks_point'", "feature 1",
                  "geometry is Point", "expected polygons", "fix or delete this feature"});
}

TEST(BadInput, EmptyLayerIsAnError) {
  expect_refused(
      city(bad("blocks_empty.geojson")),
      {"--blocks", "blocks_empty.geojson", "no usable polygons", "0 features", "--blocks-layer"});
  expect_refused(city(bad("blocks_all_null.geojson")),
                 {"--blocks", "blocks_all_null.geojson", "no usable polygons", "3 features",
                  "3 of them without geometry"});
}

// --- coordinate systems -------------------------------------------------------------------

TEST(BadInput, MissingCrsNeedsAssumeCrs) {
  expect_refused(city(bad("blocks_no_crs.csv")),
                 {"--blocks", "blocks_no_crs.csv", "no coordinate reference system", "--assume-crs",
                  "EPSG:4326"});
  const Accepted a =
      expect_accepted(city(bad("blocks_no_crs.csv")) + " --assume-crs EPSG:4326", {"blocks: 3"});
  EXPECT_EQ(a.block_ids, (std::vector<std::string>{"B1", "B2", "B3"}));
}

TEST(BadInput, CrsWithoutTransformationToLonLat) {
  expect_refused(city(bad("blocks_local_crs.shp")),
                 {"--blocks", "blocks_local_crs.shp", "cannot transform", "site grid", "ogr2ogr"});
}

TEST(BadInput, MetresInALonLatLayer) {
  expect_refused(city(bad("blocks_metres_as_lonlat.geojson")),
                 {"--blocks", "blocks_metres_as_lonlat.geojson", "feature 0",
                  "is not longitude/latitude", "look like metres", "ogr2ogr -a_srs"});
}

TEST(BadInput, SwappedLonLat) {
  expect_refused(city(bad("blocks_swapped_xy.geojson")),
                 {"--blocks", "feature 0", "x and y look swapped", "swap the columns"});
}

TEST(BadInput, DegreesInAMetricLayer) {
  // A GeoJSON that says EPSG:4549, and a Shapefile whose ESRI .prj says UTM zone 51N.
  expect_refused(city(bad("blocks.geojson"), bad("centers_degrees_as_metres.geojson")),
                 {"--centers", "centers_degrees_as_metres.geojson", "look like lon/lat degrees",
                  "Gauss-Kruger", "ogr2ogr -a_srs EPSG:4326"});
  expect_refused(city(bad("blocks.geojson"), bad("centers_degrees_utm.shp")),
                 {"--centers", "centers_degrees_utm.shp", "x 120.98 to 120.985",
                  "look like lon/lat degrees", "UTM zone 51N", "ogr2ogr -a_srs EPSG:4326"});
}

TEST(BadInput, NanAndInfiniteCoordinates) {
  expect_refused(city(bad("blocks_nan.geojson")), {"--blocks", "blocks_nan.geojson", "feature 1",
                                                   "not a finite number", "fix or delete"});
  expect_refused(city(bad("blocks_infinite.geojson")),
                 {"--blocks", "blocks_infinite.geojson", "feature 1", "not a finite number"});
}

// A point in lon/lat that the run CRS cannot hold (59W on the equator, 92 degrees from the
// central meridian of the UTM zone chosen for the data's centre): the message names where it
// came from, not only the center's id, and what to check.
TEST(BadInput, UnprojectablePointNamesOptionFileLayerAndFeature) {
  expect_refused(city(bad("blocks.geojson"), bad("centers_unprojectable.geojson")),
                 {"--centers", "file '", "centers_unprojectable.geojson",
                  "layer 'centers_unprojectable'", "center 'C-far' point 0", "cannot transform",
                  "--assume-crs", "--crs", "fix or delete this feature"});
}

// --- geometry -----------------------------------------------------------------------------

TEST(BadInput, MixedGeometryTypesAreReadWherePossible) {
  // 3D, measured, a curve polygon and a collection of polygons: four blocks.
  const Accepted a = expect_accepted(city(bad("blocks_mixed.gpkg")),
                                     {"1 GeometryCollections read as the multi-geometry"});
  EXPECT_EQ(a.blocks, 4);
  EXPECT_EQ(a.block_ids, (std::vector<std::string>{"B1", "B2", "B3", "B4"}));
}

TEST(BadInput, InvalidPolygonIsRepairedWithAWarningOrRefusedOnRequest) {
  const Accepted a = expect_accepted(city(bad("blocks_invalid.geojson")),
                                     {"--blocks", "1 invalid polygons will be repaired",
                                      "feature 2", "Self-intersection", "--fail-on-invalid"});
  EXPECT_EQ(a.blocks, 3);
  // One warning, the detailed one: no second count of the same polygons after the repair.
  EXPECT_EQ(a.run.output.find("were repaired"), std::string::npos) << a.run.output;
  EXPECT_EQ(a.run.output.find("repaired"), a.run.output.rfind("repaired")) << a.run.output;
  expect_refused(city(bad("blocks_invalid.geojson")) + " --fail-on-invalid",
                 {"--blocks", "blocks_invalid.geojson", "feature 2", "invalid polygon",
                  "Self-intersection", "Fix Geometries"});
}

TEST(BadInput, NullAndEmptyGeometriesAreSkippedAndCounted) {
  const Accepted a = expect_accepted(
      city(bad("blocks_null_geometry.geojson")),
      {"--blocks", "2 features without geometry (null or empty) skipped", "features 3, 4"});
  EXPECT_EQ(a.blocks, 3);
}

// --- attributes ---------------------------------------------------------------------------

TEST(BadInput, NonNumericPopulationIsAnError) {
  expect_refused(city(bad("blocks_pop_text.geojson")),
                 {"--blocks", "blocks_pop_text.geojson", "feature 1", "field 'pop'",
                  "'about 200' is not a number", "empty the cell"});
}

TEST(BadInput, NegativePopulationIsAnError) {
  expect_refused(city(bad("blocks_pop_negative.geojson")),
                 {"--blocks", "feature 1", "field 'pop'", "negative value -200", "correct it"});
}

TEST(BadInput, MissingPopulationIsAWarningAndLeftOutOfSums) {
  const Accepted a = expect_accepted(city(bad("blocks_pop_missing.geojson")),
                                     {"1 blocks have no population value", "population: 400"});
  EXPECT_EQ(a.blocks, 3);
}

// Two blocks at 1.797e308 (the "no data" value of many double fields) overflowed the sum to inf
// and printed nan; above planner::max_block_population a value is read as missing instead.
TEST(BadInput, PopulationAboveTheMaximumIsReadAsMissing) {
  TempDir out("pop-sentinel");
  const RunResult r = run_circleplan("evaluate " + city(bad("blocks_pop_sentinel.geojson")) +
                                     " --out " + (out / "result.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_mentions(r, {"--blocks", "blocks_pop_sentinel.geojson",
                      "2 values of field 'pop' above the maximum 1e8 are read as missing "
                      "(feature 0: 1.797e+308, feature 1: 1.797e+308)",
                      "2 blocks have no population value", "population: 300"});
  for (const std::string bad_word : {"inf", "nan"}) {
    EXPECT_EQ(r.output.find(bad_word), std::string::npos) << r.output;
  }
  const std::string summary = read_file(out / "result.summary.json");
  EXPECT_EQ(summary.find("inf"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("nan"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"population\": 300"), std::string::npos) << summary;
  Probe p(out / "result.gpkg");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.strings("summary", "pop").front(), "300");
  EXPECT_EQ(p.strings("summary", "nopop_blk").front(), "2");
  // The blocks layer holds them as null, as any block without population.
  EXPECT_EQ(p.strings("blocks", "pop"), (std::vector<std::string>{"", "", "300"}));

  // A center's capacity above the same maximum is read as missing in the same way: the access
  // scores count it as a center without capacity.
  std::string centers = read_file(bad("centers.geojson"));
  centers.replace(centers.find("\"tier\": \"center\""), 16,
                  "\"tier\": \"center\", \"cap\": 3.4e38");
  centers.replace(centers.find("\"tier\": \"station\""), 17,
                  "\"tier\": \"station\", \"cap\": 100000000");
  { std::ofstream(out / "centers.geojson") << centers; }
  const RunResult c =
      run_circleplan("evaluate " + city(bad("blocks.geojson"), out / "centers.geojson") +
                     " --capacity-field cap --access 2sfca --out " + (out / "cap.gpkg"));
  ASSERT_EQ(c.exit_code, 0) << c.output;
  expect_mentions(c, {"--centers",
                      "1 values of field 'cap' above the maximum 1e8 are read as "
                      "missing (feature 0: 3.4e+38)",
                      "1 centers have no capacity value"});
  EXPECT_EQ(c.output.find("nan"), std::string::npos) << c.output;
}

TEST(BadInput, DuplicateBlockIdsNameBothFeatures) {
  expect_refused(city(bad("blocks_duplicate_id.geojson")),
                 {"--blocks", "feature 2", "field 'block_id'", "id 'B1'",
                  "also the id of feature 0", "unique", "--block-id-field"});
}

TEST(BadInput, DuplicateCenterIdsNameBothFeatures) {
  expect_refused(
      city(bad("blocks.geojson"), bad("centers_duplicate_id.geojson")),
      {"--centers", "feature 1", "field 'center_id'", "id 'C1'", "also the id of feature 0"});
}

// --- shapefile sidecars -------------------------------------------------------------------

/// blocks_gbk_cpg's files copied into `dir` as blocks.*, without the extensions in `missing`.
std::string copied_shapefile(const TempDir& dir, std::initializer_list<std::string> missing,
                             bool upper_dbf = false) {
  for (const std::string ext : {"shp", "shx", "dbf", "prj", "cpg"}) {
    if (std::find(missing.begin(), missing.end(), ext) != missing.end()) continue;
    fs::copy_file(bad("blocks_gbk_cpg." + ext),
                  dir / ("blocks." + (upper_dbf && ext == "dbf" ? std::string("DBF") : ext)));
  }
  return dir / "blocks.shp";
}

TEST(BadInput, ShapefileWithoutDbfOrShxNamesTheMissingFile) {
  {
    TempDir dir("no-dbf");  // GDAL alone reads it: ids 0, 1, 2 and no population
    const std::string shp = copied_shapefile(dir, {"dbf"});
    expect_refused(city(shp), {"--blocks", "blocks.shp", "'" + (dir / "blocks.dbf") + "'",
                               "is missing", ".shp, .shx and .dbf side by side"});
    // The same for a folder of shapefiles, whether the layer is named or the first one.
    expect_refused(city(dir.path().string()) + " --blocks-layer blocks",
                   {"--blocks", "'" + (dir / "blocks.dbf") + "' is missing"});
    expect_refused(city(dir.path().string()), {"--blocks", "'" + (dir / "blocks.dbf") + "'"});
    // Every command reads layers the same way.
    expect_refused("--roads " + bad("roads.geojson") + " --existing " + bad("centers.geojson") +
                       " --blocks " + shp + " --model mclp --k 1",
                   {"--blocks", "'" + (dir / "blocks.dbf") + "' is missing"}, "site");
  }
  {
    TempDir dir("no-shx");  // GDAL alone: "cannot open", naming no file
    expect_refused(city(copied_shapefile(dir, {"shx"})),
                   {"--blocks", "'" + (dir / "blocks.shx") + "' is missing"});
  }
  {
    TempDir dir("no-prj");  // the existing CRS error
    expect_refused(city(copied_shapefile(dir, {"prj"})),
                   {"--blocks", "no coordinate reference system", "--assume-crs"});
  }
  {
    TempDir dir("no-cpg");  // the encoding rule: GBK text without a .cpg is detected and said
    const Accepted a = expect_accepted(city(copied_shapefile(dir, {"cpg"})),
                                       {"--blocks", "read as GBK", "--blocks-encoding"});
    EXPECT_EQ(a.block_names, (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
  }
  {
    TempDir dir("upper-dbf");  // BLOCKS.DBF written by an old tool is found as GDAL finds it
    const Accepted a = expect_accepted(city(copied_shapefile(dir, {}, true)), {});
    EXPECT_EQ(a.block_names, (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
  }
}

// --- text encodings -----------------------------------------------------------------------

TEST(BadInput, GbkShapefileWithCpgReadsRight) {
  const Accepted a = expect_accepted(city(bad("blocks_gbk_cpg.shp")), {});
  EXPECT_EQ(a.block_names, (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
}

TEST(BadInput, GbkShapefileWithoutCpgIsDetectedAndSaid) {
  const Accepted detected = expect_accepted(
      city(bad("blocks_gbk_no_cpg.shp")), {"--blocks", "blocks_gbk_no_cpg.shp", "read as GBK",
                                           "玉山小区", "--blocks-encoding", "text GBK (detected)"});
  EXPECT_EQ(detected.block_names, (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
  const Accepted a = expect_accepted(city(bad("blocks_gbk_no_cpg.shp")) + " --encoding GBK",
                                     {"text GBK (--encoding)"});
  EXPECT_EQ(a.block_names, (std::vector<std::string>{"玉山小区", "城北新村", "朝阳花园"}));
  EXPECT_EQ(a.run.output.find("read as GBK"), std::string::npos) << a.run.output;
}

// --- the other commands share the checks ----------------------------------------------------

TEST(BadInput, SiteRefusesTheSameInput) {
  expect_refused("--roads " + bad("roads.geojson") + " --existing " +
                     bad("centers_duplicate_id.geojson") + " --blocks " + bad("blocks.geojson") +
                     " --model mclp --k 1",
                 {"--existing", "id 'C1'", "also the id of feature 0"}, "site");
  // `site` also takes --centers for the existing centers: the message names what was written.
  expect_refused("--roads " + bad("roads.geojson") + " --centers " +
                     bad("centers_duplicate_id.geojson") + " --blocks " + bad("blocks.geojson") +
                     " --model mclp --k 1",
                 {"--centers", "id 'C1'", "also the id of feature 0"}, "site");
  expect_refused("--roads " + bad("roads.geojson") + " --existing " +
                     bad("centers_unprojectable.geojson") + " --blocks " + bad("blocks.geojson") +
                     " --model mclp --k 1",
                 {"--existing", "centers_unprojectable.geojson", "layer 'centers_unprojectable'",
                  "center 'C-far'", "--assume-crs"},
                 "site");
  expect_refused("--roads " + bad("roads.geojson") + " --existing " + bad("centers.geojson") +
                     " --blocks " + bad("blocks_pop_text.geojson") + " --model mclp --k 1",
                 {"--blocks", "feature 1", "field 'pop'"}, "site");
}

/// The good tiny city for `site`, with extra options.
std::string site_city(const std::string& extra) {
  return "--roads " + bad("roads.geojson") + " --existing " + bad("centers.geojson") +
         " --blocks " + bad("blocks.geojson") + " --model mclp --k 1 " + extra;
}

// --candidates and --allowed are read like the city's layers: errors start with the option and
// name file, layer, feature and field; what a read skipped is a warning naming them too.
TEST(BadInput, SiteCandidatesAndAllowedNameTheirOption) {
  expect_refused(
      site_city("--candidates " + bad("candidates_bad.geojson") + " --site-cost-field cost"),
      {"--candidates: file '", "candidates_bad.geojson", "layer 'candidates_bad'", "field 'cost'",
       "candidate 'S3'", "'cheap' is not a number >= 0", "--site-cost-field"},
      "site");
  expect_refused(site_city("--allowed " + bad("blocks_point.geojson")),
                 {"--allowed: file '", "blocks_point.geojson", "layer 'blocks_point'", "feature 1",
                  "geometry is Point", "fix or delete this feature"},
                 "site");
  // 93 degrees from the central meridian of UTM 51N, the run CRS of the tiny city.
  expect_refused(site_city("--candidates " + bad("candidates_unprojectable.geojson")),
                 {"--candidates: file '", "candidates_unprojectable.geojson",
                  "layer 'candidates_unprojectable'", "candidate 'S-far' point 0", "--assume-crs"},
                 "site");

  TempDir out("bad-input-site-ok");
  const RunResult r =
      run_circleplan("site " +
                     site_city("--candidates " + bad("candidates_bad.geojson") + " --allowed " +
                               bad("blocks_null_geometry.geojson")) +
                     " --out " + (out / "sites.gpkg"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  expect_mentions(r, {"warning: --candidates: file '", "layer 'candidates_bad'",
                      "1 features without geometry (null or empty) skipped (features 1)",
                      "warning: --allowed: file '", "layer 'blocks_null_geometry'",
                      "2 features without geometry (null or empty) skipped (features 3, 4)"});
}

TEST(BadInput, OsmRefusesMissingAndUnreadableExtracts) {
  expect_refused("/nonexistent/city.osm.pbf", {"/nonexistent/city.osm.pbf"}, "osm");
  expect_refused(bad("corrupt.gpkg"), {"corrupt.gpkg"}, "osm");
}

TEST(BadInput, RemediesAreOptionsShownInHelp) {
  for (const char* command : {"evaluate", "site"}) {
    const RunResult help = run_circleplan(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0);
    expect_mentions(help, {"--assume-crs", "--encoding", "--fail-on-invalid", "--block-id-field",
                           "--center-id-field"});
  }
}

}  // namespace

namespace {

// A range is checked where the value enters, in one wording (planner/parameters.h), as a usage
// error; NaN is never in range.
TEST(BadInput, OutOfRangeOptionsAreRefusedInOneWording) {
  TempDir out("bad-input-range");
  const RunResult nan =
      run_circleplan("evaluate " + city() + " --node-tolerance nan --out " + (out / "result.gpkg"));
  EXPECT_EQ(nan.exit_code, 2) << nan.output;
  expect_mentions(nan, {"node-tolerance must be at least 0 and at most 100 m (got nan)"});
  const RunResult speed =
      run_circleplan("evaluate " + city() + " --speed-kmh 60 --out " + (out / "result.gpkg"));
  EXPECT_EQ(speed.exit_code, 2) << speed.output;
  expect_mentions(speed, {"speed-kmh must be greater than 0 and less than 50 km/h (got 60)"});
  EXPECT_TRUE(fs::is_empty(out.path()));
}

}  // namespace

namespace {

// CLI11's own parse errors repeat the argument they refused; a connection string's password in
// it is scrubbed like in every other message (docs/outputs.md §7).
TEST(BadInput, ARefusedArgumentNeverShowsItsPassword) {
  const RunResult extra =
      run_circleplan("evaluate --out x.gpkg 'PG:dbname=city password=S3cret-77'");
  const RunResult value =
      run_circleplan("evaluate --threads 'postgresql://planner:S3cret-77@localhost/city'");
  for (const RunResult& r : {extra, value}) {
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_EQ(r.output.find("S3cret-77"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("***"), std::string::npos) << r.output;
  }
}

}  // namespace
