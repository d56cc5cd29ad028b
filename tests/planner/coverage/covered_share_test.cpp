// The covered share: of population when the data has it, else of blocks.
#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"

namespace {

TEST(CoveredShare, PopulationWhenKnownElseBlocks) {
  planner::Totals t;
  t.blocks = 4;
  t.covered = 1;
  t.pop = 200.0;
  t.covered_pop = 150.0;
  EXPECT_DOUBLE_EQ(planner::covered_share(t, true), 0.75);
  EXPECT_DOUBLE_EQ(planner::covered_share(t, false), 0.25);
}

TEST(CoveredShare, EmptyScopeIsZero) {
  const planner::Totals none;
  EXPECT_EQ(planner::covered_share(none, true), 0.0);
  EXPECT_EQ(planner::covered_share(none, false), 0.0);
}

}  // namespace
