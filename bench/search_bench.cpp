// Google Benchmark cases on the Malta extract (../shared/data/osm-malta, about 33,000 walk
// vertices): reading the PBF and building the graph, and the multi-source search from 500
// centers (every (n/500)-th walk vertex in ascending OSM id order).
//
//   build-release/bench/search_bench [--benchmark_repetitions=5]
// The extract is found through CIRCLEPLAN_SHARED_DATA_DIR, else ../shared/data beside the repo.
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <string>

#include <benchmark/benchmark.h>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/network/network.h"
#include "planner/parameters.h"
#include "planner/search/access_time.h"
#include "planner/search/bounded_search.h"

namespace {

std::string malta_path() {
  const char* dir = std::getenv("CIRCLEPLAN_SHARED_DATA_DIR");
  std::string base = dir ? dir : std::string(CIRCLEPLAN_SOURCE_DIR) + "/../shared/data";
  return base + "/osm-malta/malta-2016-11.osm.pbf";
}

planner::Network load_network(const std::string& path) {
  planner::Inputs in;
  in.roads = io::read_osm(path).roads;
  io::measure_lonlat(in.roads, io::LengthModel::ellipsoid);
  io::project_inputs(in, io::choose_run_crs("", in));
  return planner::build_network(in.roads);
}

const planner::Network& malta() {
  static const planner::Network net = load_network(malta_path());
  return net;
}

/// 500 centers: every (n/500)-th vertex in ascending OSM node id order.
std::vector<planner::NodeId> spread_centers(const planner::Network& net, std::size_t count) {
  std::vector<planner::NodeId> order(net.edges.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](planner::NodeId a, planner::NodeId b) {
    return net.edges.vertex_external_id[a] < net.edges.vertex_external_id[b];
  });
  std::vector<planner::NodeId> centers;
  const std::size_t step = order.size() / count;
  for (std::size_t i = 0; i < count; ++i) centers.push_back(order[i * step]);
  return centers;
}

void BM_ReadPbfAndBuildGraph(benchmark::State& state) {
  const std::string path = malta_path();
  for (auto _ : state) {
    planner::Network net = load_network(path);
    benchmark::DoNotOptimize(net.graph->arc_count());
    state.counters["vertices"] = static_cast<double>(net.edges.vertex_count());
    state.counters["edges"] = static_cast<double>(net.edges.edge_count());
  }
}
BENCHMARK(BM_ReadPbfAndBuildGraph)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_MultiSourceSearch(benchmark::State& state) {
  const planner::Network& net = malta();
  const auto centers = spread_centers(net, 500);
  const auto times = planner::arc_times_s(*net.graph, net.edges,
                                          planner::default_speed_kmh / planner::kmh_per_mps);
  const double limit_s = static_cast<double>(state.range(0)) * 60.0;
  planner::BoundedSearch search(*net.graph);
  for (auto _ : state) {
    search.reset();
    for (std::uint32_t c = 0; c < centers.size(); ++c) search.add_source(centers[c], 0.0, c);
    search.run(times, limit_s);
    benchmark::DoNotOptimize(search.settled().size());
  }
  state.counters["settled"] = static_cast<double>(search.settled().size());
}
BENCHMARK(BM_MultiSourceSearch)->Arg(15)->Arg(60)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
