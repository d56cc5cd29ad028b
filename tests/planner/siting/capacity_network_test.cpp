// Capacitated siting on a hand-drawn street (the one of network_test.cpp) where the existing
// center has a capacity: hand-worked answers for cmclp and cpmedian (single and split), the
// existing center kept open and loaded, the assignment as site_blocks, and the errors for a
// site without a capacity.
#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/siting/network.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::SiteCandidate;
using planner::SitingModel;
using testing_support::square;

// One street, vertices every 100 m. Walking at 1 m/s; cover threshold 2 min, search limit 10.
//
//   E         c1        c3        c2                 E: existing center (capacity 60)
//   0----1----2----3----4----5----6                  c1 (capacity 250), c2, c3 (1000)
//     A         B    C          D                    A 100, B 200, C 300, D 50 people;
//                                          F         F (1000) far from any road
//
// Seconds: E: A 65, B 265, C 365, D 575.  c1: A 265, B 65, C 65, D 275.
//          c2: A 465, B 265, C 165, D 75. c3: A 365, B 165, C 65, D 175.
planner::Network capacity_street() {
  return testing_support::straight_street(6);
}

planner::Inputs capacity_city() {
  planner::Inputs in;
  in.centers.push_back({"E", "existing", "", {0, 10}, 60.0});
  in.blocks.push_back({"A", "", "", 100.0, square({50, -5}, 1.0)});
  in.blocks.push_back({"B", "", "", 200.0, square({250, -5}, 1.0)});
  in.blocks.push_back({"C", "", "", 300.0, square({350, -5}, 1.0)});
  in.blocks.push_back({"D", "", "", 50.0, square({560, -5}, 1.0)});
  in.blocks.push_back({"F", "", "", 1000.0, square({5000, 5000}, 1.0)});
  return in;
}

std::vector<SiteCandidate> capacity_candidates() {
  return {{"c1", {300, 10}, 1.0, false, 250.0},
          {"c2", {500, 10}, 1.0, false, 1000.0},
          {"c3", {400, 10}, 1.0, false, 1000.0}};
}

planner::NetworkSitingParams capacity_params(SitingModel model) {
  planner::NetworkSitingParams p;
  p.evaluation.speed_kmh = 3.6;
  p.evaluation.minutes = {2.0};
  p.evaluation.max_snap_m = 50.0;
  p.evaluation.search_limit_minutes = 10.0;
  p.evaluation.threads = 2;
  p.siting.model = model;
  p.siting.k = 1;
  return p;
}

std::string first_site(const planner::NetworkSiting& run) {
  return run.solution.sites.empty() ? "" : run.candidates[run.solution.sites[0].candidate].id;
}

TEST(CapacitatedNetwork, CmclpServesWithinCapacityExistingCenterIncluded) {
  for (bool exact : {false, true}) {
    auto p = capacity_params(SitingModel::cmclp);
    p.siting.exact = exact;
    const auto run =
        planner::site_on_network(capacity_street(), capacity_city(), capacity_candidates(), {}, p);
    // E serves 60 of A (65 s). Within 120 s: c1 could serve B + C but holds 250; c2 D (50);
    // c3 C (300). So c3: 60 + 300 = 360 (uncapacitated mclp would take c1, 500 people).
    EXPECT_EQ(first_site(run), "c3");
    EXPECT_NEAR(run.solution.objective, 360.0, 1e-9);
    EXPECT_TRUE(run.solution.optimal);
    EXPECT_NEAR(run.solution.sites[0].assigned, 300.0, 1e-9);
    ASSERT_EQ(run.solution.open_existing.size(), 1u);
    EXPECT_EQ(run.candidates[run.solution.open_existing[0].candidate].id, "E");
    EXPECT_NEAR(run.solution.open_existing[0].assigned, 60.0, 1e-9);
    EXPECT_NEAR(run.solution.unassigned_weight, 40.0, 1e-9);  // the rest of A, E is full
    EXPECT_EQ(run.solution.unassigned_count, 1u);
    EXPECT_NEAR(run.solution.total_capacity, 1060.0, 1e-9);
    EXPECT_EQ(run.solution.unreachable_count, 1u);  // F
    ASSERT_EQ(run.site_blocks.size(), 1u);          // c3 serves C
    EXPECT_EQ(run.site_blocks[0].block, 2u);
    EXPECT_NEAR(run.site_blocks[0].time_s, 65.0, 1e-9);
    EXPECT_NEAR(run.site_blocks[0].assigned, 300.0, 1e-9);
  }
}

TEST(CapacitatedNetwork, CpmedianSingleAndSplit) {
  for (bool exact : {false, true}) {
    auto p = capacity_params(SitingModel::cpmedian);
    p.siting.exact = exact;
    auto run =
        planner::site_on_network(capacity_street(), capacity_city(), capacity_candidates(), {}, p);
    // Single: E (60) can hold D only, at 575 s. With c3 every block goes to c3:
    // 100 x 365 + 200 x 165 + 300 x 65 + 50 x 175 = 97,750 person-seconds. c2: 152,750;
    // c1 (250) holds B and D, A and C are charged the 600 s limit: 266,750.
    EXPECT_EQ(first_site(run), "c3");
    EXPECT_NEAR(run.solution.objective, 97750.0, 1e-6);
    EXPECT_NEAR(run.solution.unassigned_weight, 0.0, 1e-9);
    EXPECT_NEAR(run.solution.open_existing[0].assigned, 0.0, 1e-9);
    // Split: E takes 60 of A at 65 s instead of 365 s: 97,750 - 60 x 300 = 79,750.
    p.siting.split_demand = true;
    run =
        planner::site_on_network(capacity_street(), capacity_city(), capacity_candidates(), {}, p);
    EXPECT_EQ(first_site(run), "c3");
    EXPECT_NEAR(run.solution.objective, 79750.0, 1e-6);
    EXPECT_NEAR(run.solution.open_existing[0].assigned, 60.0, 1e-9);
    EXPECT_NEAR(run.solution.sites[0].assigned, 590.0, 1e-9);
  }
}

TEST(CapacitatedNetwork, SiteCapacityFillsInAndAMissingOneIsNamed) {
  auto in = capacity_city();
  in.centers[0].capacity.reset();
  auto p = capacity_params(SitingModel::cmclp);
  try {
    planner::site_on_network(capacity_street(), in, capacity_candidates(), {}, p);
    FAIL() << "an existing center without a capacity must be refused";
  } catch (const planner::InvalidValue& e) {
    EXPECT_NE(std::string(e.what()).find("existing center 'E' has no capacity"), std::string::npos)
        << e.what();
  }
  auto cands = capacity_candidates();
  cands[1].capacity.reset();
  p.site_capacity = 10.0;  // E and c2 take 10
  const auto run = planner::site_on_network(capacity_street(), in, cands, {}, p);
  EXPECT_NEAR(run.problem.capacity(0), 10.0, 0.0);  // E, first among the candidates
  EXPECT_NEAR(run.problem.capacity(2), 10.0, 0.0);  // c2
  EXPECT_NEAR(run.problem.capacity(1), 250.0, 0.0);
  EXPECT_EQ(first_site(run), "c3");
  EXPECT_NEAR(run.solution.objective, 310.0, 1e-9);  // E 10 of A, c3 C
  p.site_capacity.reset();
  in = capacity_city();
  try {
    planner::site_on_network(capacity_street(), in, cands, {}, p);
    FAIL() << "a candidate without a capacity must be refused";
  } catch (const planner::InvalidValue& e) {
    EXPECT_NE(std::string(e.what()).find("candidate 'c2' has no capacity"), std::string::npos)
        << e.what();
  }
}

}  // namespace
