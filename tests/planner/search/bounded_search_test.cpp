// The bounded multi-source search on hand-worked networks, against Boost.Graph's own
// dijkstra_shortest_paths on random graphs with one reused search object, and against the
// Boost d_ary_heap_indirect search it replaced: same settled order, ties included.
#include "planner/search/bounded_search.h"

#include <random>
#include <type_traits>

#include <gtest/gtest.h>
#include <boost/graph/detail/d_ary_heap.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "tests/planner/drawn_network.h"

namespace {

using planner::BoundedSearch;
using planner::inf_time;
using planner::invalid_id;
using testing_support::drawn_network;

// Per-thread scratch sized to the graph: never copied by accident.
static_assert(!std::is_copy_constructible_v<BoundedSearch>);
static_assert(!std::is_copy_assignable_v<BoundedSearch>);

//   0 ---100--- 1 ---100--- 2
//               |
//              300
//               |
//               3 ---50--- 4
// speed 1 m/s so seconds = metres.
planner::Network small_t() {
  return drawn_network({{0, 0}, {100, 0}, {200, 0}, {100, -300}, {150, -300}},
                       {{0, 1}, {1, 2}, {1, 3}, {3, 4}});
}

TEST(BoundedSearch, HandWorkedTimesFromOneSource) {
  auto net = small_t();
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.0);
  BoundedSearch search(*net.graph);
  search.reset().add_source(0, 0.0, 7).run(times, 1e9);
  EXPECT_DOUBLE_EQ(search.time_s(0), 0.0);
  EXPECT_DOUBLE_EQ(search.time_s(1), 100.0);
  EXPECT_DOUBLE_EQ(search.time_s(2), 200.0);
  EXPECT_DOUBLE_EQ(search.time_s(3), 400.0);
  EXPECT_DOUBLE_EQ(search.time_s(4), 450.0);
  for (planner::NodeId v = 0; v < 5; ++v) EXPECT_EQ(search.label(v), 7u);
  EXPECT_EQ(search.settled().size(), 5u);
}

TEST(BoundedSearch, LimitIsInclusiveStoppingRule) {
  auto net = small_t();
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.0);
  BoundedSearch search(*net.graph);
  search.reset().add_source(0, 0.0, 0).run(times, 400.0);
  EXPECT_DOUBLE_EQ(search.time_s(3), 400.0);  // exactly at the limit: reached
  EXPECT_EQ(search.time_s(4), inf_time);      // 450 > 400: never queued
  EXPECT_EQ(search.label(4), invalid_id);
  EXPECT_EQ(search.settled().size(), 4u);
}

TEST(BoundedSearch, MultiSourceLabelsNearestAndBreaksTiesBySmallerLabel) {
  auto net = small_t();
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.0);
  BoundedSearch search(*net.graph);
  // Sources at 0 (label 5) and 2 (label 3): vertex 1 is 100 from both: the smaller label wins,
  // whatever order the sources come in.
  search.reset().add_source(0, 0.0, 5).add_source(2, 0.0, 3).run(times, 1e9);
  EXPECT_EQ(search.label(1), 3u);
  search.reset().add_source(2, 0.0, 3).add_source(0, 0.0, 5).run(times, 1e9);
  EXPECT_EQ(search.label(1), 3u);
  EXPECT_EQ(search.label(0), 5u);
  EXPECT_DOUBLE_EQ(search.time_s(4), 450.0);
}

TEST(BoundedSearch, SourceOffsetsActLikeMidEdgeStarts) {
  auto net = small_t();
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.0);
  BoundedSearch search(*net.graph);
  // A source 30 m along edge 0-1 enters at vertex 0 after 30 and at vertex 1 after 70.
  search.reset().add_source(0, 30.0, 0).add_source(1, 70.0, 0).run(times, 1e9);
  EXPECT_DOUBLE_EQ(search.time_s(0), 30.0);
  EXPECT_DOUBLE_EQ(search.time_s(1), 70.0);
  EXPECT_DOUBLE_EQ(search.time_s(2), 170.0);
}

TEST(BoundedSearch, ResetForgetsEverythingOfTheLastQuery) {
  auto net = small_t();
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.0);
  BoundedSearch search(*net.graph);
  search.reset().add_source(4, 0.0, 1).run(times, 1e9);
  search.reset().add_source(0, 0.0, 2).run(times, 150.0);
  EXPECT_EQ(search.time_s(4), inf_time);
  EXPECT_EQ(search.time_s(3), inf_time);
  EXPECT_EQ(search.label(3), invalid_id);
  EXPECT_DOUBLE_EQ(search.time_s(1), 100.0);
  EXPECT_EQ(search.label(1), 2u);
  // A source beyond the limit does not count as reached.
  search.reset().add_source(0, 500.0, 9).run(times, 100.0);
  EXPECT_EQ(search.time_s(0), inf_time);
  EXPECT_TRUE(search.settled().empty());
}

// Random planar-ish graphs: every answer of one reused search object equals Boost.Graph's
// dijkstra_shortest_paths from the same source, cut at the limit.
TEST(BoundedSearch, MatchesBoostDijkstraOnRandomGraphs) {
  std::mt19937 rng(20261126);
  std::uniform_real_distribution<double> coord(0.0, 2000.0);
  const int n = 400;
  std::vector<planner::XY> vertices;
  for (int i = 0; i < n; ++i) vertices.push_back({coord(rng), coord(rng)});
  std::vector<std::pair<int, int>> edges;
  std::uniform_int_distribution<int> pick(0, n - 1);
  for (int i = 1; i < n; ++i)
    edges.emplace_back(i, std::uniform_int_distribution<int>(0, i - 1)(rng));
  for (int i = 0; i < 2 * n; ++i) edges.emplace_back(pick(rng), pick(rng));
  auto net = drawn_network(vertices, edges);
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.3);

  BoundedSearch search(*net.graph);
  const auto& csr = net.graph->csr();
  std::vector<double> ref(n);
  auto weight =
      boost::make_iterator_property_map(times.begin(), boost::get(boost::edge_index, csr));
  for (int q = 0; q < 50; ++q) {
    const planner::NodeId s = pick(rng);
    const double limit = std::uniform_real_distribution<double>(100.0, 2500.0)(rng);
    search.reset().add_source(s, 0.0, 0).run(times, limit);
    boost::dijkstra_shortest_paths(
        csr, s,
        boost::weight_map(weight).distance_map(
            boost::make_iterator_property_map(ref.begin(), boost::get(boost::vertex_index, csr))));
    for (int v = 0; v < n; ++v) {
      if (ref[v] <= limit) {
        ASSERT_NEAR(search.time_s(v), ref[v], 1e-9) << "query " << q << " vertex " << v;
      } else {
        ASSERT_EQ(search.time_s(v), inf_time) << "query " << q << " vertex " << v;
      }
    }
  }
}

/// The search as it was with Boost's 4-ary indirect heap (times and heap positions in their own
/// arrays): the reference for the settled order.
class BoostHeapSearch {
 public:
  explicit BoostHeapSearch(std::size_t n)
      : time_(n, inf_time),
        label_(n, invalid_id),
        position_(n, static_cast<std::size_t>(-1)),
        heap_(TimeMap(time_.begin()), PositionMap(position_.begin())) {}

  void add_source(planner::NodeId v, double t, std::uint32_t label) { relax(v, t, label); }

  void run(const planner::StreetGraph& graph, std::span<const double> arc_s, double limit) {
    const auto first_out = graph.first_out();
    const auto head = graph.head();
    while (!heap_.empty()) {
      const planner::NodeId v = heap_.top();
      const double t = time_[v];
      if (t > limit) break;
      heap_.pop();
      settled.push_back(v);
      for (planner::ArcId a = first_out[v]; a < first_out[v + 1]; ++a) {
        if (t + arc_s[a] <= limit) relax(head[a], t + arc_s[a], label_[v]);
      }
    }
  }

  std::vector<planner::NodeId> settled;
  std::vector<double> time_;
  std::vector<std::uint32_t> label_;

 private:
  using TimeMap =
      boost::iterator_property_map<std::vector<double>::iterator, boost::identity_property_map>;
  using PositionMap = boost::iterator_property_map<std::vector<std::size_t>::iterator,
                                                   boost::identity_property_map>;
  void relax(planner::NodeId w, double t, std::uint32_t label) {
    if (time_[w] == inf_time) {
      time_[w] = t;
      label_[w] = label;
      heap_.push(w);
    } else if (t < time_[w]) {
      time_[w] = t;
      label_[w] = label;
      heap_.update(w);
    } else if (t == time_[w] && label < label_[w] && heap_.contains(w)) {
      label_[w] = label;
    }
  }
  std::vector<std::size_t> position_;
  boost::d_ary_heap_indirect<planner::NodeId, 4, PositionMap, TimeMap, std::less<double>> heap_;
};

// A grid with whole-metre streets at 1 m/s: a great many equal times, so the order in which
// equal vertices leave the heap shows. Reach pieces come out in settled order, so this order is
// part of every output.
TEST(BoundedSearch, SettlesInTheSameOrderAsTheBoostHeapItReplaced) {
  std::mt19937 rng(20261203);
  const int side = 30;
  std::vector<planner::XY> vertices;
  std::vector<std::pair<int, int>> edges;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      vertices.push_back({10.0 * x, 10.0 * y});
      if (x > 0) edges.emplace_back(y * side + x - 1, y * side + x);
      if (y > 0) edges.emplace_back((y - 1) * side + x, y * side + x);
    }
  }
  auto net = drawn_network(vertices, edges);
  auto times = planner::arc_times_s(*net.graph, net.edges, 1.0);
  std::uniform_int_distribution<int> pick(0, side * side - 1);
  BoundedSearch search(*net.graph);
  for (int q = 0; q < 40; ++q) {
    BoostHeapSearch ref(vertices.size());
    search.reset();
    const int sources = 1 + q % 4;  // several sources: label ties too
    for (int k = 0; k < sources; ++k) {
      const planner::NodeId v = pick(rng);
      const double start = 5.0 * (q % 3);
      const std::uint32_t label = static_cast<std::uint32_t>((k * 7 + q) % 5);
      search.add_source(v, start, label);
      ref.add_source(v, start, label);
    }
    const double limit = 60.0 + 10.0 * (q % 15);
    search.run(times, limit);
    ref.run(*net.graph, times, limit);
    ASSERT_EQ(std::vector<planner::NodeId>(search.settled().begin(), search.settled().end()),
              ref.settled)
        << "query " << q;
    for (planner::NodeId v : ref.settled) {
      ASSERT_EQ(search.time_s(v), ref.time_[v]) << "query " << q << " vertex " << v;
      ASSERT_EQ(search.label(v), ref.label_[v]) << "query " << q << " vertex " << v;
    }
  }
}

}  // namespace
