// docs/siting.md's network example on the shipped Porto extract, re-run: before snapping ignored
// small islands, 8 of its 199 blocks were "uncovered" within 15 minutes only because their
// inside point snapped to an unjoined footway, and all 5 proposed stations went to those gaps in
// the data. Now every block reaches the street beside it, and the stations proposed for a
// 10-minute circle are checked independently of `site`: opened as centers in `evaluate`, none is
// snapped onto a small island (its diagnostics count them).
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"

namespace {

using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string porto() {
  return testing_support::data_dir() + "/osm-porto/porto-2020-07.osm.pbf";
}

/// The integer after "key": in a JSON text (first occurrence); -1 when absent.
long json_int(const std::string& json, const std::string& key) {
  std::smatch m;
  if (!std::regex_search(json, m, std::regex("\"" + key + "\": (-?[0-9]+)"))) return -1;
  return std::stol(m[1]);
}

TEST(IslandSites, TheSitingExampleProposesNoStationOnASmallIsland) {
  TempDir dir("circleplan-islands");
  const auto at15 =
      run_circleplan("site --roads " + porto() + " --model mclp --k 5 --out " + (dir / "s15.gpkg"));
  ASSERT_EQ(at15.exit_code, 0) << at15.output;
  EXPECT_NE(at15.output.find("covered within 15 minutes: 199 of 199 blocks before"),
            std::string::npos)
      << at15.output;

  const auto at10 =
      run_circleplan("site --roads " + porto() + " --model mclp --k 5 --cover-minutes 10 --out " +
                     (dir / "s10.gpkg"));
  ASSERT_EQ(at10.exit_code, 0) << at10.output;
  EXPECT_NE(at10.output.find("mclp: 5 new sites"), std::string::npos) << at10.output;
  EXPECT_EQ(json_int(read_file(dir.path() / "s10.summary.json"), "on_small_island"), 0);

  const auto ev = run_circleplan(
      "evaluate --roads " + porto() + " --centers " + (dir / "s10.gpkg") +
      " --centers-layer sites --center-id-field site_id --out " + (dir / "check.gpkg"));
  ASSERT_EQ(ev.exit_code, 0) << ev.output;
  const std::string check = read_file(dir.path() / "check.summary.json");
  EXPECT_EQ(json_int(check, "count"), 5) << check;  // the first "count" is the centers'
  EXPECT_EQ(json_int(check, "unsnapped"), 0) << check;
  ASSERT_NE(json_int(check, "centers_on_islands"), -1) << check;
  EXPECT_EQ(json_int(check, "centers_on_islands"), 0) << check;
}

}  // namespace
