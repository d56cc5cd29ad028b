// Random-query optimality on a real extract: one reused BoundedSearch answers many random
// bounded queries on Porto's walking network, each checked against Boost.Graph's plain
// dijkstra_shortest_paths on the same CSR graph; and the invariant that no walk is shorter
// than the straight line between its ends.
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/network/network.h"
#include "planner/search/bounded_search.h"
#include "tests/test_paths.h"

namespace {

planner::Network porto_network(io::LengthModel model) {
  planner::Inputs in;
  in.roads = io::read_osm(testing_support::data_dir() + "/osm-porto/porto-2020-07.osm.pbf").roads;
  io::measure_lonlat(in.roads, model);
  io::project_inputs(in, io::choose_run_crs("", in));
  if (model == io::LengthModel::planar) io::measure_planar(in.roads);
  return planner::build_network(in.roads);
}

TEST(OsmNetworkSearch, ReusedSearchMatchesBoostDijkstraOnPorto) {
  const planner::Network net = porto_network(io::LengthModel::ellipsoid);
  const auto times = planner::arc_times_s(*net.graph, net.edges, 4.5 / 3.6);
  const auto& csr = net.graph->csr();
  const std::size_t n = net.edges.vertex_count();
  std::vector<double> ref(n);
  auto weight =
      boost::make_iterator_property_map(times.begin(), boost::get(boost::edge_index, csr));
  auto dist = boost::make_iterator_property_map(ref.begin(), boost::get(boost::vertex_index, csr));

  planner::BoundedSearch search(*net.graph);
  std::mt19937 rng(7);
  std::uniform_int_distribution<planner::NodeId> pick(0, static_cast<planner::NodeId>(n - 1));
  for (int q = 0; q < 40; ++q) {
    const planner::NodeId s = pick(rng);
    const double limit = (q % 2 == 0) ? 900.0 : 1e12;  // 15 minutes, and unbounded
    search.reset().add_source(s, 0.0, 0).run(times, limit);
    boost::dijkstra_shortest_paths(csr, s, boost::weight_map(weight).distance_map(dist));
    std::size_t reached = 0;
    for (std::size_t v = 0; v < n; ++v) {
      if (ref[v] <= limit) {
        ASSERT_NEAR(search.time_s(v), ref[v], 1e-6) << "query " << q << " vertex " << v;
        ++reached;
      } else {
        ASSERT_EQ(search.time_s(v), planner::inf_time) << "query " << q << " vertex " << v;
      }
    }
    EXPECT_EQ(search.settled().size(), reached);
  }
}

TEST(OsmNetworkSearch, NoWalkIsShorterThanTheStraightLine) {
  // With planar lengths in the run CRS, a network walk can never beat the straight line.
  const planner::Network net = porto_network(io::LengthModel::planar);
  const double speed = 4.5 / 3.6;
  const auto times = planner::arc_times_s(*net.graph, net.edges, speed);
  planner::BoundedSearch search(*net.graph);
  std::mt19937 rng(11);
  std::uniform_int_distribution<planner::NodeId> pick(
      0, static_cast<planner::NodeId>(net.edges.vertex_count() - 1));
  for (int q = 0; q < 20; ++q) {
    const planner::NodeId s = pick(rng);
    search.reset().add_source(s, 0.0, 0).run(times, 900.0);
    const planner::XY a = net.edges.vertex_xy[s];
    for (planner::NodeId v : search.settled()) {
      const planner::XY b = net.edges.vertex_xy[v];
      ASSERT_GE(search.time_s(v) + 1e-6, std::hypot(b.x - a.x, b.y - a.y) / speed);
    }
  }
}

TEST(OsmNetworkSearch, ReachIsMonotoneInTheThreshold) {
  const planner::Network net = porto_network(io::LengthModel::ellipsoid);
  const auto times = planner::arc_times_s(*net.graph, net.edges, 4.5 / 3.6);
  planner::BoundedSearch search(*net.graph);
  std::size_t previous = 0;
  for (double minutes : {5.0, 10.0, 15.0, 30.0}) {
    search.reset().add_source(100, 0.0, 0).run(times, minutes * 60.0);
    EXPECT_GE(search.settled().size(), previous);
    previous = search.settled().size();
  }
  EXPECT_GT(previous, 100u);
}

}  // namespace
