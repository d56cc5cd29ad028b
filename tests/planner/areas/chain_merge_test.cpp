// merge_chains on hand-drawn lines: a crossing becomes two straight chains, a T junction one
// straight chain and a stub, a closed block one closed chain; lines doubling back are not
// joined; and on a grid every segment comes out exactly once, with a chain end only where an
// odd number of line ends meet.
#include "planner/areas/chain_merge.h"

#include <algorithm>
#include <map>
#include <utility>

#include <gtest/gtest.h>

namespace {

using planner::LineString;
using planner::XY;
using Segment = std::pair<std::pair<double, double>, std::pair<double, double>>;

/// Undirected segments with multiplicity.
std::map<Segment, int> segments(const std::vector<LineString>& lines) {
  std::map<Segment, int> out;
  for (const LineString& l : lines) {
    for (std::size_t i = 0; i + 1 < l.size(); ++i) {
      std::pair<double, double> a{l[i].x, l[i].y}, b{l[i + 1].x, l[i + 1].y};
      if (b < a) std::swap(a, b);
      ++out[{a, b}];
    }
  }
  return out;
}

bool is_closed(const LineString& l) {
  return l.size() > 2 && l.front() == l.back();
}

TEST(ChainMerge, CrossingBecomesTwoStraightChains) {
  const XY c{0, 0};
  const std::vector<LineString> lines{{c, {0, 10}}, {c, {10, 0}}, {{0, -10}, c}, {c, {-10, 0}}};
  const auto chains = planner::merge_chains(lines);
  ASSERT_EQ(chains.size(), 2u);
  for (const LineString& ch : chains) {
    ASSERT_EQ(ch.size(), 3u);
    EXPECT_EQ(ch[1], c);
    // Straight through: the two outer points are opposite each other.
    EXPECT_EQ(ch[0].x, -ch[2].x);
    EXPECT_EQ(ch[0].y, -ch[2].y);
  }
  EXPECT_EQ(segments(chains), segments(lines));
}

TEST(ChainMerge, TJunctionKeepsTheStraightPairAndOneStub) {
  const XY c{0, 0};
  const std::vector<LineString> lines{{{-10, 0}, c}, {c, {0, -10}}, {c, {10, 0}}};
  auto chains = planner::merge_chains(lines);
  ASSERT_EQ(chains.size(), 2u);
  std::sort(chains.begin(), chains.end(),
            [](const LineString& a, const LineString& b) { return a.size() > b.size(); });
  EXPECT_EQ(chains[0], (LineString{{-10, 0}, c, {10, 0}}));
  EXPECT_EQ(segments({chains[1]}), segments({{c, {0, -10}}}));
}

TEST(ChainMerge, ClosedBlockIsOneClosedChain) {
  const std::vector<LineString> lines{
      {{0, 0}, {10, 0}}, {{10, 10}, {10, 0}}, {{10, 10}, {0, 10}}, {{0, 0}, {0, 10}}};
  const auto chains = planner::merge_chains(lines);
  ASSERT_EQ(chains.size(), 1u);
  EXPECT_TRUE(is_closed(chains[0]));
  EXPECT_EQ(chains[0].size(), 5u);
  EXPECT_EQ(segments(chains), segments(lines));
}

TEST(ChainMerge, LinesLeavingInTheSameDirectionAreNotJoined) {
  // Two ways drawn on top of each other between the same points: joining them would make a
  // chain run back along itself.
  const std::vector<LineString> lines{{{0, 0}, {10, 0}}, {{0, 0}, {10, 0}}};
  const auto chains = planner::merge_chains(lines);
  EXPECT_EQ(chains.size(), 2u);
  EXPECT_EQ(segments(chains), segments(lines));
}

TEST(ChainMerge, GridKeepsEverySegmentAndEndsOnlyAtOddPoints) {
  // A 4 x 4 block grid of unit segments, some left out so that degrees vary (1 to 4).
  std::vector<LineString> lines;
  for (int i = 0; i <= 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      if ((i * 7 + j * 3) % 5 != 0)
        lines.push_back({{double(j), double(i)}, {double(j + 1), double(i)}});
      if ((i * 3 + j * 5) % 7 != 0)
        lines.push_back({{double(i), double(j + 1)}, {double(i), double(j)}});
    }
  }
  const auto chains = planner::merge_chains(lines);
  EXPECT_EQ(segments(chains), segments(lines));
  // Odd points of the input: where an odd number of line ends meet.
  std::map<std::pair<double, double>, int> degree;
  for (const LineString& l : lines) {
    ++degree[{l.front().x, l.front().y}];
    ++degree[{l.back().x, l.back().y}];
  }
  std::size_t odd = 0;
  for (const auto& [p, d] : degree) odd += d % 2;
  std::size_t open_ends = 0;
  for (const LineString& ch : chains) open_ends += is_closed(ch) ? 0 : 2;
  // Grid lines meet at right angles or straight on, so every pairing is allowed: the only
  // chain ends are the odd points.
  EXPECT_EQ(open_ends, odd);
  EXPECT_LT(chains.size(), lines.size() / 2);
  // Deterministic.
  EXPECT_EQ(planner::merge_chains(lines), chains);
}

TEST(ChainMerge, NoLinesNoChains) {
  EXPECT_TRUE(planner::merge_chains({}).empty());
}

}  // namespace
