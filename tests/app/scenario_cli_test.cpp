// `circleplan run` and `circleplan batch` on small drawn networks whose answers are known by
// hand: closing the only bridge strands the far half, a footpath shortens exactly the routes it
// should, closing and re-adding a center changes nothing; malformed scenario files fail with
// file, line and column; a batch survives a broken scenario; outputs do not depend on threads.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

namespace fs = std::filesystem;
using testing_support::contains;
using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string scenarios_dir() {
  return testing_support::test_data_dir() + "/scenarios";
}

/// block_id -> field value of any layer with a block_id field.
std::map<std::string, std::string> block_field_of(const std::string& path, const std::string& layer,
                                                  const std::string& field) {
  Probe p(path);
  std::map<std::string, std::string> out;
  const auto ids = p.strings(layer, "block_id");
  const auto values = p.strings(layer, field);
  for (std::size_t i = 0; i < ids.size() && i < values.size(); ++i) out[ids[i]] = values[i];
  return out;
}

/// block_id -> field value of a result's blocks layer.
std::map<std::string, std::string> block_field(const std::string& gpkg, const std::string& field) {
  return block_field_of(gpkg, "blocks", field);
}

std::set<std::string> changed_blocks(const std::string& changes_gpkg) {
  Probe p(changes_gpkg);
  const auto ids = p.strings("changes", "block_id");
  return {ids.begin(), ids.end()};
}

class TwoHalves : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir("circleplan-scen");
    const auto r = run_circleplan("run " + scenarios_dir() + "/two-halves.toml --threads 1 --out " +
                                  (*s_dir / "out"));
    s_exit = r.exit_code;
    s_output = r.output;
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static std::string out(const std::string& name) { return *s_dir / ("out/" + name); }
  static TempDir* s_dir;
  static int s_exit;
  static std::string s_output;
};
TempDir* TwoHalves::s_dir = nullptr;
int TwoHalves::s_exit = -1;
std::string TwoHalves::s_output;

TEST_F(TwoHalves, WritesEveryResultComparisonAndReport) {
  ASSERT_EQ(s_exit, 0) << s_output;
  for (const char* name :
       {"base", "bridge-closed", "bridge-barrier", "center-moved-back", "elderly", "slow-bridge"}) {
    Probe p(out(std::string(name) + ".gpkg"));
    ASSERT_TRUE(p.ok()) << name;
    EXPECT_EQ(p.count("blocks"), 4) << name;
    EXPECT_TRUE(fs::exists(out(std::string(name) + ".summary.json"))) << name;
    if (std::string(name) != "base") {
      EXPECT_TRUE(fs::exists(out("changes-" + std::string(name) + "/changes.csv"))) << name;
    }
  }
  const std::string csv = read_file(out("summary.csv"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 9) << csv;  // header + 8 rows
  EXPECT_NE(csv.find("two-halves,bridge-closed,ok"), std::string::npos) << csv;
  EXPECT_TRUE(fs::exists(out("report.html")));
  EXPECT_TRUE(fs::exists(out("summary.json")));
}

TEST_F(TwoHalves, BaseCoversBothHalvesAcrossTheBridge) {
  ASSERT_EQ(s_exit, 0) << s_output;
  const auto status = block_field(out("base.gpkg"), "status");
  for (const char* b : {"W1", "W2", "E1", "E2"}) EXPECT_EQ(status.at(b), "covered") << b;
}

TEST_F(TwoHalves, ClosingTheOnlyBridgeStrandsExactlyTheFarHalf) {
  ASSERT_EQ(s_exit, 0) << s_output;
  for (const char* variant : {"bridge-closed", "bridge-barrier", "bridge-works-layer"}) {
    const auto status = block_field(out(std::string(variant) + ".gpkg"), "status");
    EXPECT_EQ(status.at("W1"), "covered") << variant;
    EXPECT_EQ(status.at("W2"), "covered") << variant;
    EXPECT_NE(status.at("E1"), "covered") << variant;
    EXPECT_NE(status.at("E2"), "covered") << variant;
    const std::string changes = out("changes-" + std::string(variant) + "/changes.gpkg");
    EXPECT_EQ(changed_blocks(changes), (std::set<std::string>{"E1", "E2"})) << variant;
    Probe p(changes);
    for (const std::string& kind : p.strings("changes", "change")) {
      EXPECT_EQ(kind, "newly_uncovered") << variant;
    }
  }
}

TEST_F(TwoHalves, ACenterFromALayerServesTheHalfCutOffFromTheOther) {
  ASSERT_EQ(s_exit, 0) << s_output;
  const auto center = block_field(out("east-center-layer.gpkg"), "center_id");
  const auto status = block_field(out("east-center-layer.gpkg"), "status");
  EXPECT_EQ(center.at("W1"), "c1");
  EXPECT_EQ(center.at("W2"), "c1");
  EXPECT_EQ(center.at("E1"), "c2");
  EXPECT_EQ(center.at("E2"), "c2");
  for (const char* b : {"W1", "W2", "E1", "E2"}) EXPECT_EQ(status.at(b), "covered") << b;
}

TEST_F(TwoHalves, ClosingACenterAndReAddingItChangesNothing) {
  ASSERT_EQ(s_exit, 0) << s_output;
  EXPECT_TRUE(changed_blocks(out("changes-center-moved-back/changes.gpkg")).empty());
  EXPECT_EQ(block_field(out("base.gpkg"), "minutes"),
            block_field(out("center-moved-back.gpkg"), "minutes"));
}

TEST_F(TwoHalves, SlowerWalkingRaisesEveryMinuteByTheSpeedRatio) {
  ASSERT_EQ(s_exit, 0) << s_output;
  const auto base = block_field(out("base.gpkg"), "minutes");
  const auto slow = block_field(out("elderly.gpkg"), "minutes");
  for (const auto& [id, m] : base) {
    EXPECT_NEAR(std::stod(slow.at(id)), std::stod(m) * 4.5 / 3.0, 1e-6) << id;
  }
}

TEST_F(TwoHalves, ASpeedFactorOnTheBridgeSlowsOnlyRoutesOverIt) {
  ASSERT_EQ(s_exit, 0) << s_output;
  const auto base = block_field(out("base.gpkg"), "minutes");
  const auto slow = block_field(out("slow-bridge.gpkg"), "minutes");
  for (const char* west : {"W1", "W2"}) EXPECT_EQ(slow.at(west), base.at(west)) << west;
  // The bridge is 1000 m of footway: at half speed it costs 1000 m / (4.5 km/h) more.
  const double extra_min = 1000.0 / (4500.0 / 60.0);
  for (const char* east : {"E1", "E2"}) {
    EXPECT_NEAR(std::stod(slow.at(east)) - std::stod(base.at(east)), extra_min, 0.05) << east;
  }
}

/// A drawn L-shaped street with the center at one end, and a footpath that cuts the corner.
class Footpath : public ::testing::Test {
 protected:
  static std::string lonlat(double x, double y) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9f %.9f", 3.0 + x / 111319.49, y / 110574.0);
    return buf;
  }
  static std::string coords(double x, double y) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "[%.9f, %.9f]", 3.0 + x / 111319.49, y / 110574.0);
    return buf;
  }
  static void write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
  }
  static std::string square(double cx, double cy) {
    const double h = 20;
    return "[[" + coords(cx - h, cy - h) + "," + coords(cx + h, cy - h) + "," +
           coords(cx + h, cy + h) + "," + coords(cx - h, cy + h) + "," + coords(cx - h, cy - h) +
           "]]";
  }
};

TEST_F(Footpath, LowersExactlyTheBlocksWhoseShortestWalkUsesIt) {
  TempDir dir("circleplan-foot");
  // A: (0,0)-(1000,0), B: (1000,0)-(1000,1000), C: (1000,1000)-(-200,1000). Center by (0,0).
  write(
      dir / "roads.geojson",
      R"({"type":"FeatureCollection","features":[)"
      R"({"type":"Feature","properties":{"id":11},"geometry":{"type":"LineString","coordinates":[)" +
          coords(0, 0) + "," + coords(1000, 0) + R"(]}},)" +
          R"({"type":"Feature","properties":{"id":12},"geometry":{"type":"LineString","coordinates":[)" +
          coords(1000, 0) + "," + coords(1000, 1000) + R"(]}},)" +
          R"({"type":"Feature","properties":{"id":13},"geometry":{"type":"LineString","coordinates":[)" +
          coords(1000, 1000) + "," + coords(-200, 1000) + R"(]}}]})");
  write(dir / "centers.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"c"},)"
        R"("geometry":{"type":"Point","coordinates":)" +
            coords(0, -20) + "}}]}");
  // By hand, walking metres base -> with the footpath x=0 from (0,0) to (0,1000):
  //   a1 on A at x=500: 500 -> 500; b1 on B at y=500: 1500 -> 1500 (via the path: 2500);
  //   blocks on C at x: 3000 - x -> 1000 + |x|: c500 2500 -> 1500, c100 2900 -> 1100,
  //   cw (x=-150, beyond the point where the path joins C) 3150 -> 1150.
  std::string blocks = R"({"type":"FeatureCollection","features":[)";
  const std::vector<std::tuple<std::string, double, double>> sites{{"a1", 500, -40},
                                                                   {"b1", 1040, 500},
                                                                   {"c500", 500, 1040},
                                                                   {"c100", 100, 1040},
                                                                   {"cw", -150, 1040}};
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const auto& [id, x, y] = sites[i];
    blocks += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"block_id":")" + id +
              R"("},"geometry":{"type":"Polygon","coordinates":)" + square(x, y) + "}}";
  }
  write(dir / "blocks.geojson", blocks + "]}");
  write(dir / "s.toml",
        "roads = \"roads.geojson\"\ncenters = \"centers.geojson\"\n"
        "blocks = \"blocks.geojson\"\ncrs = \"EPSG:32631\"\ncover-minutes = 60\n"
        "[[variant]]\nname = \"footpath\"\nadd-footpaths = [\"LINESTRING(" +
            lonlat(0, 0) + ", " + lonlat(0, 1000) + ")\"]\n");
  const auto r = run_circleplan("run " + (dir / "s.toml") + " --out " + (dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto base = block_field(dir / "out/base.gpkg", "minutes");
  const auto after = block_field(dir / "out/footpath.gpkg", "minutes");
  ASSERT_EQ(base.size(), 5u);
  std::set<std::string> lowered;
  for (const auto& [id, m] : base) {
    const double before = std::stod(m), now = std::stod(after.at(id));
    EXPECT_LE(now, before + 1e-9) << id;
    if (now < before - 1e-6) lowered.insert(id);
  }
  EXPECT_EQ(lowered, (std::set<std::string>{"c500", "c100", "cw"}));
  // The saving is the hand-worked one: 1000 m for c500 at 4.5 km/h = 13.33 minutes.
  EXPECT_NEAR(std::stod(base.at("c500")) - std::stod(after.at("c500")), 1000.0 / 75.0, 0.1);
  EXPECT_EQ(changed_blocks(dir / "out/changes-footpath/changes.gpkg"), lowered);
}

struct BadCase {
  const char* file;
  int exit_code;
  std::vector<std::string> words;
};

TEST(ScenarioErrors, EachMalformedFileNamesWhatAndWhere) {
  const std::vector<BadCase> cases{
      {"unknown-key.toml",
       1,
       {"unknown-key.toml", "line 7, column 1", "unknown key 'close-center'"}},
      {"wrong-type.toml", 1, {"line 4, column 17", "'cover-minutes' must be a number", "string"}},
      {"bad-center-id.toml", 1, {"line 7, column 24", "no center has id 'no-such-center'"}},
      {"bad-road-id.toml", 1, {"line 8, column 16", "no road has id 999"}},
      {"missing-file.toml", 1, {"no-such-roads.geojson"}},
      {"syntax-error.toml", 1, {"syntax-error.toml", "TOML syntax error", "line "}},
      {"no-such-scenario.toml", 1, {"no-such-scenario.toml", "no such scenario file"}},
      {"footpath-far.toml", 1, {"line 9, column 1", "footpath 1", "footpath-snap"}},
      {"bad-capacity-id.toml", 1, {"line 8, column ", "set-capacity: no center has id 'c9'"}},
      {"bad-capacity-huge.toml",
       1,
       {"line 8, column 23", "'set-capacity' must be a number >= 0 and at most 1e8"}},
      {"bad-access.toml", 1, {"line 4, column 21", "'access' methods are", "'3sfca'"}},
      {"bad-access-steps.toml",
       1,
       {"line 10, column 16", "variant 'longer-walks'", "must end at the catchment"}},
  };
  for (const BadCase& c : cases) {
    TempDir out("circleplan-bad");
    const auto r =
        run_circleplan("run " + scenarios_dir() + "/bad/" + c.file + " --out " + (out / "o"));
    EXPECT_EQ(r.exit_code, c.exit_code) << c.file << ": " << r.output;
    for (const std::string& w : c.words) {
      EXPECT_NE(r.output.find(w), std::string::npos)
          << c.file << " lacks '" << w << "': " << r.output;
    }
    EXPECT_FALSE(fs::exists(out / "o/base.gpkg")) << c.file;
  }
}

TEST(Batch, ABrokenScenarioIsNamedAndTheOthersAreStillWritten) {
  TempDir out("circleplan-batch");
  const std::string d = scenarios_dir();
  const auto r = run_circleplan("batch " + d + "/two-halves.toml " + d + "/bad/bad-road-id.toml " +
                                d + "/small.toml --jobs 2 --out " + (out / "b"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  const std::string csv = read_file(out / "b/summary.csv");
  EXPECT_NE(csv.find("bad-road-id,,failed,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("no road has id 999"), std::string::npos) << csv;
  EXPECT_NE(csv.find("two-halves,base,ok"), std::string::npos) << csv;
  EXPECT_NE(csv.find("small,base,ok"), std::string::npos) << csv;
  // Rows in the order the files were given: two-halves (8 rows), the failure, small (3 rows).
  EXPECT_LT(csv.find("two-halves,east-center-layer"), csv.find("bad-road-id,"));
  EXPECT_LT(csv.find("bad-road-id,"), csv.find("small,base"));
  EXPECT_TRUE(fs::exists(out / "b/two-halves/base.gpkg"));
  EXPECT_TRUE(fs::exists(out / "b/small/report.html"));
  EXPECT_NE(read_file(out / "b/summary.json").find("\"status\": \"failed\""), std::string::npos);
  EXPECT_NE(r.output.find("1 of 3 scenarios failed"), std::string::npos) << r.output;
}

TEST(EditCrs, ACenterGivenAsXyInEditCrsLandsWhereItsLonLatDoes) {
  TempDir out("circleplan-xy");
  const auto r = run_circleplan("run " + scenarios_dir() + "/small.toml --out " + (out / "o"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto lonlat = block_field(out / "o/east-center.gpkg", "minutes");
  const auto xy = block_field(out / "o/east-center-xy.gpkg", "minutes");
  ASSERT_EQ(lonlat.size(), 4u);
  for (const auto& [id, m] : lonlat) EXPECT_NEAR(std::stod(xy.at(id)), std::stod(m), 1e-4) << id;
  EXPECT_EQ(block_field(out / "o/east-center-xy.gpkg", "center_id").at("E1"), "c2");
}

TEST(RunBase, IsByteForByteWhatEvaluateWritesServiceAreasIncluded) {
  TempDir out("circleplan-base");
  const std::string d = scenarios_dir();
  std::ofstream(out / "s.toml") << "roads = \"" << d << "/roads.geojson\"\ncenters = \"" << d
                                << "/centers.geojson\"\nblocks = \"" << d
                                << "/blocks.geojson\"\ncrs = \"EPSG:32631\"\n"
                                   "minutes = [15, 40]\nservice-areas = true\nbuffer-m = 30\n";
  const auto run = run_circleplan("run " + (out / "s.toml") + " --out " + (out / "o"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto ev = run_circleplan("evaluate --roads " + d + "/roads.geojson --centers " + d +
                                 "/centers.geojson --blocks " + d +
                                 "/blocks.geojson --crs EPSG:32631 --minutes 15,40 "
                                 "--service-areas --buffer-m 30 --out " +
                                 (out / "e.gpkg"));
  ASSERT_EQ(ev.exit_code, 0) << ev.output;
  Probe p(out / "o/base.gpkg");
  EXPECT_GT(p.count("service_areas"), 0);
  EXPECT_GT(p.count("reach_edges"), 0);
  EXPECT_TRUE(read_file(out / "e.gpkg") == read_file(out / "o/base.gpkg"));
}

TEST(ScenarioRun, ReachEdgesKeyShapesTheLayerAsTheOption) {
  TempDir out("circleplan-reach");
  const std::string d = scenarios_dir();
  const std::string data = "roads = \"" + d + "/roads.geojson\"\ncenters = \"" + d +
                           "/centers.geojson\"\nblocks = \"" + d +
                           "/blocks.geojson\"\ncrs = \"EPSG:32631\"\nminutes = [15, 40]\n"
                           "service-areas = true\n";
  std::ofstream(out / "pieces.toml") << data << "reach-edges = \"pieces\"\n";
  std::ofstream(out / "none.toml") << data << "reach-edges = \"none\"\n";
  std::ofstream(out / "bad.toml") << data << "reach-edges = \"lines\"\n";
  const auto run = run_circleplan("run " + (out / "pieces.toml") + " --out " + (out / "p"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto ev = run_circleplan("evaluate --roads " + d + "/roads.geojson --centers " + d +
                                 "/centers.geojson --blocks " + d +
                                 "/blocks.geojson --crs EPSG:32631 --minutes 15,40 "
                                 "--reach-edges pieces --out " +
                                 (out / "e.gpkg"));
  ASSERT_EQ(ev.exit_code, 0) << ev.output;
  EXPECT_TRUE(read_file(out / "e.gpkg") == read_file(out / "p/base.gpkg"));
  EXPECT_TRUE(contains(Probe(out / "p/base.gpkg").fields("reach_edges"), "edge_id"));
  const auto none = run_circleplan("run " + (out / "none.toml") + " --out " + (out / "n"));
  ASSERT_EQ(none.exit_code, 0) << none.output;
  EXPECT_EQ(Probe(out / "n/base.gpkg").count("reach_edges"), -1);
  EXPECT_GT(Probe(out / "n/base.gpkg").count("service_areas"), 0);
  const auto bad = run_circleplan("run " + (out / "bad.toml") + " --out " + (out / "b"));
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("'reach-edges' must be one of merged, none, pieces"), std::string::npos)
      << bad.output;
}

/// Every file under `root` (relative path -> bytes), timings.json left out.
std::map<std::string, std::string> outputs(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().filename() == "timings.json") continue;
    out[fs::relative(e.path(), root).string()] = read_file(e.path());
  }
  return out;
}

TEST(Determinism, RunAndBatchGiveTheSameBytesWhateverJobsAndThreads) {
  TempDir out("circleplan-det");
  const std::string d = scenarios_dir();
  ASSERT_EQ(
      run_circleplan("run " + d + "/two-halves.toml --threads 1 --out " + (out / "r1")).exit_code,
      0);
  ASSERT_EQ(
      run_circleplan("run " + d + "/two-halves.toml --threads 3 --out " + (out / "r3")).exit_code,
      0);
  const auto r1 = outputs(out / "r1"), r3 = outputs(out / "r3");
  EXPECT_GE(r1.size(), 20u);
  EXPECT_EQ(r1, r3);

  const std::string files = d + "/two-halves.toml " + d + "/small.toml";
  ASSERT_EQ(
      run_circleplan("batch " + files + " --jobs 1 --threads 1 --out " + (out / "b1")).exit_code,
      0);
  ASSERT_EQ(
      run_circleplan("batch " + files + " --jobs 2 --threads 2 --out " + (out / "b2")).exit_code,
      0);
  const auto b1 = outputs(out / "b1"), b2 = outputs(out / "b2");
  EXPECT_EQ(b1, b2);
  // The batch writes each scenario as `run` does (one manifest for the whole batch folder).
  for (const auto& [name, bytes] : r1) {
    if (name == "circleplan-manifest.txt") continue;
    EXPECT_EQ(b1.at("two-halves/" + name), bytes) << name;
  }
}

}  // namespace

namespace {

TEST(PortoScenario, TheShippedExampleWritesLayersComparisonsAndReport) {
  TempDir out("circleplan-porto-scen");
  const auto r = run_circleplan("run " + testing_support::data_dir() +
                                "/porto-scenario.toml --out " + (out / "o"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::vector<std::string> variants{
      "close-gaia-townhall", "two-new-stations", "bridge-repair", "elderly-speed",
      "ten-minutes",         "slow-steps",       "site-two"};
  for (const std::string& v : variants) {
    Probe p(out / ("o/" + v + ".gpkg"));
    ASSERT_TRUE(p.ok()) << v;
    EXPECT_EQ(p.count("blocks"), 199) << v;
    EXPECT_TRUE(fs::exists(out / ("o/changes-" + v + "/changes.gpkg"))) << v;
  }
  const std::string html = read_file(out / "o/report.html");
  EXPECT_NE(html.find("OpenStreetMap"), std::string::npos);

  // Closing a center can only strand blocks that center served: every newly uncovered block of
  // close-gaia-townhall had w196504094 as its nearest center in the base.
  const auto base_center = block_field(out / "o/base.gpkg", "center_id");
  Probe changes(out / "o/changes-close-gaia-townhall/changes.gpkg");
  const auto ids = changes.strings("changes", "block_id");
  const auto kinds = changes.strings("changes", "change");
  std::size_t newly_uncovered = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(base_center.at(ids[i]), "w196504094") << ids[i];
    newly_uncovered += kinds[i] == "newly_uncovered" ? 1 : 0;
  }
  EXPECT_GT(newly_uncovered, 0u);
  // Adding centers never makes a block worse.
  Probe added(out / "o/changes-two-new-stations/changes.gpkg");
  for (const std::string& kind : added.strings("changes", "change")) {
    EXPECT_NE(kind, "newly_uncovered");
  }
  // The sited variant opens exactly two new centers.
  Probe sited(out / "o/site-two.gpkg");
  const auto centers = sited.strings("centers", "center_id");
  EXPECT_EQ(std::count(centers.begin(), centers.end(), "site-1") +
                std::count(centers.begin(), centers.end(), "site-2"),
            2);
}

}  // namespace

namespace {

/// block_id -> number of a field of a layer ("" -> NaN, so a null never passes for a value).
std::map<std::string, double> numbers_by_block(const std::string& path, const std::string& layer,
                                               const std::string& field) {
  Probe p(path);
  std::map<std::string, double> out;
  const auto ids = p.strings(layer, "block_id");
  const auto values = p.strings(layer, field);
  for (std::size_t i = 0; i < ids.size() && i < values.size(); ++i) {
    out[ids[i]] = values[i].empty() ? std::nan("") : std::stod(values[i]);
  }
  return out;
}

// The two halves with capacities (capacity.toml): one center of 500 m² reaching all four blocks
// (population 100, 200, 300, 400) within t0 = 40 minutes. By the formulas of
// docs/accessibility.md: 2SFCA D = 1000, R = 0.5, so every block scores 1000 x 0.5 = 500; BFCA
// splits the center's ratio over the 4 blocks it reaches, 1000 x 0.5 / 4 = 125. Doubling the
// capacity doubles both; closing the bridge and opening c2 (300 m²) east leaves c1 to the west
// (300 people: 1000 x 500/300) and c2 to the east (700 people: 1000 x 300/700).
TEST(ScenarioAccess, CapacityEditsChangeScoresAsTheFormulasSay) {
  TempDir out("circleplan-scen-access");
  const auto r =
      run_circleplan("run " + scenarios_dir() + "/capacity.toml --threads 1 --out " + (out / "o"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const auto& [id, status] : block_field(out / "o/base.gpkg", "status")) {
    ASSERT_EQ(status, "covered") << id;  // the hand values assume every block within 40 minutes
  }
  const std::map<std::string, double> half_west{{"W1", 1}, {"W2", 1}, {"E1", 0}, {"E2", 0}};
  const auto base_2sfca = numbers_by_block(out / "o/base.gpkg", "blocks", "acc_2sfca");
  const auto base_bfca = numbers_by_block(out / "o/base.gpkg", "blocks", "acc_bfca");
  const auto doubled_2sfca =
      numbers_by_block(out / "o/capacity-doubled.gpkg", "blocks", "acc_2sfca");
  const auto doubled_bfca = numbers_by_block(out / "o/capacity-doubled.gpkg", "blocks", "acc_bfca");
  const auto east_2sfca = numbers_by_block(out / "o/east-center.gpkg", "blocks", "acc_2sfca");
  ASSERT_EQ(base_2sfca.size(), 4u);
  for (const auto& [id, west] : half_west) {
    EXPECT_NEAR(base_2sfca.at(id), 500.0, 1e-9) << id;
    EXPECT_NEAR(base_bfca.at(id), 125.0, 1e-9) << id;
    EXPECT_NEAR(doubled_2sfca.at(id), 1000.0, 1e-9) << id;
    EXPECT_NEAR(doubled_bfca.at(id), 250.0, 1e-9) << id;
    EXPECT_NEAR(east_2sfca.at(id), west ? 1000.0 * 500.0 / 300.0 : 1000.0 * 300.0 / 700.0, 1e-9)
        << id;
  }
  // The capacity edit changes no coverage: every block is an "access" change, with the score
  // before, after and the difference per method both sides computed.
  const std::string changes = out / "o/changes-capacity-doubled/changes.gpkg";
  const auto kinds = block_field_of(changes, "changes", "change");
  ASSERT_EQ(kinds.size(), 4u);
  for (const auto& [id, kind] : kinds) EXPECT_EQ(kind, "access") << id;
  const auto chg = numbers_by_block(changes, "changes", "chg_2sfca");
  const auto bef = numbers_by_block(changes, "changes", "bef_bfca");
  const auto aft = numbers_by_block(changes, "changes", "aft_bfca");
  for (const auto& [id, west] : half_west) {
    EXPECT_NEAR(chg.at(id), 500.0, 1e-9) << id;
    EXPECT_NEAR(bef.at(id), 125.0, 1e-9) << id;
    EXPECT_NEAR(aft.at(id), 250.0, 1e-9) << id;
  }
  std::string json = read_file(out / "o/changes-capacity-doubled/comparison.json");
  json.erase(std::remove_if(json.begin(), json.end(), [](char c) { return c == ' ' || c == '\n'; }),
             json.end());
  EXPECT_NE(json.find("\"method\":\"2sfca\",\"blocks_compared\":4,\"higher\":4,\"lower\":0"),
            std::string::npos)
      << json;
  // The capacities are in the centers layers; the added center's comes from its entry.
  EXPECT_EQ(Probe(out / "o/capacity-doubled.gpkg").strings("centers", "capacity"),
            std::vector<std::string>{"1000"});
  const auto east_capacity = Probe(out / "o/east-center.gpkg").strings("centers", "capacity");
  EXPECT_EQ(east_capacity, (std::vector<std::string>{"500", "300"}));
  // `compare` on the two files reads the scores back and says the same.
  const auto cmp = run_circleplan("compare " + (out / "o/base.gpkg") + " " +
                                  (out / "o/capacity-doubled.gpkg") + " --out " + (out / "c"));
  ASSERT_EQ(cmp.exit_code, 0) << cmp.output;
  EXPECT_NE(cmp.output.find("access 2sfca: of 4 blocks scored on both sides, 4 better served"),
            std::string::npos)
      << cmp.output;
  EXPECT_EQ(read_file(out / "c/changes.csv"),
            read_file(out / "o/changes-capacity-doubled/changes.csv"));
}

}  // namespace
