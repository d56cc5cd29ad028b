// Service-area polygons on the Malta extract: 500 centers (every (n/500)-th walk vertex in
// ascending OSM id order), all per-center 15-minute searches, and the 15-minute polygons
// (25 m buffer, 8 segments per quarter circle) built the fast way and the naive way (buffer
// every reached piece, then one unary union per center), with the area difference.
//
//   build-release/bench/service_area_bench [--benchmark_filter=...]
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <string>

#include <benchmark/benchmark.h>

#include "io/length_model.h"
#include "io/osm_reader.h"
#include "io/projection.h"
#include "planner/geos_convert.h"
#include "planner/parallel.h"
#include "planner/reach_polygon.h"
#include "planner/service_areas.h"

namespace {

struct Fixture {
  planner::Network net;
  std::vector<planner::SnappedSource> sources;
  std::vector<double> arc_time;
};

const Fixture& malta() {
  static const Fixture f = [] {
    const char* dir = std::getenv("CIRCLEPLAN_SHARED_DATA_DIR");
    const std::string base = dir ? dir : std::string(CIRCLEPLAN_SOURCE_DIR) + "/../shared/data";
    planner::Inputs in;
    in.roads = io::read_osm(base + "/osm-malta/malta-2016-11.osm.pbf").roads;
    io::measure_lonlat(in.roads, io::LengthModel::ellipsoid);
    io::project_inputs(in, io::choose_run_crs("", in));
    Fixture out{planner::build_network(in.roads), {}, {}};
    const auto& es = out.net.edges;
    std::vector<planner::NodeId> order(es.vertex_count());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return es.vertex_external_id[a] < es.vertex_external_id[b]; });
    const std::size_t step = order.size() / 500;
    const auto refs = out.net.graph->arc_ref();
    const auto first_out = out.net.graph->first_out();
    for (std::uint32_t c = 0; c < 500; ++c) {
      // A center standing on the vertex: offset 0 on one of its edges (or its far end).
      const planner::NodeId v = order[c * step];
      const planner::ArcRef r = refs[first_out[v]];
      planner::EdgePosition pos;
      pos.edge = r.edge;
      pos.offset_m = r.forward ? 0.0 : es.edge_length_m[r.edge];
      pos.on_edge = es.vertex_xy[v];
      out.sources.push_back({pos, c});
    }
    out.arc_time = planner::arc_times_s(*out.net.graph, es, 4.5 / 3.6);
    return out;
  }();
  return f;
}

std::vector<std::vector<planner::ReachPiece>> all_pieces(const Fixture& f, unsigned threads) {
  std::vector<std::vector<planner::ReachPiece>> pieces(f.sources.size());
  const planner::SourcesByEdge same_edge(f.sources, f.net.edges.edge_count());
  const std::vector<double> bands{900.0};
  struct State {
    explicit State(const planner::Network& n) : search(*n.graph), collector(n) {}
    planner::BoundedSearch search;
    planner::ReachCollector collector;
  };
  planner::parallel_for(
      f.sources.size(), threads, [&] { return std::make_unique<State>(f.net); },
      [&](std::unique_ptr<State>& s, std::size_t i) {
        const auto& src = f.sources[i];
        planner::add_sources(s->search.reset(), f.net.edges, std::span(&src, 1), 4.5 / 3.6);
        s->search.run(f.arc_time, 900.0);
        pieces[i] =
            s->collector.collect(s->search, std::span(&src, 1), same_edge, bands, 4.5 / 3.6);
      });
  return pieces;
}

void BM_PerCenterSearches500(benchmark::State& state) {
  const Fixture& f = malta();
  for (auto _ : state)
    benchmark::DoNotOptimize(all_pieces(f, static_cast<unsigned>(state.range(0))));
}
BENCHMARK(BM_PerCenterSearches500)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

double polygons(const Fixture& f, const std::vector<std::vector<planner::ReachPiece>>& pieces,
                bool naive, std::size_t count, std::vector<double>& areas) {
  planner::GeosContext ctx;
  double total = 0.0;
  areas.assign(count, 0.0);
  for (std::size_t i = 0; i < count; ++i) {
    auto lines = planner::pieces_as_lines(ctx, f.net.edges, pieces[i], 0);
    auto poly = naive ? planner::buffer_reach_naive(ctx, lines.get(), 25.0, 8)
                      : planner::buffer_reach(ctx, lines.get(), 25.0, 8);
    areas[i] = planner::area_m2(ctx, poly.get());
    total += areas[i];
  }
  return total;
}

void BM_Polygons15(benchmark::State& state) {
  const Fixture& f = malta();
  static const auto pieces = all_pieces(f, 2);
  const bool naive = state.range(0) == 1;
  const std::size_t count = static_cast<std::size_t>(state.range(1));
  std::vector<double> areas;
  for (auto _ : state) benchmark::DoNotOptimize(polygons(f, pieces, naive, count, areas));
  std::vector<double> other;
  polygons(f, pieces, !naive, count, other);
  double worst = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    if (other[i] > 0) worst = std::max(worst, std::abs(areas[i] - other[i]) / other[i]);
  }
  state.counters["max_area_diff_pct"] = 100.0 * worst;
  state.counters["centers"] = static_cast<double>(count);
}
// Args: {naive?, centers}
BENCHMARK(BM_Polygons15)
    ->Args({0, 20})
    ->Args({1, 20})
    ->Args({0, 500})
    ->Args({1, 500})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
