// The per-vertex block index that lets each center's search look only at the blocks beside what
// it reached (planner/network/blocks_by_vertex.h). Worked by hand on a straight street, then
// checked against the loop over every block it replaces: from every vertex and several cutoffs,
// the blocks in reach found through the index are exactly those found by trying every block.
#include "planner/network/blocks_by_vertex.h"

#include <set>

#include <gtest/gtest.h>

#include "planner/search/access_time.h"
#include "planner/search/bounded_search.h"
#include "planner/search/walk_times.h"
#include "tests/planner/drawn_network.h"

namespace {

planner::SnappedPoint on_edge(const planner::Network& net, planner::EdgeId e, double offset_m) {
  planner::EdgePosition pos;
  pos.edge = e;
  pos.offset_m = offset_m;
  pos.on_edge = net.edges.vertex_xy[net.edges.edge_tail[e]];
  pos.on_edge.x += offset_m;
  return {pos.on_edge, pos};
}

// Street of 6 edges (vertices 0..6, 100 m apart). Block 0: access on edge 0; block 1: two
// access points, on edges 2 and 3 (both touch vertex 3); block 2: not snapped; block 3: edge 5.
std::vector<planner::BlockSite> sites_on(const planner::Network& net) {
  std::vector<planner::BlockSite> s(4);
  s[0].access = {on_edge(net, 0, 40)};
  s[1].access = {on_edge(net, 2, 50), on_edge(net, 3, 10)};
  s[2].access = {planner::SnappedPoint{{0, 50}, std::nullopt}};
  s[3].access = {on_edge(net, 5, 90)};
  return s;
}

TEST(BlocksByVertex, ListsEachBlockOnceAtTheEndsOfItsAccessEdges) {
  const auto net = testing_support::straight_street(6);
  const auto sites = sites_on(net);
  const planner::BlocksByVertex index(net.edges, sites);
  auto at = [&](planner::NodeId v) {
    const auto s = index.at(v);
    return std::vector<std::uint32_t>(s.begin(), s.end());
  };
  EXPECT_EQ(at(0), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(at(1), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(at(2), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(at(3), (std::vector<std::uint32_t>{1}));  // edges 2 and 3 both end here: once
  EXPECT_EQ(at(4), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(at(5), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(at(6), (std::vector<std::uint32_t>{3}));
}

TEST(BlocksByVertex, ReachedBlocksAreGatheredOnceAndSortedAndForgottenOnClear) {
  const auto net = testing_support::straight_street(6);
  const auto sites = sites_on(net);
  const planner::BlocksByVertex index(net.edges, sites);
  planner::ReachedBlocks reached(sites.size());
  reached.clear();
  for (planner::NodeId v : {6u, 3u, 2u, 4u, 0u}) reached.add(index, v);
  const auto first = reached.sorted();
  EXPECT_EQ(std::vector<std::uint32_t>(first.begin(), first.end()),
            (std::vector<std::uint32_t>{0, 1, 3}));
  reached.clear();
  reached.add(index, 4);
  const auto second = reached.sorted();
  EXPECT_EQ(std::vector<std::uint32_t>(second.begin(), second.end()),
            (std::vector<std::uint32_t>{1}));
}

// The index must never miss a block in reach: from every vertex and edge midpoint, with cutoffs
// that end mid-edge, the blocks whose access point is within the cutoff are the same through
// the index as by trying every block.
TEST(BlocksByVertex, FindsExactlyTheBlocksTheLoopOverEveryBlockFinds) {
  const auto net = testing_support::straight_street(6);
  const auto sites = sites_on(net);
  const planner::BlocksByVertex index(net.edges, sites);
  const planner::WalkTimes walk(net, 1.0);  // 1 m/s: seconds are metres
  planner::BoundedSearch search(*net.graph);
  planner::ReachedBlocks reached(sites.size());
  int checked = 0;
  for (planner::EdgeId e = 0; e < net.edges.edge_count(); ++e) {
    for (double offset : {0.0, 35.0, 100.0}) {
      const planner::SnappedPoint at = on_edge(net, e, offset);
      const std::vector<planner::SnappedSource> src{{*at.snap, 0}};
      const planner::SourcesByEdge same_edge(src, net.edges.edge_count());
      for (double cutoff : {5.0, 45.0, 130.0, 260.0, 700.0}) {
        planner::add_sources(search.reset(), net.edges, src, walk);
        search.run(walk.arc_s(), cutoff);
        auto in_reach = [&](std::uint32_t b) {
          for (const planner::SnappedPoint& a : sites[b].access) {
            if (a.snap &&
                planner::time_at(search, net.edges, same_edge, *a.snap, walk, 0).time_s <= cutoff)
              return true;
          }
          return false;
        };
        std::set<std::uint32_t> all, indexed;
        for (std::uint32_t b = 0; b < sites.size(); ++b)
          if (in_reach(b)) all.insert(b);
        reached.clear();
        reached.add(index, net.edges.edge_tail[e]);
        reached.add(index, net.edges.edge_head[e]);
        for (planner::NodeId v : search.settled()) reached.add(index, v);
        for (std::uint32_t b : reached.sorted())
          if (in_reach(b)) indexed.insert(b);
        EXPECT_EQ(all, indexed) << "edge " << e << " offset " << offset << " cutoff " << cutoff;
        checked += static_cast<int>(all.size());
      }
    }
  }
  EXPECT_GT(checked, 50);  // the cases reach blocks, not only nothing
}

}  // namespace
