// `circleplan site`: the San Francisco matrix through the command (--json), the network mode on
// the shipped Porto extract (layers, fields, formats, overwrite, repeatable output), usage and
// input errors; and, through the library on the same real data, the coverage rule: opening the
// chosen sites as centers and re-running evaluate gives the same covered blocks.
#include <filesystem>

#include <gtest/gtest.h>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/coverage/evaluation.h"
#include "planner/siting/network.h"
#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

using testing_support::contains;
using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string sf_args() {
  return testing_support::sf_matrix_args();
}

std::string porto() {
  return testing_support::data_dir() + "/osm-porto/porto-2020-07.osm.pbf";
}

TEST(SiteCli, SanFranciscoMclpAsJson) {
  const auto r = run_circleplan("site " + sf_args() + " --model mclp --k 4 --max-cost 5000 --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("\"objective\": 875247"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"covered_weight\": 875247"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"covered_count\": 184"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"gap\": 0"), std::string::npos) << r.output;
  for (const char* store : {"\"Store_2\"", "\"Store_11\"", "\"Store_12\"", "\"Store_15\""}) {
    EXPECT_NE(r.output.find(store), std::string::npos) << store;
  }
  EXPECT_NE(r.output.find("\"seconds\""), std::string::npos);
}

TEST(SiteCli, UsageAndInputErrors) {
  EXPECT_EQ(run_circleplan("site " + sf_args() + " --model mclp --max-cost 5000").exit_code,
            2);  // no --k
  EXPECT_EQ(run_circleplan("site " + sf_args() + " --model mclp --k 2").exit_code,
            2);  // no threshold
  EXPECT_EQ(run_circleplan("site " + sf_args() + " --model median --k 2").exit_code, 2);
  EXPECT_EQ(run_circleplan("site " + sf_args() + " --roads " + porto() + " --model lscp").exit_code,
            2);
  EXPECT_EQ(run_circleplan("site --roads " + porto() + " --model lscp").exit_code, 2);  // no --out
  // Matrix-mode values are checked where they enter, as usage errors like the rest.
  const auto negative = run_circleplan("site " + sf_args() + " --model mclp --k 2 --max-cost -1");
  EXPECT_EQ(negative.exit_code, 2) << negative.output;
  EXPECT_NE(negative.output.find("max-cost must be at least 0"), std::string::npos)
      << negative.output;
  EXPECT_EQ(run_circleplan("site " + sf_args() + " --model mclp --k 2 --max-cost nan").exit_code,
            2);
  const auto curve = run_circleplan("site " + sf_args() + " --model pmedian --k 2 --curve 3");
  EXPECT_EQ(curve.exit_code, 2) << curve.output;
  EXPECT_NE(curve.output.find("coverage curve needs a coverage threshold"), std::string::npos)
      << curve.output;
  const auto r = run_circleplan(
      "site --matrix /nonexistent/m.csv --demand /nonexistent/d.csv --model pmedian --k 2");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("/nonexistent/d.csv"), std::string::npos) << r.output;
}

TEST(SiteCli, NetworkModeWritesSitesSiteBlocksCurveAndSummary) {
  TempDir out("site");
  // 10 minutes: within 15 every Porto block is covered already (nothing to site).
  const std::string args =
      "site --roads " + porto() + " --model mclp --k 3 --curve 4 --cover-minutes 10 ";
  auto r = run_circleplan(args + "--out " + (out / "s.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "s.gpkg");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.count("sites"), 3);
  for (const char* f : {"rank", "site_id", "model", "gain", "cum_gain", "cum_share", "cost"}) {
    EXPECT_TRUE(contains(p.fields("sites"), f)) << f;
  }
  EXPECT_TRUE(contains(p.fields("site_blocks"), "site_id"));
  EXPECT_TRUE(contains(p.fields("site_blocks"), "block_id"));
  EXPECT_EQ(p.count("site_curve"), 4);
  EXPECT_EQ(p.count("summary"), 1);
  EXPECT_EQ(p.strings("sites", "model"), (std::vector<std::string>{"mclp", "mclp", "mclp"}));
  EXPECT_TRUE(std::filesystem::exists(out / "s.summary.json"));
  EXPECT_NE(r.output.find("blocks carry no population"), std::string::npos) << r.output;

  // An existing output is kept unless --overwrite.
  r = run_circleplan(args + "--out " + (out / "s.gpkg"));
  EXPECT_EQ(r.exit_code, 1) << r.output;

  // The same answer, byte for byte, whatever the thread count.
  ASSERT_EQ(run_circleplan(args + "--threads 1 --format geojson --out " + (out / "t1")).exit_code,
            0);
  ASSERT_EQ(run_circleplan(args + "--threads 2 --format geojson --out " + (out / "t2")).exit_code,
            0);
  for (const char* f :
       {"sites.geojson", "site_blocks.geojson", "site_curve.geojson", "summary.json"}) {
    EXPECT_EQ(read_file(out / (std::string("t1/") + f)), read_file(out / (std::string("t2/") + f)))
        << f;
  }
}

/// Porto in its UTM zone with the OSM civic stand-ins as the existing centers.
struct PortoCity {
  planner::Inputs inputs;
  planner::Network network;
};

PortoCity load_porto() {
  PortoCity c;
  io::OsmExtract x = io::read_osm(porto());
  c.inputs.roads = std::move(x.roads);
  c.inputs.blocks = std::move(x.blocks);
  c.inputs.centers = std::move(x.centers);
  io::measure_lonlat(c.inputs.roads, io::LengthModel::ellipsoid);
  io::project_inputs(c.inputs, io::choose_run_crs("", c.inputs));
  c.network = planner::build_network(c.inputs.roads);
  return c;
}

TEST(SiteOnPorto, OpeningTheSitesAndReevaluatingGivesTheSameCoverage) {
  const PortoCity city = load_porto();
  planner::NetworkSitingParams params;
  params.evaluation.minutes = {10.0};  // tighter than 15 so there is more to site
  params.siting.k = 4;
  for (bool all_vertices : {false, true}) {  // both search sides (candidates, blocks)
    for (planner::SitingModel model : {planner::SitingModel::mclp, planner::SitingModel::lscp}) {
      params.all_vertices = all_vertices;
      params.siting.model = model;
      const auto run = planner::site_on_network(city.network, city.inputs, {}, {}, params);
      ASSERT_FALSE(run.solution.sites.empty());
      planner::Inputs opened = city.inputs;
      for (const auto& s : run.solution.sites) {
        const auto& c = run.candidates[s.candidate];
        opened.centers.push_back({c.id, "", "", c.pos});
      }
      const auto ev = planner::evaluate(city.network, opened, params.evaluation);
      EXPECT_EQ(ev.totals.covered, run.solution.covered_count) << all_vertices;
      EXPECT_EQ(ev.totals.covered, run.base.totals.covered + run.site_blocks.size());
      if (model == planner::SitingModel::lscp) {
        EXPECT_EQ(ev.totals.covered + run.solution.uncoverable_count, ev.totals.blocks);
      }
    }
  }
}

}  // namespace
