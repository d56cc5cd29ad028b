// What matched nothing is said, never passed in silence (docs/errors.md §5): one test per case,
// each run through the built command on the tiny city of tests/data/bad/ and the fixtures of
// tests/data/unmatched/. Each checks the warning's words, that the run still succeeds, and that
// the fix the warning names makes it go away.
#include <string>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"

namespace {

using testing_support::run_circleplan;
using testing_support::RunResult;
using testing_support::TempDir;

std::string data(const std::string& path) {
  return testing_support::test_data_dir() + "/" + path;
}

std::string city(const std::string& blocks = data("bad/blocks.geojson")) {
  return "--roads " + data("bad/roads.geojson") + " --centers " + data("bad/centers.geojson") +
         " --blocks " + blocks;
}

bool mentions(const RunResult& r, const std::string& words) {
  return r.output.find(words) != std::string::npos;
}

void expect_mentions(const RunResult& r, std::initializer_list<std::string> words) {
  for (const std::string& w : words)
    EXPECT_TRUE(mentions(r, w)) << "no '" << w << "' in:\n" << r.output;
}

TEST(Unmatched, CommunityNamesAgainstNumericBoundaryIdsAreSaidWithTheFieldToSet) {
  TempDir out("unmatched-communities");
  const std::string args = "evaluate " + city(data("unmatched/blocks_named.geojson")) +
                           " --communities " + data("unmatched/communities_numeric.geojson");
  const RunResult r = run_circleplan(args + " --out " + (out / "a.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_mentions(r, {"circleplan: warning: --communities: 3 blocks name 2 communities that match "
                      "no boundary id ('玉山社区', '城北社区')",
                      "2 of 2 boundaries get no block", "field '社区'", "field 'comm_id'",
                      "--community-id-field"});
  // The fix it names: the boundaries' field that holds the names.
  const RunResult fixed =
      run_circleplan(args + " --community-id-field name --out " + (out / "b.gpkg"));
  ASSERT_EQ(fixed.exit_code, 0) << fixed.output;
  EXPECT_FALSE(mentions(fixed, "match no boundary id")) << fixed.output;
  // Without boundaries the field alone names the communities: nothing to match, no warning.
  const RunResult field_only = run_circleplan(
      "evaluate " + city(data("unmatched/blocks_named.geojson")) + " --out " + (out / "c.gpkg"));
  ASSERT_EQ(field_only.exit_code, 0) << field_only.output;
  EXPECT_FALSE(mentions(field_only, "match no boundary id")) << field_only.output;
}

TEST(Unmatched, CompareOfResultsWithDifferentBlockIdsSaysTheIdsDiffer) {
  TempDir out("unmatched-compare");
  ASSERT_EQ(run_circleplan("evaluate " + city() + " --out " + (out / "ids.gpkg")).exit_code, 0);
  // The same blocks named by another field: no id in common.
  ASSERT_EQ(
      run_circleplan("evaluate " + city() + " --block-id-field name --out " + (out / "names.gpkg"))
          .exit_code,
      0);
  const RunResult r = run_circleplan("compare " + (out / "ids.gpkg") + " " + (out / "names.gpkg") +
                                     " --out " + (out / "c1"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_mentions(r, {"circleplan: warning: only 0 blocks are in both", "(3 blocks)",
                      "block ids seem to differ", "--block-id-field"});
  const RunResult same = run_circleplan("compare " + (out / "ids.gpkg") + " " + (out / "ids.gpkg") +
                                        " --out " + (out / "c2"));
  ASSERT_EQ(same.exit_code, 0) << same.output;
  EXPECT_FALSE(mentions(same, "blocks are in both")) << same.output;
}

TEST(Unmatched, ASpeedFactorClassNoRoadCarriesIsNamedWithTheClassesThereAre) {
  TempDir out("unmatched-speed");
  const RunResult r =
      run_circleplan("run " + data("unmatched/speed_unknown_class.toml") + " --out " + (out / "o"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_mentions(r, {"circleplan: warning: ",
                      "slow-footpaths: speed-factor: no road has class "
                      "'footpath', so it changes nothing; the roads' "
                      "classes are residential"});
}

TEST(Unmatched, ATierFieldThatDoesNotExistIsAnErrorAndOneThatIsNotReadAWarning) {
  TempDir out("unmatched-tier");
  // Named on a centers layer without it: refused, with the fields the layer has.
  const RunResult missing =
      run_circleplan("evaluate " + city() + " --tier-field 级别2 --out " + (out / "a.gpkg"));
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  expect_mentions(missing, {"--centers: file", "field '级别2': no such field", "tier (String)"});
  // Centers taken from an OSM extract have no fields: the option picks nothing, and says so.
  const RunResult osm =
      run_circleplan("evaluate --roads " + data("osm-west-oakland/west-oakland-2016-07.osm") +
                     " --tier-field level --out " + (out / "b.gpkg"));
  ASSERT_EQ(osm.exit_code, 0) << osm.output;
  expect_mentions(osm, {"circleplan: warning: --tier-field 'level' is not used: the centers come "
                        "from the OSM extract given as --roads"});
  // A boundary field option without its layer.
  const RunResult no_layer =
      run_circleplan("evaluate " + city() + " --community-id-field code --out " + (out / "c.gpkg"));
  ASSERT_EQ(no_layer.exit_code, 0) << no_layer.output;
  expect_mentions(no_layer, {"circleplan: warning: --community-id-field 'code' is not used: no "
                             "--communities layer is read"});
}

TEST(Unmatched, KLargerThanTheSitesThatHelpSaysWhyFewerWereChosen) {
  TempDir out("unmatched-k");
  // One candidate in each block (and a fourth beside the first): within 6.5 minutes each covers
  // its own block only, so 3 sites cover all a candidate can, and sites 4 and 5 would add nothing.
  const std::string args = "site " + city() + " --candidates " +
                           data("unmatched/candidates.geojson") +
                           " --model mclp --cover-minutes 6.5 --out ";
  const RunResult r = run_circleplan(args + (out / "a.gpkg") + " --k 5");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_mentions(r, {"mclp: 3 new sites",
                      "circleplan: warning: --k 5: 3 new sites proposed, not "
                      "5: with them and the existing centers every demand a candidate "
                      "can reach within 6.5 minutes is covered"});
  // --k 3 gets its 3 sites: nothing to explain.
  const RunResult exact = run_circleplan(args + (out / "b.gpkg") + " --k 3");
  ASSERT_EQ(exact.exit_code, 0) << exact.output;
  EXPECT_FALSE(mentions(exact, "proposed, not")) << exact.output;
  // A scenario's site edit says the same, under its own key.
  const RunResult scenario =
      run_circleplan("run " + data("unmatched/speed_unknown_class.toml") + " --out " + (out / "o"));
  ASSERT_EQ(scenario.exit_code, 0) << scenario.output;
  expect_mentions(scenario, {"two-sites: site k = 2: 0 new sites proposed, not 2: there is no "
                             "candidate site"});
}

}  // namespace
