// Service-area polygons on the Malta extract: 500 centers (every (n/500)-th walk vertex in
// ascending OSM id order), all per-center 15-minute searches on 1 and 2 threads (with a pure
// arithmetic control over the same parallel_for), the faces of the reached network, and the
// 15-minute polygons (25 m buffer, 8 segments per quarter circle) built the fast way (network
// faces, see planner/areas/network_faces.h, their one-off cost included) on 1 and 2 threads,
// checked against the naive way (buffer every reached piece, then one unary union per center):
// worst per-polygon area difference (must stay within 1%), invalid polygons, peak RSS and where
// the fast side spends its time. docs/performance.md has the figures.
//
//   build-release/bench/service_area_bench [--benchmark_filter=...]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
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

/// The faces of the part of the network the 500 centers reach (build_service_areas's first
/// polygon step), on Arg threads.
void BM_NetworkFaces500(benchmark::State& state) {
  const Fixture& f = malta();
  std::atomic<double> unused{0.0};
  static const auto pieces = all_pieces(f, 2, unused);
  std::vector<std::uint8_t> reached(f.net.edges.edge_count(), 0);
  for (const auto& center : pieces) {
    for (const auto& p : center) reached[p.edge] = 1;
  }
  std::size_t faces = 0;
  for (auto _ : state) {
    faces = planner::build_network_faces(f.net.edges, 25.0, 8,
                                         static_cast<unsigned>(state.range(0)), reached)
                .face_count();
  }
  state.counters["faces"] = static_cast<double>(faces);
}
BENCHMARK(BM_NetworkFaces500)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The naive polygons' areas (every piece buffered, one unary union per center) of the first
/// `count` centers: the reference the fast polygons must stay within 1% of. About a minute of
/// unary unions for 500 centers, so computed once per count, on two threads, outside any timing.
const std::vector<double>& naive_areas(const Fixture& f,
                                       const std::vector<std::vector<planner::ReachPiece>>& pieces,
                                       std::size_t count) {
  static std::map<std::size_t, std::vector<double>> cache;
  auto [it, fresh] = cache.try_emplace(count, count, 0.0);
  if (!fresh) return it->second;
  std::vector<double>& areas = it->second;
  planner::parallel_for(
      count, 2, [] { return std::make_unique<planner::GeosContext>(); },
      [&](std::unique_ptr<planner::GeosContext>& ctx, std::size_t i) {
        auto lines = planner::pieces_as_lines(*ctx, f.net.edges, pieces[i], 0);
        auto poly = planner::buffer_reach_naive(*ctx, lines.get(), 25.0, 8);
        areas[i] = planner::area_m2(*ctx, poly.get());
      });
  return areas;
}

/// One polygon worker: its GEOS context and face builder, and the builder's timings added to
/// the run's when the worker ends.
struct PolygonWorker {
  PolygonWorker(const planner::NetworkFaces& faces, const planner::EdgeSet& edges, std::mutex& m,
                planner::FacePolygonBuilder::Timings& total)
      : builder(faces, edges), mutex(&m), sum(&total) {}
  PolygonWorker(const PolygonWorker&) = delete;
  PolygonWorker& operator=(const PolygonWorker&) = delete;
  ~PolygonWorker() {
    const std::lock_guard<std::mutex> lock(*mutex);
    const auto& t = builder.timings;
    sum->classify_s += t.classify_s;
    sum->region_s += t.region_s;
    sum->frontier_s += t.frontier_s;
    sum->union_s += t.union_s;
    sum->holes_s += t.holes_s;
    sum->pieces += t.pieces;
    sum->frontier_pieces += t.frontier_pieces;
  }
  planner::GeosContext ctx;
  planner::FacePolygonBuilder builder;
  std::mutex* mutex;
  planner::FacePolygonBuilder::Timings* sum;
};

/// The 15-minute polygons of the first Arg(0) centers on Arg(1) threads, as build_service_areas
/// builds them: the faces of the edges these centers reach (their one-off cost included), then
/// every center's polygon on the threads, each turned into the planner's MultiPolygon and
/// measured on its thread. The benchmark's time is that, in wall time. Then, untimed: validity,
/// and the worst area difference against the naive method (the run fails beyond 1%). The t_*
/// counters are CPU seconds summed over the threads (t_faces_s: wall).
void BM_Polygons15(benchmark::State& state) {
  const Fixture& f = malta();
  static const auto pieces = [&] {
    std::atomic<double> unused{0.0};
    return all_pieces(f, 2, unused);
  }();
  const std::size_t count = static_cast<std::size_t>(state.range(0));
  const unsigned threads = static_cast<unsigned>(state.range(1));
  const std::vector<double>& naive = naive_areas(f, pieces, count);
  std::vector<planner::MultiPolygon> fast(count);
  std::vector<double> fast_area(count);
  std::mutex mutex;
  planner::FacePolygonBuilder::Timings parts;
  double faces_s = 0.0;
  std::size_t face_count = 0;
  for (auto _ : state) {
    parts = {};
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::uint8_t> reached(f.net.edges.edge_count(), 0);
    for (std::size_t i = 0; i < count; ++i) {
      for (const auto& p : pieces[i]) reached[p.edge] = 1;
    }
    const planner::NetworkFaces faces =
        planner::build_network_faces(f.net.edges, 25.0, 8, threads, reached);
    faces_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    face_count = faces.face_count();
    planner::parallel_for(
        count, threads,
        [&] { return std::make_unique<PolygonWorker>(faces, f.net.edges, mutex, parts); },
        [&](std::unique_ptr<PolygonWorker>& w, std::size_t i) {
          planner::GeomPtr g = w->builder.build(w->ctx, pieces[i], 0);
          fast_area[i] = planner::area_m2(w->ctx, g.get());
          fast[i] = planner::multipolygon_from_geos(w->ctx, g.get());
        });
  }
  planner::GeosContext ctx;
  int invalid = 0;
  double worst = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    planner::GeomPtr g = planner::to_geos(ctx, fast[i]);
    if (GEOSisValid_r(ctx.get(), g.get()) != 1) ++invalid;
    if (naive[i] > 0) worst = std::max(worst, std::abs(fast_area[i] - naive[i]) / naive[i]);
  }
  state.counters["centers"] = static_cast<double>(count);
  state.counters["faces"] = static_cast<double>(face_count);
  state.counters["max_area_diff_pct"] = 100.0 * worst;
  state.counters["invalid"] = invalid;
  state.counters["peak_rss_mb"] = peak_rss_mb();
  state.counters["t_faces_s"] = faces_s;
  state.counters["t_classify_s"] = parts.classify_s;
  state.counters["t_region_s"] = parts.region_s;
  state.counters["t_frontier_s"] = parts.frontier_s;
  state.counters["t_union_s"] = parts.union_s;
  state.counters["t_holes_s"] = parts.holes_s;
  state.counters["frontier_share"] = static_cast<double>(parts.frontier_pieces) /
                                     static_cast<double>(std::max<std::size_t>(1, parts.pieces));
  if (worst > 0.01) state.SkipWithError("a polygon's area is more than 1% off the naive method's");
  if (invalid > 0) state.SkipWithError("invalid polygons");
}
// Args: centers, threads. The 500-center runs are the comparison; the 20-center one is
// for quick checks.
BENCHMARK(BM_Polygons15)
    ->Args({20, 1})
    ->Args({500, 1})
    ->Args({500, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
