// Service-area polygons on the Malta extract: 500 centers (every (n/500)-th walk vertex in
// ascending OSM id order), all per-center 15-minute searches, and the 15-minute polygons
// (25 m buffer, 8 segments per quarter circle) built the fast way (network faces, see
// planner/areas/network_faces.h, their one-off cost included) and the naive way (buffer every
// reached piece, then one unary union per center) in the same run, with the worst per-polygon area
// difference, invalid polygons, peak RSS and where the fast side spends its time.
//
//   build-release/bench/service_area_bench [--benchmark_filter=...]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <numeric>
#include <optional>
#include <string>

#include <benchmark/benchmark.h>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/areas/reach_polygon.h"
#include "planner/areas/service_areas.h"
#include "planner/geos/geos_convert.h"
#include "planner/parallel.h"
#include "planner/parameters.h"
#include "planner/search/walk_times.h"

namespace {

struct Fixture {
  planner::Network net;
  std::vector<planner::SnappedSource> sources;
  std::optional<planner::WalkTimes> walk;
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
    out.walk.emplace(out.net, planner::default_speed_kmh / planner::kmh_per_mps);
    return out;
  }();
  return f;
}

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

/// CPU seconds summed over the workers of one parallel_for: each worker state adds the CPU time
/// of its thread from its construction to its destruction (both happen on that thread). More CPU
/// on two threads than on one for the same work is contention (shared memory, false sharing),
/// not the machine's other load, which only shows in wall time.
struct CpuMeter {
  std::atomic<double>* total;
  double start = thread_seconds();
  explicit CpuMeter(std::atomic<double>& t) : total(&t) {}
  CpuMeter(const CpuMeter&) = delete;
  CpuMeter& operator=(const CpuMeter&) = delete;
  ~CpuMeter() {
    const double used = thread_seconds() - start;
    double seen = total->load();
    while (!total->compare_exchange_weak(seen, seen + used)) {
    }
  }
};

std::vector<std::vector<planner::ReachPiece>> all_pieces(const Fixture& f, unsigned threads,
                                                         std::atomic<double>& cpu_s) {
  std::vector<std::vector<planner::ReachPiece>> pieces(f.sources.size());
  const planner::SourcesByEdge same_edge(f.sources, f.net.edges.edge_count());
  const std::vector<double> bands{900.0};
  struct State {
    State(const planner::Network& n, std::atomic<double>& cpu)
        : meter(cpu), search(*n.graph), collector(n) {}
    CpuMeter meter;  // first member: destroyed last, so it counts the others' teardown
    planner::BoundedSearch search;
    planner::ReachCollector collector;
  };
  planner::parallel_for(
      f.sources.size(), threads, [&] { return std::make_unique<State>(f.net, cpu_s); },
      [&](std::unique_ptr<State>& s, std::size_t i) {
        const auto& src = f.sources[i];
        planner::add_sources(s->search.reset(), f.net.edges, std::span(&src, 1), *f.walk);
        s->search.run(f.walk->arc_s(), 900.0);
        pieces[i] = s->collector.collect(s->search, std::span(&src, 1), same_edge, bands, *f.walk);
      });
  return pieces;
}

void BM_PerCenterSearches500(benchmark::State& state) {
  const Fixture& f = malta();
  std::atomic<double> cpu_s{0.0};
  for (auto _ : state)
    benchmark::DoNotOptimize(all_pieces(f, static_cast<unsigned>(state.range(0)), cpu_s));
  state.counters["cpu_ms"] = 1e3 * cpu_s.load() / static_cast<double>(state.iterations());
}
BENCHMARK(BM_PerCenterSearches500)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The control: pure arithmetic split over the same parallel_for, 500 items of about the cost of
/// one center's search (a dependent chain of multiply-adds per item, no memory traffic), so its
/// 2-thread speedup is what this machine gives two CPU-bound threads. The searches' speedup is
/// judged against it (a 2-vCPU virtual machine need not give 2x).
void BM_ArithmeticControl500(benchmark::State& state) {
  std::vector<double> out(500);
  std::atomic<double> cpu_s{0.0};
  for (auto _ : state) {
    planner::parallel_for(
        out.size(), static_cast<unsigned>(state.range(0)),
        [&] { return std::make_unique<CpuMeter>(cpu_s); },
        [&](std::unique_ptr<CpuMeter>&, std::size_t i) {
          double x = 1.0 + 1e-9 * static_cast<double>(i);
          for (int k = 0; k < 40000; ++k) x = x * 0.999999 + 1e-6;
          out[i] = x;
        });
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["cpu_ms"] = 1e3 * cpu_s.load() / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ArithmeticControl500)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

/// The 15-minute polygons of the first `count` centers, the fast way (faces of the reached
/// part of the network built once, their cost included) and the naive way, one after the other on
/// one thread, in this one run. Times are this thread's CPU seconds (the machine is shared; wall
/// time is reported too).
void BM_Polygons15(benchmark::State& state) {
  const Fixture& f = malta();
  static const auto pieces = [&] {
    std::atomic<double> unused{0.0};
    return all_pieces(f, 2, unused);
  }();
  const std::size_t count = static_cast<std::size_t>(state.range(0));
  planner::GeosContext ctx;
  std::vector<double> fast_area(count), naive_area(count);
  double faces_s = 0.0, fast_s = 0.0, naive_s = 0.0;
  int invalid = 0;
  planner::FacePolygonBuilder::Timings parts;
  for (auto _ : state) {
    double t0 = thread_seconds();
    // As build_service_areas does: faces of the edges these centers reach.
    std::vector<std::uint8_t> reached(f.net.edges.edge_count(), 0);
    for (std::size_t i = 0; i < count; ++i) {
      for (const auto& p : pieces[i]) reached[p.edge] = 1;
    }
    const planner::NetworkFaces faces =
        planner::build_network_faces(f.net.edges, 25.0, 8, 1, reached);
    faces_s = thread_seconds() - t0;
    planner::FacePolygonBuilder builder(faces, f.net.edges);
    std::vector<planner::GeomPtr> fast(count);
    t0 = thread_seconds();
    for (std::size_t i = 0; i < count; ++i) fast[i] = builder.build(ctx, pieces[i], 0);
    fast_s = thread_seconds() - t0 + faces_s;
    parts = builder.timings;
    state.PauseTiming();
    for (std::size_t i = 0; i < count; ++i) {
      fast_area[i] = planner::area_m2(ctx, fast[i].get());
      if (GEOSisValid_r(ctx.get(), fast[i].get()) != 1) ++invalid;
    }
    state.counters["faces"] = static_cast<double>(faces.face_count());
    state.ResumeTiming();
    t0 = thread_seconds();
    for (std::size_t i = 0; i < count; ++i) {
      auto lines = planner::pieces_as_lines(ctx, f.net.edges, pieces[i], 0);
      auto poly = planner::buffer_reach_naive(ctx, lines.get(), 25.0, 8);
      naive_area[i] = planner::area_m2(ctx, poly.get());
    }
    naive_s = thread_seconds() - t0;
  }
  double worst = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    if (naive_area[i] > 0)
      worst = std::max(worst, std::abs(fast_area[i] - naive_area[i]) / naive_area[i]);
  }
  state.counters["centers"] = static_cast<double>(count);
  state.counters["fast_s"] = fast_s;
  state.counters["naive_s"] = naive_s;
  state.counters["speedup"] = naive_s / fast_s;
  state.counters["max_area_diff_pct"] = 100.0 * worst;
  state.counters["invalid"] = invalid;
  state.counters["peak_rss_mb"] = peak_rss_mb();
  // What the fast side spends its time on.
  state.counters["t_faces_s"] = faces_s;
  state.counters["t_classify_s"] = parts.classify_s;
  state.counters["t_region_s"] = parts.region_s;
  state.counters["t_frontier_s"] = parts.frontier_s;
  state.counters["t_union_s"] = parts.union_s;
  state.counters["t_holes_s"] = parts.holes_s;
  state.counters["frontier_share"] = static_cast<double>(parts.frontier_pieces) /
                                     static_cast<double>(std::max<std::size_t>(1, parts.pieces));
}
// Arg: centers. The 500-center run is the comparison (about a minute of naive union);
// the 20-center one is for quick checks.
BENCHMARK(BM_Polygons15)->Arg(20)->Arg(500)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
