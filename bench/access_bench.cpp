// Accessibility scores on the Malta extract (issue #13's speed target: E2SFCA for 500 centers
// and all blocks of Malta in under 50 ms beyond the evaluation itself). The 500 centers are the
// service-area benchmark's (every (n/500)-th walk vertex in ascending OSM id order), each with an
// illustrative capacity of 1; blocks get a population of their area / 50 m². The evaluation
// (snapping, block sites, coverage) runs once outside the timed loop; the loop times
// measure_access: 500 bounded searches to t0 = 15 minutes, the block-center walks, the formulas.
//
//   build/bench/access_bench [--benchmark_filter=...]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <numeric>
#include <string>

#include <benchmark/benchmark.h>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/coverage/accessibility.h"
#include "planner/coverage/evaluation.h"
#include "planner/parameters.h"

namespace {

struct Fixture {
  planner::Inputs inputs;
  planner::Network net;
  planner::EvaluationParams params;
  planner::Evaluation ev;
  double evaluate_s = 0.0;
};

/// The service-area benchmark's 500 centers, standing on their vertices.
std::vector<planner::Center> centers_on_vertices(const planner::Network& net) {
  const auto& es = net.edges;
  std::vector<planner::NodeId> order(es.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return es.vertex_external_id[a] < es.vertex_external_id[b]; });
  const std::size_t step = order.size() / 500;
  std::vector<planner::Center> centers;
  for (std::uint32_t c = 0; c < 500; ++c) {
    planner::Center center{"c" + std::to_string(c), "", "", es.vertex_xy[order[c * step]]};
    center.capacity = 1.0;  // illustrative
    centers.push_back(center);
  }
  return centers;
}

const Fixture& malta() {
  static const Fixture f = [] {
    const char* dir = std::getenv("CIRCLEPLAN_SHARED_DATA_DIR");
    const std::string base = dir ? dir : std::string(CIRCLEPLAN_SOURCE_DIR) + "/../shared/data";
    Fixture out;
    io::OsmExtract extract = io::read_osm(base + "/osm-malta/malta-2016-11.osm.pbf");
    out.inputs.roads = std::move(extract.roads);
    out.inputs.blocks = std::move(extract.blocks);
    io::measure_lonlat(out.inputs.roads, io::LengthModel::ellipsoid);
    io::project_inputs(out.inputs, io::choose_run_crs("", out.inputs));
    out.net = planner::build_network(out.inputs.roads);
    out.inputs.centers = centers_on_vertices(out.net);
    out.params.threads = 2;
    const auto start = std::chrono::steady_clock::now();
    out.ev = planner::evaluate(out.net, out.inputs, out.params);
    out.evaluate_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t b = 0; b < out.inputs.blocks.size(); ++b) {
      out.inputs.blocks[b].pop = out.ev.sites[b].area_m2 / 50.0;
    }
    return out;
  }();
  return f;
}

void run_access(benchmark::State& state, std::vector<planner::AccessMethod> methods) {
  const Fixture& f = malta();
  const planner::WalkTimes walk(f.net, f.params.speed_mps());
  const planner::AccessParams params{std::move(methods), 0.0, {}};
  const auto threads = static_cast<unsigned>(state.range(0));
  std::uint64_t pairs = 0;
  for (auto _ : state) {
    const planner::AccessResult r =
        planner::measure_access(f.net, walk, f.inputs, f.ev, params, threads, {});
    pairs = r.pairs;
    benchmark::DoNotOptimize(r.score.data());
  }
  state.counters["blocks"] = static_cast<double>(f.inputs.blocks.size());
  state.counters["centers"] = static_cast<double>(f.ev.sources.size());
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["evaluate_ms"] = 1000.0 * f.evaluate_s;
}

/// Arg: threads. The target.
void BM_E2sfca500Malta(benchmark::State& state) {
  run_access(state, {planner::AccessMethod::enhanced});
}
BENCHMARK(BM_E2sfca500Malta)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Every method at once: one matrix, four sets of formulas.
void BM_AllMethods500Malta(benchmark::State& state) {
  run_access(state, {planner::AccessMethod::enhanced, planner::AccessMethod::two_step,
                     planner::AccessMethod::gaussian, planner::AccessMethod::balanced});
}
BENCHMARK(BM_AllMethods500Malta)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
