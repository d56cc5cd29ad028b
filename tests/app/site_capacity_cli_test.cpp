// `circleplan site --model cmclp|cpmedian` through the command. On spopt's San Francisco matrix
// (tests/data/siting): with capacities too large to bind, cpmedian is the p-median
// (2,848,268,129.71, the published optimum); tighter capacities never give a smaller optimum;
// below the total demand the shortfall is reported. On the two-halves city (tests/data/
// scenarios) whose existing centers carry capacities (tests/data/access): a hand-worked cmclp
// answer with its layers and summary.json; and the usage and input errors.
#include <fstream>
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

std::string sf_matrix() {
  return testing_support::sf_matrix_args();
}

constexpr double sf_pmedian = 2848268129.7145104;  // spopt's p-median optimum, p = 4
constexpr double sf_population = 955113.0;         // sum of POP2000 over the 205 tracts

/// The number after "key": in a JSON text (the first one).
double json_number(const std::string& json, const std::string& key) {
  const std::size_t at = json.find("\"" + key + "\": ");
  if (at == std::string::npos) return -1.0;
  return std::stod(json.substr(at + key.size() + 4));
}

// 1e6 per store is more than all 955,113 people: no capacity binds.
TEST(SiteCapacityCli, SanFranciscoLargeCapacitiesGiveThePMedian) {
  for (const char* how : {"", " --exact", " --split-demand"}) {
    const auto r = run_circleplan("site " + sf_matrix() +
                                  " --model cpmedian --k 4 --site-capacity 1e6 --json" + how);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NEAR(json_number(r.output, "objective"), sf_pmedian, 1e-3) << how;
    EXPECT_NEAR(json_number(r.output, "unassigned_weight"), 0.0, 0.0) << how;
    EXPECT_NEAR(json_number(r.output, "served_weight"), sf_population, 1e-6) << how;
    for (const char* store : {"\"Store_2\"", "\"Store_11\"", "\"Store_12\"", "\"Store_15\""}) {
      EXPECT_NE(r.output.find(store), std::string::npos) << store << how;
    }
  }
}

struct SfRun {
  double objective, served, unassigned;
  bool optimal;
};

SfRun sf_cpmedian(const std::string& capacity, const std::string& how) {
  const auto r = run_circleplan("site " + sf_matrix() + " --model cpmedian --k 4 --json " +
                                "--site-capacity " + capacity + how);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  SfRun out{json_number(r.output, "objective"), json_number(r.output, "served_weight"),
            json_number(r.output, "unassigned_weight"),
            r.output.find("\"optimal\": true") != std::string::npos};
  // Every tract reaches every store: what is not served is unassigned.
  EXPECT_NEAR(out.served + out.unassigned, sf_population, 1e-6) << capacity << how;
  return out;
}

TEST(SiteCapacityCli, SanFranciscoTighterCapacitiesNeverCostLess) {
  // Exact split optima for shrinking capacities: each at least the one before, the first at
  // least the p-median. 4 x 200,000 is below the population: 155,113 people cannot be served.
  double previous = sf_pmedian;
  double split_at_300000 = 0.0, split_at_200000 = 0.0;
  for (const char* cap : {"400000", "300000", "250000", "200000"}) {
    const SfRun r = sf_cpmedian(cap, " --split-demand --exact");
    EXPECT_TRUE(r.optimal) << cap;
    EXPECT_GE(r.objective, previous - 1e-6) << cap;
    previous = r.objective;
    if (std::string(cap) == "300000") split_at_300000 = r.objective;
    if (std::string(cap) == "200000") {
      split_at_200000 = r.objective;
      EXPECT_NEAR(r.unassigned, sf_population - 800000.0, 1e-6);
    } else {
      EXPECT_NEAR(r.unassigned, 0.0, 1e-6) << cap;
    }
  }
  // Serving each tract whole is a tighter rule still: never cheaper than splitting.
  const SfRun single = sf_cpmedian("300000", " --exact");
  EXPECT_TRUE(single.optimal);
  EXPECT_GE(single.objective, split_at_300000 - 1e-6);
  const SfRun heuristic = sf_cpmedian("200000", "");
  EXPECT_GE(heuristic.objective, split_at_200000 - 1e-6);
  EXPECT_GE(heuristic.unassigned, sf_population - 800000.0 - 1e-6);
}

TEST(SiteCapacityCli, MatrixModeUsageErrors) {
  auto r = run_circleplan("site " + sf_matrix() + " --model cmclp --k 2 --max-cost 5000");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("needs --site-capacity"), std::string::npos) << r.output;
  r = run_circleplan("site " + sf_matrix() + " --model pmedian --k 2 --split-demand");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  r = run_circleplan("site " + sf_matrix() + " --model cmclp --k 2 --site-capacity 10");
  EXPECT_EQ(r.exit_code, 2) << r.output;  // no threshold
  r = run_circleplan("site " + sf_matrix() + " --model cpmedian --k 2 --site-capacity -1");
  EXPECT_EQ(r.exit_code, 2) << r.output;
}

std::string city_data(const std::string& name) {
  return testing_support::test_data_dir() + "/" + name;
}

/// Two candidates: n1 in the east half (where c2 stands), n2 in the west (where c1 stands).
std::string write_candidates(const TempDir& dir) {
  const std::string path = dir / "candidates.geojson";
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"id": "n1"},
  "geometry": {"type": "Point", "coordinates": [3.022457882, 0.004702733]}},
 {"type": "Feature", "properties": {"id": "n2"},
  "geometry": {"type": "Point", "coordinates": [3.004491576, 0.004702733]}}]})";
  return path;
}

std::map<std::string, std::string> column(const Probe& p, const std::string& layer,
                                          const std::string& key, const std::string& field) {
  const auto keys = p.strings(layer, key);
  const auto values = p.strings(layer, field);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i]] += values[i] + ";";
  return out;
}

// Each half's blocks reach only their own half's sites within 15 minutes (access_cli_test.cpp).
// West: W1 100 + W2 200 people, c1 holds 100; east: E1 300 + E2 400, c2 holds 300. A new site
// of 500 in the east serves the 400 c2 cannot: 100 + 300 + 400 = 800 served, 200 in the west
// left; in the west it would serve 200: 600. So n1, 800, and 200 unassigned.
TEST(SiteCapacityCli, NetworkModeExistingCentersWithCapacities) {
  TempDir out("site-capacity");
  const std::string inputs = "site --roads " + city_data("scenarios/roads.geojson") + " --blocks " +
                             city_data("scenarios/blocks.geojson") +
                             " --crs EPSG:32631 --candidates " + write_candidates(out) +
                             " --model cmclp --k 1 --exact ";
  auto r =
      run_circleplan(inputs + "--site-capacity 500 --existing " +
                     city_data("access/centers-capacity.geojson") + " --out " + (out / "s.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // c1's 100 may go to W1 or to part of W2 (both are maximum flows): 200 people are left in
  // one block or two.
  EXPECT_NE(r.output.find("served within capacity: 800 of 1000 people (open capacity 900); "
                          "unassigned: 200 people ("),
            std::string::npos)
      << r.output;
  Probe p(out / "s.gpkg");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.strings("sites", "site_id"), std::vector<std::string>{"n1"});
  EXPECT_TRUE(contains(p.fields("sites"), "assigned"));
  EXPECT_EQ(std::stod(p.strings("sites", "capacity")[0]), 500.0);
  // n1 and c2 stand at the same place: how the east's 700 split between them is either's
  // (n1 at most 500, c2 at most 300); site_blocks lists n1's share, block by block.
  const double n1 = std::stod(p.strings("sites", "assigned")[0]);
  EXPECT_GE(n1, 400.0 - 1e-9);
  EXPECT_LE(n1, 500.0 + 1e-9);
  double assigned = 0.0;
  for (const std::string& a : p.strings("site_blocks", "assigned")) assigned += std::stod(a);
  EXPECT_NEAR(assigned, n1, 1e-9);
  for (const auto& [block, site] : column(p, "site_blocks", "block_id", "site_id")) {
    EXPECT_EQ(block[0], 'E') << block;
    EXPECT_EQ(site, "n1;");
  }
  ASSERT_EQ(p.count("summary"), 1);
  EXPECT_NEAR(std::stod(p.strings("summary", "unasgn_w")[0]), 200.0, 1e-9);
  const std::string summary = read_file(out / "s.summary.json");
  EXPECT_NEAR(json_number(summary, "objective"), 800.0, 1e-9);
  EXPECT_NE(summary.find("\"optimal\": true"), std::string::npos) << summary;
  EXPECT_NEAR(json_number(summary, "unassigned_weight"), 200.0, 1e-9);
  EXPECT_NE(summary.find("\"id\": \"c1\""), std::string::npos) << summary;
  EXPECT_NEAR(json_number(summary.substr(summary.find("\"id\": \"c1\"")), "assigned"), 100.0, 1e-9);
  EXPECT_NEAR(json_number(summary.substr(summary.find("\"id\": \"c2\"")), "assigned"), 700.0 - n1,
              1e-9);

  // The same answer, byte for byte, whatever the thread count.
  const std::string again = inputs + "--site-capacity 500 --existing " +
                            city_data("access/centers-capacity.geojson") + " --format geojson ";
  ASSERT_EQ(run_circleplan(again + "--threads 1 --out " + (out / "t1")).exit_code, 0);
  ASSERT_EQ(run_circleplan(again + "--threads 2 --out " + (out / "t2")).exit_code, 0);
  for (const char* f : {"sites.geojson", "site_blocks.geojson", "summary.json"}) {
    EXPECT_EQ(read_file(out / (std::string("t1/") + f)), read_file(out / (std::string("t2/") + f)))
        << f;
  }

  // The same centers without a capacity value (and no --site-capacity): refused, naming the
  // first one.
  r = run_circleplan(inputs + "--existing " + city_data("scenarios/centers.geojson") + " --out " +
                     (out / "t.gpkg"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("existing center 'c1' has no capacity"), std::string::npos) << r.output;
}

}  // namespace
