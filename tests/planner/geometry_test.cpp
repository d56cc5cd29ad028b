// The one bounding box: empty until a point is added, closed on every side.
#include "planner/geometry.h"

#include <gtest/gtest.h>

namespace {

using planner::Box;

TEST(Box, GrowsWithItsPointsAndContainsItsEdges) {
  Box b;
  EXPECT_FALSE(b.contains({0, 0}));
  b.add({1, 2});
  b.add({-3, 5});
  EXPECT_EQ(b.min_x, -3.0);
  EXPECT_EQ(b.min_y, 2.0);
  EXPECT_EQ(b.max_x, 1.0);
  EXPECT_EQ(b.max_y, 5.0);
  EXPECT_TRUE(b.contains({-3, 2}));
  EXPECT_TRUE(b.contains({0, 4}));
  EXPECT_FALSE(b.contains({1.5, 4}));
}

TEST(Box, IntersectsWhenTheyShareAPoint) {
  Box a, b, c;
  a.add({0, 0});
  a.add({1, 1});
  b.add({1, 1});
  b.add({2, 2});
  c.add({1.5, 0});
  c.add({2, 0.5});
  EXPECT_TRUE(a.intersects(b));
  EXPECT_TRUE(b.intersects(a));
  EXPECT_FALSE(a.intersects(c));
  EXPECT_TRUE(b.intersects(c) == c.intersects(b));
}

}  // namespace
