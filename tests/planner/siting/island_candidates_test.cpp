// A candidate site that can only snap to a small island of the network (a gap in the road data)
// is left out and counted, unless island_sites keeps it: hand-drawn street with an unjoined
// footway 200 m away, a block beside the footway and a candidate on it.
#include <gtest/gtest.h>

#include "planner/siting/network.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::square;

// The street along y = 0 and an unjoined footway (500, 200)-(550, 200): a small island 200 m
// from the street, beyond the 50 m snapping distance.
planner::Network street_and_far_footway() {
  return testing_support::street_with_loose_footway(200);
}

planner::NetworkSitingParams params(bool island_sites) {
  planner::NetworkSitingParams p;
  p.evaluation.speed_kmh = 3.6;
  p.evaluation.minutes = {5.0};
  p.evaluation.max_snap_m = 50.0;
  p.evaluation.threads = 1;
  p.siting.model = planner::SitingModel::mclp;
  p.siting.k = 1;
  p.island_sites = island_sites;
  return p;
}

TEST(IslandCandidates, ACandidateOnlyOnAnIslandIsLeftOutUnlessKept) {
  const auto net = street_and_far_footway();
  planner::Inputs in;
  in.blocks.push_back({"by-footway", "", "", 100.0, square({520, 210}, 2.0)});
  in.blocks.push_back({"by-street", "", "", 100.0, square({300, -10}, 2.0)});
  const std::vector<planner::SiteCandidate> given{{"on-footway", {520, 195}, 1.0, false},
                                                  {"on-street", {900, 10}, 1.0, false}};

  const auto left_out = planner::site_on_network(net, in, given, {}, params(false));
  EXPECT_EQ(left_out.island_candidates, 1u);
  EXPECT_EQ(left_out.unsnapped_candidates, 0u);
  EXPECT_FALSE(left_out.candidate_snap[0].has_value());
  ASSERT_TRUE(left_out.candidate_snap[1].has_value());
  for (const auto& s : left_out.solution.sites) {
    EXPECT_NE(left_out.candidates[s.candidate].id, "on-footway");
  }

  const auto kept = planner::site_on_network(net, in, given, {}, params(true));
  EXPECT_EQ(kept.island_candidates, 0u);
  ASSERT_TRUE(kept.candidate_snap[0].has_value());
  EXPECT_EQ(kept.candidate_snap[0]->edge, 11u);  // the footway
  ASSERT_EQ(kept.solution.sites.size(), 1u);
  // The footway's block weighs as much as the street's, and only the footway site reaches it
  // within 5 minutes; the street site at x = 900 is 610 m (over 5 minutes) from the other.
  EXPECT_EQ(kept.candidates[kept.solution.sites[0].candidate].id, "on-footway");
}

}  // namespace
