// The siting weight of a block (planner/siting/demand_weight.h): population, requests or both,
// summed by hand; and on the hand-drawn street of network_test.cpp, the requests move mclp's
// answer to where they are, as worked out below.
#include "planner/siting/demand_weight.h"

#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/siting/network.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::DemandWeight;
using testing_support::drawn_network;
using testing_support::square;

std::vector<planner::Block> three_blocks() {
  return {{"a", "", "", 100.0, square({0, 0}, 1.0)},
          {"b", "", "", std::nullopt, square({10, 0}, 1.0)},
          {"c", "", "", 300.0, square({20, 0}, 1.0)}};
}

TEST(DemandWeight, WordsRoundTrip) {
  for (const DemandWeight k :
       {DemandWeight::population, DemandWeight::requests, DemandWeight::both}) {
    EXPECT_EQ(planner::parse_demand_weight(planner::to_string(k)), k);
  }
  EXPECT_FALSE(planner::parse_demand_weight("Requests"));
}

TEST(DemandWeight, EachKindSumsByHand) {
  const auto blocks = three_blocks();
  planner::SitingDemand d;
  auto w = planner::siting_weights(blocks, true, d);
  EXPECT_EQ(w.weights, (std::vector<double>{100.0, 0.0, 300.0}));
  EXPECT_EQ(w.blocks_without_population, 1u);
  EXPECT_TRUE(w.uses_population);
  EXPECT_FALSE(w.block_counts);

  w = planner::siting_weights(blocks, false, d);  // no population anywhere: block counts
  EXPECT_EQ(w.weights, (std::vector<double>{1.0, 1.0, 1.0}));
  EXPECT_TRUE(w.block_counts);

  d.requests = {2.0, 5.0, 0.0};
  d.kind = DemandWeight::requests;
  w = planner::siting_weights(blocks, true, d);
  EXPECT_EQ(w.weights, (std::vector<double>{2.0, 5.0, 0.0}));
  EXPECT_FALSE(w.uses_population);
  EXPECT_EQ(w.blocks_without_population, 0u);

  d.kind = DemandWeight::both;
  d.request_weight = 10.0;
  w = planner::siting_weights(blocks, true, d);
  EXPECT_EQ(w.weights, (std::vector<double>{120.0, 50.0, 300.0}));
  EXPECT_EQ(w.blocks_without_population, 1u);

  w = planner::siting_weights(blocks, false, d);  // both without population: the requests alone
  EXPECT_EQ(w.weights, (std::vector<double>{20.0, 50.0, 0.0}));
  EXPECT_FALSE(w.uses_population);
}

TEST(DemandWeight, RequestsWithoutOneValuePerBlockOrABadFactorAreRefused) {
  planner::SitingDemand d;
  d.kind = DemandWeight::requests;
  EXPECT_THROW(planner::siting_weights(three_blocks(), true, d), planner::InvalidValue);
  d.requests = {1.0, 2.0, 3.0};
  d.kind = DemandWeight::both;
  d.request_weight = -1.0;
  EXPECT_THROW(planner::siting_weights(three_blocks(), true, d), planner::InvalidValue);
}

// network_test.cpp's street: vertices every 100 m, walking 1 m/s, covered within 2 minutes.
//
//   E         c1        c3        c2                 E: existing center 10 m north of x=0
//   0----1----2----3----4----5----6                  c1, c2, c3: candidates 10 m north
//     A         B    C          D                    blocks 5 m south: A x=50, B x=250,
//                                                    C x=350, D x=560
// A is covered by E. Within 120 s: c1 covers B and C, c3 covers C, c2 covers D.
// Population A 100, B 200, C 300, D 50; requests A 0, B 0, C 1, D 10.
//   population:            c1 500, c3 300, c2 50     -> c1
//   requests:              c1 1,   c3 1,   c2 10     -> c2
//   both, x100:            c1 600, c3 400, c2 1050   -> c2
//   both, x10:             c1 510, c3 310, c2 150    -> c1
TEST(DemandWeight, RequestsMoveTheMclpAnswerAsWorkedByHand) {
  std::vector<planner::XY> v;
  std::vector<std::pair<int, int>> e;
  for (int i = 0; i <= 6; ++i) v.push_back({100.0 * i, 0.0});
  for (int i = 0; i < 6; ++i) e.emplace_back(i, i + 1);
  const planner::Network net = drawn_network(v, e);
  planner::Inputs in;
  in.centers.push_back({"E", "existing", "", {0, 10}});
  in.blocks.push_back({"A", "", "", 100.0, square({50, -5}, 1.0)});
  in.blocks.push_back({"B", "", "", 200.0, square({250, -5}, 1.0)});
  in.blocks.push_back({"C", "", "", 300.0, square({350, -5}, 1.0)});
  in.blocks.push_back({"D", "", "", 50.0, square({560, -5}, 1.0)});
  const std::vector<planner::SiteCandidate> given = {
      {"c1", {300, 10}, 1.0, false}, {"c2", {500, 10}, 1.0, false}, {"c3", {400, 10}, 1.0, false}};
  planner::NetworkSitingParams p;
  p.evaluation.speed_kmh = 3.6;
  p.evaluation.minutes = {2.0};
  p.evaluation.max_snap_m = 50.0;
  p.evaluation.threads = 1;
  p.siting.model = planner::SitingModel::mclp;
  p.siting.k = 1;
  p.demand.requests = {0.0, 0.0, 1.0, 10.0};
  struct Case {
    DemandWeight kind;
    double factor;
    const char* site;
    double objective;  // covered weight, E's block A included
  };
  for (const Case& c : {Case{DemandWeight::population, 1.0, "c1", 600.0},
                        Case{DemandWeight::requests, 1.0, "c2", 10.0},
                        Case{DemandWeight::both, 100.0, "c2", 1150.0},
                        Case{DemandWeight::both, 10.0, "c1", 610.0}}) {
    p.demand.kind = c.kind;
    p.demand.request_weight = c.factor;
    for (const bool exact : {false, true}) {
      p.siting.exact = exact;
      const auto run = planner::site_on_network(net, in, given, {}, p);
      ASSERT_EQ(run.solution.sites.size(), 1u);
      EXPECT_EQ(run.candidates[run.solution.sites[0].candidate].id, c.site)
          << planner::to_string(c.kind) << " x" << c.factor;
      EXPECT_DOUBLE_EQ(run.solution.objective, c.objective);
      EXPECT_EQ(run.weight_kind, c.kind);
      EXPECT_EQ(run.weights_are_population, c.kind == DemandWeight::population);
    }
  }
}

}  // namespace
