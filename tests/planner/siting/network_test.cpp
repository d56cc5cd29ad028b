// Siting on a hand-drawn street with hand-worked answers for every model, generated candidates
// (reach, thinning, allowed land), existing centers kept or removable, the two search sides
// agreeing, and the coverage rule: opening the chosen sites and re-running evaluate gives the
// same covered population.
#include "planner/siting/network.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "planner/siting/coverage_build.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::SiteCandidate;
using planner::SitingModel;
using testing_support::square;

// One street, vertices every 100 m (ids 1000..1006). Walking at 1 m/s, covered within 2 min.
//
//   E         c1        c3        c2                 E: existing center 10 m north of x=0
//   0----1----2----3----4----5----6                  c1, c2, c3: candidates 10 m north
//     A         B    C          D                    blocks 5 m south: A x=50, B x=250,
//                                          F         C x=350, D x=560; F far from any road
// A is covered by E (10+50+5 = 65 s). From c1 (x=300): B 65 s, C 65 s, D 275 s.
// From c2 (x=500): C 165 s, D 75 s. From c3 (x=400): B 165 s, C 65 s, D 175 s.
planner::Network street() {
  return testing_support::straight_street(6);
}

planner::Inputs city() {
  planner::Inputs in;
  in.centers.push_back({"E", "existing", "", {0, 10}});
  in.blocks.push_back({"A", "", "", 100.0, square({50, -5}, 1.0)});
  in.blocks.push_back({"B", "", "", 200.0, square({250, -5}, 1.0)});
  in.blocks.push_back({"C", "", "", 300.0, square({350, -5}, 1.0)});
  in.blocks.push_back({"D", "", "", 50.0, square({560, -5}, 1.0)});
  in.blocks.push_back({"F", "", "", 1000.0, square({5000, 5000}, 1.0)});
  return in;
}

std::vector<SiteCandidate> given() {
  return {
      {"c1", {300, 10}, 1.0, false}, {"c2", {500, 10}, 1.0, false}, {"c3", {400, 10}, 1.0, false}};
}

planner::NetworkSitingParams params(SitingModel model, std::uint32_t k) {
  planner::NetworkSitingParams p;
  p.evaluation.speed_kmh = 3.6;
  p.evaluation.minutes = {2.0};
  p.evaluation.max_snap_m = 50.0;
  p.evaluation.search_limit_minutes = 10.0;
  p.evaluation.threads = 2;
  p.siting.model = model;
  p.siting.k = k;
  return p;
}

std::vector<std::string> chosen(const planner::NetworkSiting& run) {
  std::vector<std::string> ids;
  for (const auto& s : run.solution.sites) ids.push_back(run.candidates[s.candidate].id);
  return ids;
}

using Ids = std::vector<std::string>;

TEST(SitingNetwork, HandWorkedAnswersForEachModel) {
  const auto net = street();
  const auto in = city();
  for (bool exact : {false, true}) {
    auto p = params(SitingModel::mclp, 1);
    p.siting.exact = exact;
    auto run = planner::site_on_network(net, in, given(), {}, p);
    EXPECT_EQ(chosen(run), Ids{"c1"});
    EXPECT_DOUBLE_EQ(run.solution.objective, 600.0);  // A by E, B and C by c1
    EXPECT_TRUE(run.solution.optimal);
    EXPECT_EQ(run.solution.uncoverable_count, 1u);  // F: not near the network
    EXPECT_DOUBLE_EQ(run.solution.uncoverable_weight, 1000.0);

    p.siting.k = 2;
    run = planner::site_on_network(net, in, given(), {}, p);
    EXPECT_EQ(chosen(run), (Ids{"c1", "c2"}));
    EXPECT_DOUBLE_EQ(run.solution.objective, 650.0);
    EXPECT_DOUBLE_EQ(run.solution.sites[0].gain, 500.0);
    EXPECT_DOUBLE_EQ(run.solution.sites[1].gain, 50.0);

    p.siting.model = SitingModel::lscp;
    run = planner::site_on_network(net, in, given(), {}, p);
    EXPECT_EQ(chosen(run), (Ids{"c1", "c2"}));  // B, C, D all covered; F cannot be
    EXPECT_DOUBLE_EQ(run.solution.objective, 2.0);

    // p-median, k=1 (seconds x people): c1 52,750; c3 67,750; c2 112,750.
    p.siting.model = SitingModel::pmedian;
    p.siting.k = 1;
    run = planner::site_on_network(net, in, given(), {}, p);
    EXPECT_EQ(chosen(run), Ids{"c1"});
    EXPECT_NEAR(run.solution.objective, 52750.0, 1e-6);
    EXPECT_EQ(run.solution.unreachable_count, 1u);  // F is left out, not charged

    // p-center, k=1 (worst seconds): c3 175, c2 265, c1 275.
    p.siting.model = SitingModel::pcenter;
    run = planner::site_on_network(net, in, given(), {}, p);
    EXPECT_EQ(chosen(run), Ids{"c3"});
    EXPECT_NEAR(run.solution.objective, 175.0, 1e-6);
  }
}

TEST(SitingNetwork, SiteBlocksNameTheServingNewSite) {
  const auto run =
      planner::site_on_network(street(), city(), given(), {}, params(SitingModel::mclp, 2));
  ASSERT_EQ(run.site_blocks.size(), 3u);
  EXPECT_EQ(run.site_blocks[0].block, 1u);  // B by rank 0 (c1)
  EXPECT_EQ(run.site_blocks[0].rank, 0u);
  EXPECT_NEAR(run.site_blocks[0].time_s, 65.0, 1e-9);
  EXPECT_EQ(run.site_blocks[1].block, 2u);  // C by c1
  EXPECT_EQ(run.site_blocks[2].block, 3u);  // D by rank 1 (c2)
  EXPECT_EQ(run.site_blocks[2].rank, 1u);
}

TEST(SitingNetwork, OpeningTheSitesReproducesEvaluate) {
  const auto net = street();
  const auto in = city();
  for (std::uint32_t k : {1u, 2u}) {
    const auto run = planner::site_on_network(net, in, given(), {}, params(SitingModel::mclp, k));
    planner::Inputs opened = in;
    for (const auto& s : run.solution.sites) {
      opened.centers.push_back(
          {run.candidates[s.candidate].id, "", "", run.candidates[s.candidate].pos});
    }
    const auto ev = planner::evaluate(net, opened, params(SitingModel::mclp, k).evaluation);
    EXPECT_DOUBLE_EQ(ev.totals.covered_pop, run.solution.covered_weight);
    EXPECT_EQ(ev.totals.covered, run.solution.covered_count);
  }
}

TEST(SitingNetwork, GeneratedCandidatesReachThinAndStayOnAllowedLand) {
  const auto net = street();
  const auto in = city();
  auto p = params(SitingModel::mclp, 1);
  // Uncovered B, C, D reach vertices 2..6 within 2 min; 100 m apart they all stay.
  auto run = planner::site_on_network(net, in, {}, {}, p);
  EXPECT_TRUE(run.generated);
  std::vector<std::string> ids;
  for (const auto& c : run.candidates) ids.push_back(c.id);
  EXPECT_EQ(ids, (Ids{"v1006", "v1002", "v1003", "v1004", "v1005"}));  // nearest demand first
  EXPECT_EQ(chosen(run), Ids{"v1003"});                                // B and C at 55 s each

  p.candidate_spacing_m = 150.0;
  run = planner::site_on_network(net, in, {}, {}, p);
  ids.clear();
  for (const auto& c : run.candidates) ids.push_back(c.id);
  EXPECT_EQ(ids, (Ids{"v1006", "v1002", "v1004"}));

  p.candidate_spacing_m = 100.0;
  run = planner::site_on_network(net, in, {}, {square({400, 0}, 60.0)}, p);
  ASSERT_EQ(run.candidates.size(), 1u);
  EXPECT_EQ(run.candidates[0].id, "v1004");
  // Given candidates are filtered by the same land.
  run = planner::site_on_network(net, in, given(), {square({400, 0}, 60.0)}, p);
  ASSERT_EQ(run.candidates.size(), 1u);
  EXPECT_EQ(run.candidates[0].id, "c3");
}

TEST(SitingNetwork, RemovableExistingCentersCompeteWithCandidates) {
  auto p = params(SitingModel::mclp, 1);
  p.existing_removable = true;
  auto run = planner::site_on_network(street(), city(), given(), {}, p);
  EXPECT_EQ(run.candidates.front().id, "E");
  EXPECT_TRUE(run.candidates.front().existing);
  EXPECT_EQ(chosen(run), Ids{"c1"});  // B + C (500) beat keeping E (A, 100)
  EXPECT_DOUBLE_EQ(run.solution.objective, 500.0);
  p.siting.model = SitingModel::lscp;
  run = planner::site_on_network(street(), city(), given(), {}, p);
  EXPECT_EQ(run.solution.sites.size(), 3u);  // A needs E back; B, C by c1; D by c2
}

TEST(SitingNetwork, BlocksWithoutPopulationCountOneEach) {
  auto in = city();
  for (auto& b : in.blocks) b.pop.reset();
  const auto run =
      planner::site_on_network(street(), in, given(), {}, params(SitingModel::mclp, 1));
  EXPECT_FALSE(run.weights_are_population);
  EXPECT_DOUBLE_EQ(run.solution.objective, 3.0);  // A, B, C: block counts
}

TEST(SitingCoverageBuild, BothSidesGiveTheSameTimes) {
  const auto net = street();
  const auto in = city();
  const auto run = planner::prepare_siting(net, in, given(), {}, params(SitingModel::pmedian, 1));
  const std::vector<char> needed(in.blocks.size(), 1);
  const planner::WalkTimes walk(net, 1.0);
  planner::CoverageBuildOptions o;
  o.limit_s = 600.0;
  o.cover_s = 120.0;
  auto entries = [&](planner::CoverageBuildOptions::Side side) {
    o.side = side;
    auto built = planner::build_coverage(net, walk, run.base.sites, run.candidate_snap, needed, o);
    EXPECT_EQ(built.from_demand_side, side == planner::CoverageBuildOptions::Side::demand);
    std::sort(built.entries.begin(), built.entries.end(), [](const auto& a, const auto& b) {
      return std::tie(a.demand, a.candidate) < std::tie(b.demand, b.candidate);
    });
    return built.entries;
  };
  const auto from_candidates = entries(planner::CoverageBuildOptions::Side::candidates);
  const auto from_blocks = entries(planner::CoverageBuildOptions::Side::demand);
  ASSERT_EQ(from_candidates.size(), from_blocks.size());
  ASSERT_EQ(from_candidates.size(), 12u);  // 3 candidates x A..D; F is off the network
  for (std::size_t a = 0; a < from_blocks.size(); ++a) {
    EXPECT_EQ(from_candidates[a].demand, from_blocks[a].demand);
    EXPECT_EQ(from_candidates[a].candidate, from_blocks[a].candidate);
    EXPECT_NEAR(from_candidates[a].cost, from_blocks[a].cost, 1e-9);
  }
}

}  // namespace
