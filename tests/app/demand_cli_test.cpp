// `evaluate --demand-points` and `site --demand-weight` on the two-halves city (tests/data/
// scenarios, run CRS EPSG:32631, where the blocks are 40 m squares: W1 x 500230..500270,
// y 540..580; E1 x 502229..502269, y 540..580; E2 x 502729..502769, y 420..460; the east road
// runs along y = 500). The request points are written here in EPSG:32631 metres, a CRS other
// than the blocks' lon/lat, so they are reprojected like any input:
//   q0 (500250, 560)            inside W1                          n = 2
//   q1 (502250, 620)            40 m above E1: nearest E1 (<= 100)  n = 3
//   q2 (501500, 1500)           ~930 m from every block: unassigned n = 7
//   q3 MultiPoint (502750, 440), (502745, 430): both inside E2     n = 1.5 (each point)
//   q4 (502250, 560)            inside E1                          n = 0.5
// By hand: requests W1 2, W2 0, E1 3.5, E2 3 (weighted); W1 1, W2 0, E1 2, E2 2 (counted);
// points 6: inside 4 (weight 5.5), nearest 1 (3), unassigned 1 (7).
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

std::string data(const std::string& name) {
  return testing_support::test_data_dir() + "/scenarios/" + name;
}

std::string city() {
  return "--roads " + data("roads.geojson") + " --centers " + data("centers.geojson") +
         " --blocks " + data("blocks.geojson") + " --crs EPSG:32631";
}

/// A GeoJSON feature collection in EPSG:32631 (the legacy "crs" member, which GDAL reads).
void write_utm_layer(const std::string& path, const std::string& features) {
  std::ofstream(path) << "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
                         "\"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::32631\"}}, "
                         "\"features\": ["
                      << features << "]}\n";
}

std::string point(const std::string& n, double x, double y) {
  return "{\"type\": \"Feature\", \"properties\": {\"n\": " + n +
         "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + std::to_string(x) + ", " +
         std::to_string(y) + "]}}";
}

std::string requests() {
  return point("2", 500250, 560) + ", " + point("3", 502250, 620) + ", " +
         point("7", 501500, 1500) + ", " +
         "{\"type\": \"Feature\", \"properties\": {\"n\": 1.5}, \"geometry\": {\"type\": "
         "\"MultiPoint\", \"coordinates\": [[502750, 440], [502745, 430]]}}, " +
         point("0.5", 502250, 560);
}

std::map<std::string, std::string> by_block(const Probe& p, const std::string& field) {
  const auto ids = p.strings("blocks", "block_id");
  const auto values = p.strings("blocks", field);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] = values[i];
  return out;
}

/// summary.json's demand_points object, as written (from its key to its closing brace).
std::string demand_object(const std::string& summary) {
  const std::size_t at = summary.find("\"demand_points\": {");
  if (at == std::string::npos) return {};
  return summary.substr(at, summary.find("\n  }", at) - at);
}

TEST(DemandCli, EvaluateSumsWeightedRequestsPerBlockByHand) {
  TempDir out("demand");
  write_utm_layer(out / "requests.geojson", requests());
  const auto r =
      run_circleplan("evaluate " + city() + " --demand-points " + (out / "requests.geojson") +
                     " --demand-points-weight n --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "e.gpkg");
  ASSERT_TRUE(contains(p.fields("blocks"), "requests"));
  const auto requests = by_block(p, "requests");
  EXPECT_DOUBLE_EQ(std::stod(requests.at("W1")), 2.0);
  EXPECT_DOUBLE_EQ(std::stod(requests.at("W2")), 0.0);
  EXPECT_DOUBLE_EQ(std::stod(requests.at("E1")), 3.5);
  EXPECT_DOUBLE_EQ(std::stod(requests.at("E2")), 3.0);
  const std::string summary = read_file(out / "e.summary.json");
  const std::string d = demand_object(summary);
  ASSERT_FALSE(d.empty()) << summary;
  for (const char* line :
       {"\"weight_field\": \"n\"", "\"snap_m\": 100", "\"points\": 6", "\"inside\": 4,",
        "\"nearest\": 1,", "\"unassigned\": 1,", "\"total\": 15.5", "\"inside\": 5.5",
        "\"nearest\": 3,", "\"unassigned\": 7"}) {
    EXPECT_NE(d.find(line), std::string::npos) << line << "\n" << d;
  }
  EXPECT_NE(summary.find("\"demand_points\": \"" + (out / "requests.geojson") + "\""),
            std::string::npos)
      << summary;
  EXPECT_NE(r.output.find("demand points: 6 (4 inside blocks, 1 to the nearest block within "
                          "100 m, 1 unassigned); n 15.5 (5.5 / 3 / 7)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("1 demand points (n 7) lie farther than --demand-snap-m"),
            std::string::npos)
      << r.output;
}

TEST(DemandCli, EvaluateCountsPointsWithoutAWeightFieldAndHonoursTheSnapDistance) {
  TempDir out("demand-count");
  write_utm_layer(out / "requests.geojson", requests());
  const auto r =
      run_circleplan("evaluate " + city() + " --demand-points " + (out / "requests.geojson") +
                     " --demand-snap-m 30 --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto requests = by_block(Probe(out / "e.gpkg"), "requests");
  // q1 is 40 m from E1: beyond 30 m it counts for no block.
  EXPECT_DOUBLE_EQ(std::stod(requests.at("W1")), 1.0);
  EXPECT_DOUBLE_EQ(std::stod(requests.at("W2")), 0.0);
  EXPECT_DOUBLE_EQ(std::stod(requests.at("E1")), 1.0);
  EXPECT_DOUBLE_EQ(std::stod(requests.at("E2")), 2.0);
  const std::string d = demand_object(read_file(out / "e.summary.json"));
  for (const char* line : {"\"weight_field\": null", "\"snap_m\": 30", "\"points\": 6",
                           "\"inside\": 4", "\"nearest\": 0", "\"unassigned\": 2"}) {
    EXPECT_NE(d.find(line), std::string::npos) << line << "\n" << d;
  }
  EXPECT_EQ(d.find("\"weights\""), std::string::npos) << d;
}

TEST(DemandCli, WithoutDemandPointsTheOutputsKeepTheirSchema) {
  TempDir out("demand-none");
  const auto r = run_circleplan("evaluate " + city() + " --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(contains(Probe(out / "e.gpkg").fields("blocks"), "requests"));
  EXPECT_EQ(read_file(out / "e.summary.json").find("demand_points"), std::string::npos);
  EXPECT_EQ(r.output.find("demand points"), std::string::npos);
}

TEST(DemandCli, BadWeightsPolygonsAndMissingFieldsAreErrorsNamingTheFeature) {
  TempDir out("demand-bad");
  struct Case {
    std::string features;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {point("2", 500250, 560) + ", " + point("\"lots\"", 502250, 560),
       {"--demand-points", "bad.geojson", "feature 1", "field 'n'", "'lots' is not a number",
        "--demand-points-weight"}},
      {point("2", 500250, 560) + ", " + point("-1", 502250, 560),
       {"--demand-points", "feature 1", "field 'n'", "negative value -1"}},
      {point("null", 500250, 560),
       {"--demand-points", "feature 0", "field 'n'", "weight is empty"}},
      {point("2", 500250, 560) + ", " + point("1.797e308", 502250, 560),
       {"--demand-points", "feature 1", "field 'n'", "weight 1.797e+308 is above the maximum 1e8"}},
      {point("2", 500250, 560) +
           ", {\"type\": \"Feature\", \"properties\": {\"n\": 1}, \"geometry\": {\"type\": "
           "\"Polygon\", \"coordinates\": [[[502240, 550], [502260, 550], [502260, 570], "
           "[502240, 550]]]}}",
       {"--demand-points", "bad.geojson", "feature 1", "geometry is Polygon",
        "expected points (Point or MultiPoint)"}},
  };
  for (const Case& c : cases) {
    write_utm_layer(out / "bad.geojson", c.features);
    const auto r =
        run_circleplan("evaluate " + city() + " --demand-points " + (out / "bad.geojson") +
                       " --demand-points-weight n --out " + (out / "e.gpkg") + " --overwrite");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    for (const std::string& e : c.expected) {
      EXPECT_NE(r.output.find(e), std::string::npos) << e << "\n" << r.output;
    }
  }
  write_utm_layer(out / "ok.geojson", requests());
  const auto unknown =
      run_circleplan("evaluate " + city() + " --demand-points " + (out / "ok.geojson") +
                     " --demand-points-weight count --out " + (out / "f.gpkg"));
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("count"), std::string::npos) << unknown.output;
  EXPECT_NE(unknown.output.find("n (Real)"), std::string::npos) << unknown.output;
  const auto snap =
      run_circleplan("evaluate " + city() + " --demand-points " + (out / "ok.geojson") +
                     " --demand-snap-m -5 --out " + (out / "g.gpkg"));
  EXPECT_EQ(snap.exit_code, 2) << snap.output;
  EXPECT_NE(snap.output.find("demand-snap-m must be at least 0"), std::string::npos) << snap.output;
}

// Siting on the east half: candidates a (10 m above the road under E1) and b (10 m below it
// under E2), --cover-minutes 3 (225 m at 4.5 km/h). a reaches E1 in 70 m and E2 only after
// 500 m more; b the other way round; the west center c1 covers neither west block within 3
// minutes (330 m). Requests: 3 points in E1, 1 in E2. mclp, k = 1, by hand:
//   population (E1 300, E2 400)            a 300, b 400  -> b, 400
//   requests   (E1 3, E2 1)                a 3,   b 1    -> a, 3
//   both x1    (E1 303, E2 401)            a 303, b 401  -> b, 401
//   both x100  (E1 600, E2 500)            a 600, b 500  -> a, 600
TEST(DemandCli, SiteDemandWeightMovesTheAnswerAsWorkedByHand) {
  TempDir out("demand-site");
  write_utm_layer(out / "requests.geojson",
                  point("1", 502250, 560) + ", " + point("1", 502240, 550) + ", " +
                      point("1", 502260, 570) + ", " + point("1", 502750, 440));
  write_utm_layer(out / "candidates.geojson",
                  "{\"type\": \"Feature\", \"properties\": {\"id\": \"a\"}, \"geometry\": "
                  "{\"type\": \"Point\", \"coordinates\": [502250, 510]}}, "
                  "{\"type\": \"Feature\", \"properties\": {\"id\": \"b\"}, \"geometry\": "
                  "{\"type\": \"Point\", \"coordinates\": [502750, 490]}}");
  const std::string base = "site " + city() + " --candidates " + (out / "candidates.geojson") +
                           " --demand-points " + (out / "requests.geojson") +
                           " --model mclp --k 1 --curve 0 --cover-minutes 3 ";
  struct Case {
    std::string options;
    std::string site;
    std::string objective;
    std::string weight;
  };
  int n = 0;
  for (const Case& c :
       {Case{"", "b", "400", "population"}, Case{"--demand-weight requests", "a", "3", "requests"},
        Case{"--demand-weight both", "b", "401", "population + requests"},
        Case{"--demand-weight both --request-weight 100", "a", "600", "population + requests"}}) {
    const std::string file = out / ("s" + std::to_string(n++) + ".gpkg");
    const auto r = run_circleplan(base + c.options + " --out " + file);
    ASSERT_EQ(r.exit_code, 0) << c.options << "\n" << r.output;
    EXPECT_EQ(Probe(file).strings("sites", "site_id"), std::vector<std::string>{c.site})
        << c.options;
    const std::string summary = read_file(file.substr(0, file.size() - 5) + ".summary.json");
    EXPECT_NE(summary.find("\"objective\": " + c.objective + ","), std::string::npos)
        << c.options << "\n"
        << summary;
    EXPECT_NE(summary.find("\"weight\": \"" + c.weight + "\""), std::string::npos)
        << c.options << "\n"
        << summary;
    EXPECT_NE(summary.find("\"inside\": 4"), std::string::npos) << summary;
  }
  // The same answer with --exact (CBC).
  const auto exact =
      run_circleplan(base + "--demand-weight requests --exact --out " + (out / "x.gpkg"));
  ASSERT_EQ(exact.exit_code, 0) << exact.output;
  EXPECT_EQ(Probe(out / "x.gpkg").strings("sites", "site_id"), std::vector<std::string>{"a"});
}

TEST(DemandCli, SiteRequestsWithoutDemandPointsIsAUsageError) {
  TempDir out("demand-usage");
  const auto r = run_circleplan(
      "site " + city() + " --model mclp --k 1 --demand-weight requests --out " + (out / "s.gpkg"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--demand-weight requests needs --demand-points"), std::string::npos)
      << r.output;
  const auto word = run_circleplan("site " + city() +
                                   " --model mclp --k 1 --demand-weight people "
                                   "--out " +
                                   (out / "t.gpkg"));
  EXPECT_EQ(word.exit_code, 2) << word.output;
}

}  // namespace
