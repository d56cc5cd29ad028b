// `evaluate --access` on the two-halves network (tests/data/scenarios) with a capacity per center
// (tests/data/access): each half's blocks reach only their own half's center within 15 minutes
// (4.4 minutes; the other half is 24 minutes or more away), so every method gives, by hand,
// A = S / (population of the half): west 100 / (100 + 200), east 300 / (300 + 400), per 1,000
// residents 333.33 and 428.57 (BFCA halves them: each center's ratio is split between its two
// blocks); loads (D/S) / (sum D / sum S) = 3 / 2.5 and 2.333 / 2.5.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

using testing_support::contains;
using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string data(const std::string& name) {
  return testing_support::test_data_dir() + "/" + name;
}

std::map<std::string, std::string> by_id(const Probe& p, const std::string& layer,
                                         const std::string& id, const std::string& field) {
  const auto ids = p.strings(layer, id);
  const auto values = p.strings(layer, field);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] = values[i];
  return out;
}

TEST(EvaluateAccess, ScoresRanksAndLoadsMatchTheHandWorkedHalves) {
  TempDir out("access");
  const auto r = run_circleplan(
      "evaluate --roads " + data("scenarios/roads.geojson") + " --centers " +
      data("access/centers-capacity.geojson") + " --blocks " + data("scenarios/blocks.geojson") +
      " --crs EPSG:32631 --access e2sfca,2sfca,g2sfca,bfca --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "e.gpkg");
  for (const char* f : {"acc_e2sfca", "acc_2sfca", "acc_g2sfca", "acc_bfca", "acc_rank"}) {
    EXPECT_TRUE(contains(p.fields("blocks"), f)) << f;
  }
  for (const char* method : {"acc_e2sfca", "acc_2sfca"}) {
    const auto score = by_id(p, "blocks", "block_id", method);
    EXPECT_NEAR(std::stod(score.at("W1")), 1000.0 * 100.0 / 300.0, 1e-9) << method;
    EXPECT_NEAR(std::stod(score.at("W2")), 1000.0 * 100.0 / 300.0, 1e-9) << method;
    EXPECT_NEAR(std::stod(score.at("E1")), 1000.0 * 300.0 / 700.0, 1e-9) << method;
  }
  // BFCA splits each center's ratio among the blocks it reaches: two per center here.
  const auto bfca = by_id(p, "blocks", "block_id", "acc_bfca");
  EXPECT_NEAR(std::stod(bfca.at("W1")), 1000.0 * 100.0 / 300.0 / 2.0, 1e-9);
  EXPECT_NEAR(std::stod(bfca.at("E2")), 1000.0 * 300.0 / 700.0 / 2.0, 1e-9);
  const auto rank = by_id(p, "blocks", "block_id", "acc_rank");
  EXPECT_EQ(rank.at("E1"), "1");
  EXPECT_EQ(rank.at("E2"), "2");
  EXPECT_EQ(rank.at("W1"), "3");
  EXPECT_EQ(rank.at("W2"), "4");
  const auto load = by_id(p, "centers", "center_id", "load");
  EXPECT_NEAR(std::stod(load.at("c1")), 3.0 / 2.5, 1e-9);
  EXPECT_NEAR(std::stod(load.at("c2")), (700.0 / 300.0) / 2.5, 1e-9);
  EXPECT_NEAR(std::stod(by_id(p, "centers", "center_id", "demand").at("c1")), 300.0, 1e-9);
  EXPECT_NEAR(std::stod(by_id(p, "centers", "center_id", "ratio").at("c2")), 1000.0 * 300.0 / 700.0,
              1e-9);
  const std::string summary = read_file(out / "e.summary.json");
  EXPECT_NE(summary.find("\"most_loaded\""), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"worst_served\""), std::string::npos) << summary;
  EXPECT_NE(r.output.find("most loaded centers (load 1 = average): c1 1.20; c2 0.93;"),
            std::string::npos)
      << r.output;
}

TEST(EvaluateAccess, CentersWithoutCapacityAreAWarningAndStepsWithoutAccessAUsageError) {
  TempDir out("access-bad");
  const std::string inputs = "--roads " + data("scenarios/roads.geojson") + " --centers " +
                             data("scenarios/centers.geojson") + " --blocks " +
                             data("scenarios/blocks.geojson") + " --crs EPSG:32631";
  const auto warned =
      run_circleplan("evaluate " + inputs + " --access 2sfca --out " + (out / "a.gpkg"));
  EXPECT_EQ(warned.exit_code, 0) << warned.output;
  EXPECT_NE(warned.output.find("1 centers have no capacity value"), std::string::npos)
      << warned.output;
  const auto usage =
      run_circleplan("evaluate " + inputs + " --access-steps 5:1,15:0.5 --out " + (out / "b.gpkg"));
  EXPECT_EQ(usage.exit_code, 2) << usage.output;
  const auto steps =
      run_circleplan("evaluate " + inputs + " --access e2sfca --access-steps 5:1,10:0.5 --out " +
                     (out / "c.gpkg"));
  EXPECT_EQ(steps.exit_code, 2) << steps.output;  // the last bound must be the catchment, 15
  EXPECT_NE(steps.output.find("--access-steps"), std::string::npos) << steps.output;
}

}  // namespace
