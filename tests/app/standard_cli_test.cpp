// `evaluate --standard` and `run` with `standard = ...` on the two-halves network
// (tests/data/scenarios), whose answers are known by hand: one community station in the west
// half, one town center in the east half, a footway bridge between. At 4.5 km/h (75 m/min) the
// near blocks are about 330 m (4.4 min) from their half's center and the far ones 1,830 m
// (24.4 min) or 2,330 m (31 min) from the other half's, so with "local within 10 min, town
// within 30 min": local is met everywhere when the town center serves the local tier
// (higher-serves) and only in the west without it; town is met by W2, E1, E2 but not W1.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

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

std::string data(const std::string& name) {
  return testing_support::test_data_dir() + "/" + name;
}

std::string inputs() {
  return "--roads " + data("scenarios/roads.geojson") + " --centers " +
         data("standards/centers-two-tiers.geojson") + " --blocks " +
         data("scenarios/blocks.geojson") + " --crs EPSG:32631";
}

/// "block_id/std_tier" -> field of the block_tiers layer.
std::map<std::string, std::string> block_tiers(const std::string& gpkg, const std::string& field) {
  Probe p(gpkg);
  const auto ids = p.strings("block_tiers", "block_id");
  const auto tiers = p.strings("block_tiers", "std_tier");
  const auto values = p.strings("block_tiers", field);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i] + "/" + tiers[i]] = values[i];
  return out;
}

/// "scope/scope_id/std_tier" -> field of the compliance layer.
std::map<std::string, std::string> compliance(const std::string& gpkg, const std::string& field) {
  Probe p(gpkg);
  const auto scopes = p.strings("compliance", "scope");
  const auto ids = p.strings("compliance", "scope_id");
  const auto tiers = p.strings("compliance", "std_tier");
  const auto values = p.strings("compliance", field);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    out[scopes[i] + "/" + ids[i] + "/" + tiers[i]] = values[i];
  }
  return out;
}

TEST(EvaluateStandard, MeasuresEachBlockAgainstEachTierAndWritesTheTables) {
  TempDir out("std-eval");
  const auto r =
      run_circleplan("evaluate " + inputs() + " --standard " + data("standards/two-tiers.toml") +
                     " --grids " + data("standards/grids.geojson") + " --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string gpkg = out / "e.gpkg";
  Probe p(gpkg);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.count("block_tiers"), 8);  // 4 blocks x 2 tiers
  for (const char* f : {"tiers_met", "comply", "grid_id"}) {
    EXPECT_TRUE(contains(p.fields("blocks"), f)) << f;
  }
  const auto met = block_tiers(gpkg, "met");
  for (const char* b : {"W1", "W2", "E1", "E2"}) EXPECT_EQ(met.at(std::string(b) + "/local"), "1");
  EXPECT_EQ(met.at("W1/town"), "0");
  EXPECT_EQ(met.at("W2/town"), "1");
  EXPECT_EQ(met.at("E1/town"), "1");
  EXPECT_EQ(met.at("E2/town"), "1");
  const auto center = block_tiers(gpkg, "center_id");
  EXPECT_EQ(center.at("W1/local"), "c1");
  EXPECT_EQ(center.at("E1/local"), "c2");  // the town center serves the local tier
  EXPECT_EQ(center.at("W1/town"), "c2");
  const auto value = block_tiers(gpkg, "value");
  EXPECT_NEAR(std::stod(value.at("W1/local")), 4.4, 0.3);
  EXPECT_NEAR(std::stod(value.at("W1/town")), 31.1, 0.5);
  EXPECT_EQ(block_tiers(gpkg, "unit").at("W1/town"), "min");

  const auto met_blk = compliance(gpkg, "met_blk");
  EXPECT_EQ(met_blk.at("all//local"), "4");
  EXPECT_EQ(met_blk.at("all//town"), "3");
  EXPECT_DOUBLE_EQ(std::stod(compliance(gpkg, "sh_pop").at("all//town")), 0.9);  // 900 of 1000
  EXPECT_EQ(compliance(gpkg, "definition").at("all//town"), "walk_min");
  EXPECT_EQ(met_blk.at("grid/G-west/town"), "1");  // W2 of W1, W2
  EXPECT_EQ(met_blk.at("grid/G-east/town"), "2");

  // Grids: the north grid holds no center (一网格一站点).
  const auto has_point = p.strings("grids", "has_point");
  const auto grid_ids = p.strings("grids", "grid_id");
  ASSERT_EQ(grid_ids.size(), 3u);
  EXPECT_EQ(has_point[0], "1");
  EXPECT_EQ(has_point[1], "1");
  EXPECT_EQ(grid_ids[2], "G-north");
  EXPECT_EQ(has_point[2], "0");
  EXPECT_NE(r.output.find("without a service point: 1 (G-north)"), std::string::npos) << r.output;

  const std::string csv = read_file(out / "e.compliance.csv");
  // A UTF-8 BOM first (docs/outputs.md: CSV for Excel), then the header.
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFscope,scope_id,std_tier,definition,blocks,met_blk,", 0), 0u)
      << csv;
  EXPECT_NE(csv.find("all,,town,walk_min,4,3,"), std::string::npos) << csv;
  const std::string summary = read_file(out / "e.summary.json");
  const std::size_t listed = summary.find("\"grids_without_point\"");
  ASSERT_NE(listed, std::string::npos) << summary;
  EXPECT_EQ(summary.find("\"G-north\"", listed), summary.find("\"G-north\""));
  EXPECT_NE(summary.find("\"G-north\"", listed), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"complying_blocks\": 3"), std::string::npos) << summary;
}

TEST(EvaluateStandard, HigherServesFalseKeepsTheTownCenterOutOfTheLocalTier) {
  TempDir out("std-strict");
  const auto r =
      run_circleplan("evaluate " + inputs() + " --standard " +
                     data("standards/two-tiers-strict.toml") + " --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto met = block_tiers(out / "e.gpkg", "met");
  EXPECT_EQ(met.at("W1/local"), "1");
  EXPECT_EQ(met.at("W2/local"), "1");
  EXPECT_EQ(met.at("E1/local"), "0");
  EXPECT_EQ(met.at("E2/local"), "0");
  EXPECT_EQ(block_tiers(out / "e.gpkg", "center_id").at("E1/local"), "c1");
}

TEST(EvaluateStandard, WithoutAStandardTheOutputsKeepTheirSchema) {
  TempDir out("std-none");
  const auto r = run_circleplan("evaluate " + inputs() + " --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "e.gpkg");
  EXPECT_EQ(p.count("block_tiers"), -1);
  EXPECT_EQ(p.count("compliance"), -1);
  EXPECT_FALSE(contains(p.fields("blocks"), "comply"));
  EXPECT_FALSE(fs::exists(out / "e.compliance.csv"));
}

TEST(EvaluateStandard, AStandardFileWithABadKeyIsAnInputErrorNamingFileAndLine) {
  TempDir out("std-bad");
  const fs::path bad = out / "bad.toml";
  {
    std::ofstream f(bad);
    f << "name = \"x\"\n[[tier]]\nname = \"a\"\ncenters = [\"community\"]\nwithin = { hours = 1 "
         "}\n";
  }
  const auto r = run_circleplan("evaluate " + inputs() + " --standard " + bad.string() + " --out " +
                                (out / "e.gpkg"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("bad.toml"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("line 5"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out / "e.gpkg"));
}

TEST(RunStandard, EveryVariantIsMeasuredAndTheReportComparesTheTiers) {
  TempDir out("std-run");
  const auto r = run_circleplan("run " + data("standards/two-tiers-scenario.toml") +
                                " --threads 1 --out " + (out / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* v : {"base", "close-town", "strict", "site-one"}) {
    EXPECT_TRUE(fs::exists(out / ("out/" + std::string(v) + ".compliance.csv"))) << v;
    EXPECT_EQ(Probe(out / ("out/" + std::string(v) + ".gpkg")).count("block_tiers"), 8) << v;
  }
  // Closing the town center: no block meets the town tier, and the east loses the local one.
  const auto closed = compliance(out / "out/close-town.gpkg", "met_blk");
  EXPECT_EQ(closed.at("all//town"), "0");
  EXPECT_EQ(closed.at("all//local"), "2");
  EXPECT_NE(r.output.find("town compliance (population): 90.0% -> 0.0% (-90.0 points)"),
            std::string::npos)
      << r.output;
  // A sited center carries the site edit's tier, so the standard counts it.
  Probe sited(out / "out/site-one.gpkg");
  const auto ids = sited.strings("centers", "center_id");
  const auto tiers = sited.strings("centers", "tier");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], "site-1");
  EXPECT_EQ(tiers[1], "town");
  EXPECT_EQ(r.output.find("site-1"), std::string::npos) << r.output;  // no "no tier" warning
  const std::string csv = read_file(out / "out/summary.csv");
  EXPECT_NE(csv.find("std_local_share,std_town_share"), std::string::npos) << csv;
  const std::string report = read_file(out / "out/report.html");
  EXPECT_NE(report.find("Service standard compliance 服务标准达标"), std::string::npos);
  EXPECT_NE(report.find("一网格一站点"), std::string::npos);
  EXPECT_NE(report.find("G-north"), std::string::npos);
}

}  // namespace
