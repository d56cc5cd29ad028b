// The words of the "matched nothing" warnings (io/run/match_warnings.h) for each reason, as
// docs/errors.md §5 lists them; the runs that produce them are in tests/app/unmatched_cli_test.cpp.
#include "io/run/match_warnings.h"

#include <gtest/gtest.h>

namespace {

planner::RoadLine road(const std::string& cls) {
  planner::RoadLine r;
  r.highway = cls;
  r.points = {{0, 0}, {1, 0}};
  return r;
}

TEST(MatchWarnings, SpeedClassesNoRoadCarriesAreNamedWithTheClassesThereAre) {
  const std::vector<planner::RoadLine> roads{road("footway"), road("residential"), road("footway")};
  EXPECT_EQ(io::unknown_speed_classes_text(roads, {"footpath", "footway"}),
            "speed-factor: no road has class 'footpath', so it changes nothing; the roads' "
            "classes are footway, residential");
  EXPECT_EQ(io::unknown_speed_classes_text(roads, {"footway"}), "");
  EXPECT_NE(io::unknown_speed_classes_text({road("")}, {"steps"}).find("the roads carry no class"),
            std::string::npos);
}

TEST(MatchWarnings, FewerSitesSaysWhyForEachReason) {
  io::FewerSitesFacts f;
  f.k = 3;
  f.sites = 2;
  f.candidates = 2;
  f.threshold = "15 minutes";
  f.candidates_hint = "more points in --candidates";
  EXPECT_EQ(io::fewer_sites_text(f), "");  // reason none
  f.reason = planner::FewerSites::few_candidates;
  EXPECT_EQ(io::fewer_sites_text(f),
            "--k 3: 2 new sites proposed, not 3: there are only 2 candidate sites, all proposed; "
            "for more, more points in --candidates");
  f.candidates = 9;
  f.reason = planner::FewerSites::all_covered;
  EXPECT_NE(io::fewer_sites_text(f).find("every demand a candidate can reach within 15 minutes is "
                                         "covered"),
            std::string::npos);
  f.sites = 0;
  EXPECT_NE(io::fewer_sites_text(f).find("0 new sites proposed, not 3: the existing centers "
                                         "already cover every demand a candidate can reach"),
            std::string::npos);
  f.candidates = 0;
  f.reason = planner::FewerSites::few_candidates;
  EXPECT_NE(io::fewer_sites_text(f).find("there is no candidate site"), std::string::npos);
  f.reason = planner::FewerSites::no_gain;
  EXPECT_NE(io::fewer_sites_text(f).find("no other candidate would improve the objective"),
            std::string::npos);
}

TEST(MatchWarnings, FewBlocksInCommonNamesBothResultsAndTheirSizes) {
  planner::ResultSnapshot a, b;
  for (const char* id : {"1", "2", "3"}) {
    planner::BlockResult r;
    r.id = id;
    a.blocks.push_back(r);
    r.id = std::string("B") + id;
    b.blocks.push_back(r);
  }
  const std::string text = io::few_common_blocks_text(planner::compare(a, b), "x.gpkg", "y.gpkg");
  EXPECT_NE(text.find("only 0 blocks are in both 'x.gpkg' (3 blocks) and 'y.gpkg' (3 blocks)"),
            std::string::npos)
      << text;
  EXPECT_EQ(io::few_common_blocks_text(planner::compare(a, a), "x.gpkg", "x.gpkg"), "");
}

}  // namespace
