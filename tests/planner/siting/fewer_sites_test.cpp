// Why a siting answer holds fewer sites than k: solved on small hand-made problems where the
// reason is known (too few candidates; everything a candidate can cover is covered; the other
// candidates improve nothing), and none when k sites come back or the model is lscp.
#include "planner/siting/fewer_sites.h"

#include <gtest/gtest.h>

#include "planner/siting/problem.h"
#include "planner/siting/solve.h"

namespace {

using planner::FewerSites;
using planner::SitingModel;
using planner::SitingOptions;
using planner::SitingProblem;

SitingOptions options(SitingModel model, std::uint32_t k, std::optional<double> threshold) {
  SitingOptions o;
  o.model = model;
  o.k = k;
  o.cover_cost = threshold;
  return o;
}

FewerSites why(const SitingProblem& p, const SitingOptions& o) {
  const planner::SitingSolution s = planner::solve_siting(p, o);
  return planner::fewer_sites(s, o.k, p.candidate_count(), p.total_weight());
}

//        cand 0   cand 1   cand 2
//  d0      5        -        2
//  d1      -        7        -      (no candidate within 5)
//  d2      3        3        -
SitingProblem three_candidates() {
  return SitingProblem({1, 2, 3}, {1, 1, 1},
                       {{0, 0, 5}, {0, 2, 2}, {1, 1, 7}, {2, 1, 3}, {2, 0, 3}});
}

TEST(FewerSites, EverythingCoverableCoveredBeforeKSites) {
  // Threshold 5: c0 covers d0 and d2; d1 is beyond every candidate. A second site adds nothing.
  const SitingProblem p = three_candidates();
  const planner::SitingSolution s = planner::solve_siting(p, options(SitingModel::mclp, 3, 5.0));
  EXPECT_EQ(s.sites.size(), 1u);
  EXPECT_EQ(planner::fewer_sites(s, 3, p.candidate_count(), p.total_weight()),
            FewerSites::all_covered);
}

TEST(FewerSites, FewerCandidatesThanK) {
  // Two candidates, each the nearer one for its demand: both are proposed for k = 3. (The far
  // pair sets p-median's unreached cost, so each site saves something.)
  const SitingProblem p({1, 1}, {1, 1}, {{0, 0, 1}, {1, 1, 1}, {0, 1, 9}});
  EXPECT_EQ(why(p, options(SitingModel::mclp, 3, 5.0)), FewerSites::few_candidates);
  EXPECT_EQ(why(p, options(SitingModel::pmedian, 3, std::nullopt)), FewerSites::few_candidates);
}

TEST(FewerSites, OtherCandidatesImproveNothing) {
  // p-median: c1 reaches d0 only farther than c0 does, so once c0 is open it saves nothing.
  const SitingProblem p({1, 1}, {1, 1, 1}, {{0, 0, 1}, {0, 1, 5}, {1, 2, 1}});
  const planner::SitingSolution s = planner::solve_siting(p, options(SitingModel::pmedian, 3, {}));
  EXPECT_EQ(s.sites.size(), 2u);
  EXPECT_EQ(planner::fewer_sites(s, 3, p.candidate_count(), p.total_weight()), FewerSites::no_gain);
}

TEST(FewerSites, NoneWhenKSitesOrLscp) {
  const SitingProblem p = three_candidates();
  EXPECT_EQ(why(p, options(SitingModel::mclp, 1, 5.0)), FewerSites::none);
  EXPECT_EQ(why(p, options(SitingModel::lscp, 3, 8.0)), FewerSites::none);
}

}  // namespace
