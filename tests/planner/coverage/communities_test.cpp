// Blocks to reporting units, and what of a block field matched no boundary id: community names
// against numeric ids must be found, while a field-only run (no boundaries) finds nothing amiss.
#include "planner/coverage/communities.h"

#include <gtest/gtest.h>

namespace {

using planner::Block;
using planner::Boundary;

planner::MultiPolygon square(double x0, double y0, double side) {
  planner::Polygon p;
  p.outer = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
  return {p};
}

Block block(const std::string& id, double x0, const std::string& community) {
  return {id, "", community, std::nullopt, square(x0, 0, 10)};
}

TEST(UnmatchedUnits, NamesAgainstNumericIdsAreCountedWithTheirBlocks) {
  // The boundaries' ids are numbers; the blocks' field holds names, one of them twice.
  const std::vector<Boundary> boundaries{{"1", "玉山社区", square(0, 0, 100)},
                                         {"2", "城北社区", square(100, 0, 100)}};
  const std::vector<Block> blocks{block("B1", 5, "玉山社区"), block("B2", 105, "城北社区"),
                                  block("B3", 20, "玉山社区")};
  const planner::UnitAssignment a = planner::assign_communities(blocks, boundaries);
  const planner::UnmatchedUnits u = planner::unmatched_units(a);
  EXPECT_EQ(u.blocks, 3u);
  EXPECT_EQ(u.ids, (std::vector<std::string>{"玉山社区", "城北社区"}));
  EXPECT_EQ(u.boundaries, 2u);
  EXPECT_EQ(u.empty_boundaries, 2u);  // every boundary got no block
}

TEST(UnmatchedUnits, MatchingIdsAndBlocksByOverlapAreNotUnmatched) {
  const std::vector<Boundary> boundaries{{"1", "", square(0, 0, 100)},
                                         {"2", "", square(100, 0, 100)}};
  // B1 names boundary 1; B2 has no field and lies in boundary 2; B3 names a unit with no shape.
  const std::vector<Block> blocks{block("B1", 5, "1"), block("B2", 105, ""),
                                  block("B3", 20, "elsewhere")};
  const planner::UnmatchedUnits u =
      planner::unmatched_units(planner::assign_communities(blocks, boundaries));
  EXPECT_EQ(u.blocks, 1u);
  EXPECT_EQ(u.ids, std::vector<std::string>{"elsewhere"});
  EXPECT_EQ(u.empty_boundaries, 0u);
}

TEST(UnmatchedUnits, WithoutBoundariesTheFieldIsTheOnlySourceAndNothingIsUnmatched) {
  const std::vector<Block> blocks{block("B1", 5, "玉山社区"), block("B2", 105, "城北社区")};
  const planner::UnitAssignment a = planner::assign_communities(blocks, {});
  ASSERT_EQ(a.ids.size(), 2u);
  const planner::UnmatchedUnits u = planner::unmatched_units(a);
  EXPECT_EQ(u.blocks, 0u);
  EXPECT_TRUE(u.ids.empty());
  EXPECT_EQ(u.boundaries, 0u);
}

}  // namespace
