// The candidate x demand structure and the coverage sets derived from it: pair order, repeated
// pairs, floors, fixed coverage, uncoverable and weightless demand, and bad values refused.
#include "planner/siting/problem.h"

#include <cmath>

#include <gtest/gtest.h>

#include "planner/errors.h"
#include "planner/siting/instances.h"
#include "planner/siting/solvers/cover.h"

namespace {

using planner::SitingEntry;
using planner::SitingProblem;

//        cand 0   cand 1   cand 2
//  d0      5        -        2
//  d1      -        7        -
//  d2      3        3        -      (fixed facility at 4)
//  d3      -        -        -      (reached by nothing)
SitingProblem small() {
  return SitingProblem({1, 2, 3, 4}, {1, 1, 2},
                       {{0, 0, 5}, {0, 2, 2}, {1, 1, 7}, {2, 1, 3}, {2, 0, 3}, {0, 0, 9}},
                       {planner::inf_time, planner::inf_time, 4.0, planner::inf_time});
}

TEST(SitingProblem, BothDirectionsSortedAndRepeatedPairKeepsCheaper) {
  const SitingProblem p = small();
  EXPECT_EQ(p.demand_count(), 4u);
  EXPECT_EQ(p.candidate_count(), 3u);
  EXPECT_EQ(p.entry_count(), 5u);  // (0,0) given twice: 5 kept, 9 dropped
  ASSERT_EQ(p.demands_of(0).size(), 2u);
  EXPECT_EQ(p.demands_of(0)[0], 0u);
  EXPECT_EQ(p.costs_of(0)[0], 5.0);
  EXPECT_EQ(p.demands_of(0)[1], 2u);
  // By demand: ascending cost, ties to the smaller candidate.
  ASSERT_EQ(p.candidates_of(0).size(), 2u);
  EXPECT_EQ(p.candidates_of(0)[0], 2u);
  EXPECT_EQ(p.candidates_of(2)[0], 0u);
  EXPECT_EQ(p.candidates_of(2)[1], 1u);
  EXPECT_TRUE(p.candidates_of(3).empty());
  EXPECT_EQ(p.total_weight(), 10.0);
}

TEST(SitingProblem, UnreachedCostDefaultsToLargestFiniteCost) {
  const SitingProblem p = small();
  EXPECT_EQ(p.unreached_cost(), 7.0);
  EXPECT_EQ(p.floor_cost(0), 7.0);
  EXPECT_EQ(p.floor_cost(2), 4.0);  // the fixed facility is nearer than the unreached cost
  // Nothing reaches d3: no choice changes its cost, so it weighs nothing in p-median/p-center.
  EXPECT_TRUE(p.unreachable(3));
  EXPECT_EQ(p.floor_cost(3), 0.0);
  EXPECT_FALSE(p.unreachable(1));
  const SitingProblem q({1}, {1}, {{0, 0, 3}}, {}, 60.0);
  EXPECT_EQ(q.unreached_cost(), 60.0);
  EXPECT_TRUE(q.integral_costs());
}

TEST(SitingProblem, RefusesBadValues) {
  // The readers check every value the user gives, so these are internal errors (exit 3).
  EXPECT_THROW(SitingProblem({-1}, {1}, {}), planner::InternalError);
  EXPECT_THROW(SitingProblem({1}, {1}, {{0, 1, 1}}), planner::InternalError);
  EXPECT_THROW(SitingProblem({1}, {1}, {{0, 0, -2}}), planner::InternalError);
  EXPECT_THROW(SitingProblem({1}, {std::nan("")}, {}), planner::InternalError);
}

TEST(CoverSets, FixedCoverageUncoverableAndWeightlessDemandDropOut) {
  const SitingProblem p = small();
  const planner::CoverSets sets(p, 5.0);
  // d2 is within 5 of its fixed facility; d3 and d1 (7 > 5) no candidate covers.
  EXPECT_EQ(sets.fixed_count(), 1u);
  EXPECT_EQ(sets.fixed_weight(), 3.0);
  EXPECT_EQ(sets.uncoverable_count(), 2u);
  EXPECT_EQ(sets.uncoverable_weight(), 6.0);
  ASSERT_EQ(sets.row_count(), 1u);
  EXPECT_EQ(sets.row_demand(0), 0u);
  ASSERT_EQ(sets.columns_of(0).size(), 2u);  // candidates 0 (5, inclusive) and 2
  EXPECT_EQ(sets.rows_of(1).size(), 0u);

  const SitingProblem z({0, 1}, {1}, {{0, 0, 1}, {1, 0, 1}});
  const planner::CoverSets zs(z, 5.0);
  EXPECT_EQ(zs.row_count(), 1u);  // nobody lives in demand 0: nothing to cover
}

TEST(GraphProblem, AllPairsShortestPathsBothWays) {
  //  0 --4-- 1 --1-- 2,  0 --10-- 2,  3 isolated
  const SitingProblem p = planner::graph_problem(4, {{0, 1, 4.0}, {1, 2, 1.0}, {0, 2, 10.0}});
  EXPECT_EQ(p.entry_count(), 10u);  // 3 x 3 pairs + vertex 3 to itself
  const auto c = p.costs_to(0);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], 0.0);
  EXPECT_EQ(c[1], 4.0);
  EXPECT_EQ(c[2], 5.0);  // through vertex 1, not the direct 10
  EXPECT_EQ(p.candidates_of(3).size(), 1u);
}

}  // namespace
