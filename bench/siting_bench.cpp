// Siting benchmarks (not part of CI's pass/fail):
//  * exact p-median with CBC on OR-Library pmed1-20, each under a time limit (seconds from
//    CIRCLEPLAN_SITING_TIME_LIMIT, default 60): counters give the time, the objective, the
//    published optimum and the gap left;
//  * the heuristic (no --exact: interchange + variable neighbourhood search) on the same
//    instances: time, objective, bound, excess over the published optimum (docs/siting.md);
//  * Malta (../shared/data/osm-malta, OSM residential areas as demand, the civic stand-ins as
//    existing centers, every network vertex thinned to 100 m as a candidate): building the
//    candidate x block structure from either side, then MCLP k = 10 (and 40, where the
//    heuristic leaves a gap for CBC to close) and LSCP, heuristic and exact (same time limit).
//
//   build-release/bench/siting_bench [--benchmark_filter=Malta|PmedHeuristic]
// Data is found through CIRCLEPLAN_SHARED_DATA_DIR, else ../shared/data beside the repo.
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "io/siting/orlib_reader.h"
#include "planner/siting/coverage_build.h"
#include "planner/siting/instances.h"
#include "planner/siting/network.h"
#include "planner/siting/solve.h"

namespace {

std::string shared_data() {
  const char* dir = std::getenv("CIRCLEPLAN_SHARED_DATA_DIR");
  return dir ? dir : std::string(CIRCLEPLAN_SOURCE_DIR) + "/../shared/data";
}

double time_limit_s() {
  const char* s = std::getenv("CIRCLEPLAN_SITING_TIME_LIMIT");
  return s ? std::atof(s) : 60.0;
}

/// p-median on OR-Library instance pmed<range(0)>, exact (CBC under the time limit) or the
/// heuristic: time, objective, bound and excess over the published optimum.
void run_pmed(benchmark::State& state, bool exact) {
  const std::string name = "pmed" + std::to_string(state.range(0));
  const std::string dir = shared_data() + "/orlib-pmed/";
  const io::PmedInstance inst = io::read_orlib_pmed(dir + name + ".txt");
  const double optimum = io::read_orlib_optima(dir + "pmedopt.txt").at(name);
  const planner::SitingProblem problem = planner::graph_problem(inst.vertices, inst.edges);
  planner::SitingOptions o;
  o.model = planner::SitingModel::pmedian;
  o.k = inst.p;
  o.exact = exact;
  if (exact) o.time_limit_s = time_limit_s();
  planner::SitingSolution s;
  for (auto _ : state) {
    s = planner::solve_siting(problem, o);
    benchmark::DoNotOptimize(s.sites.data());
  }
  state.counters["n"] = inst.vertices;
  state.counters["p"] = inst.p;
  state.counters["optimum"] = optimum;
  state.counters["objective"] = s.objective;
  state.counters["bound"] = s.bound;
  state.counters["excess_pct"] = 100.0 * (s.objective - optimum) / optimum;
  state.counters["gap_pct"] = 100.0 * s.gap;
  state.counters["proven"] = s.optimal ? 1 : 0;
  state.counters["seconds"] = s.seconds;
}

void BM_PmedExact(benchmark::State& state) {
  run_pmed(state, true);
}
BENCHMARK(BM_PmedExact)->DenseRange(1, 20)->Iterations(1)->Unit(benchmark::kSecond);

/// The heuristic (no --exact) on the same instances.
void BM_PmedHeuristic(benchmark::State& state) {
  run_pmed(state, false);
}
BENCHMARK(BM_PmedHeuristic)->DenseRange(1, 20)->Iterations(1)->Unit(benchmark::kSecond);

struct Malta {
  planner::Network network;
  planner::Inputs inputs;
  planner::NetworkSitingParams params;
  planner::NetworkSiting prepared;  ///< MCLP/LSCP reach: pairs within 15 minutes
};

const Malta& malta() {
  static const Malta m = [] {
    Malta out;
    io::OsmExtract extract = io::read_osm(shared_data() + "/osm-malta/malta-2016-11.osm.pbf");
    out.inputs.roads = std::move(extract.roads);
    out.inputs.blocks = std::move(extract.blocks);
    out.inputs.centers = std::move(extract.centers);
    io::measure_lonlat(out.inputs.roads, io::LengthModel::ellipsoid);
    io::project_inputs(out.inputs, io::choose_run_crs("", out.inputs));
    out.network = planner::build_network(out.inputs.roads);
    out.params.siting.model = planner::SitingModel::mclp;
    out.params.siting.k = 10;
    out.params.siting.time_limit_s = time_limit_s();
    out.params.all_vertices = true;
    out.prepared = planner::prepare_siting(out.network, out.inputs, {}, {}, out.params);
    return out;
  }();
  return m;
}

void BM_MaltaPrepare(benchmark::State& state) {
  const Malta& m = malta();
  planner::NetworkSiting run;
  for (auto _ : state) {
    run = planner::prepare_siting(m.network, m.inputs, {}, {}, m.params);
    benchmark::DoNotOptimize(run.candidates.data());
  }
  state.counters["vertices"] = static_cast<double>(m.network.edges.vertex_count());
  state.counters["blocks"] = static_cast<double>(m.inputs.blocks.size());
  state.counters["existing"] = static_cast<double>(m.inputs.centers.size());
  state.counters["candidates"] = static_cast<double>(run.candidates.size());
  state.counters["pairs"] = static_cast<double>(run.entries);
  state.counters["from_blocks"] = run.from_demand_side ? 1 : 0;
}
BENCHMARK(BM_MaltaPrepare)->Iterations(1)->Unit(benchmark::kMillisecond);

/// The structure alone, from the candidates (arg 0) or from the blocks (arg 1).
void BM_MaltaBuildStructure(benchmark::State& state) {
  const Malta& m = malta();
  const planner::NetworkSiting& run = m.prepared;
  std::vector<char> needed(m.inputs.blocks.size());
  for (std::size_t b = 0; b < needed.size(); ++b) {
    needed[b] = run.base.blocks[b].status != planner::CoverStatus::covered;
  }
  const planner::WalkTimes walk(m.network, m.params.evaluation.speed_mps());
  planner::CoverageBuildOptions o;
  o.limit_s = o.cover_s = run.cover_s;
  o.side = state.range(0) ? planner::CoverageBuildOptions::Side::demand
                          : planner::CoverageBuildOptions::Side::candidates;
  planner::CoverageBuild built;
  for (auto _ : state) {
    built = planner::build_coverage(m.network, walk, run.base.sites, run.candidate_snap, needed, o);
    benchmark::DoNotOptimize(built.entries.data());
  }
  state.counters["searches"] = static_cast<double>(built.searches);
  state.counters["pairs"] = static_cast<double>(built.entries.size());
}
BENCHMARK(BM_MaltaBuildStructure)->Arg(0)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond);

/// arg 0: model (0 mclp, 1 lscp); arg 1: exact; arg 2: k (mclp).
void BM_MaltaSolve(benchmark::State& state) {
  const Malta& m = malta();
  planner::SitingOptions o = m.params.siting;
  o.model = state.range(0) == 0 ? planner::SitingModel::mclp : planner::SitingModel::lscp;
  o.exact = state.range(1) != 0;
  o.k = static_cast<std::uint32_t>(state.range(2));
  planner::NetworkSiting run = m.prepared;
  for (auto _ : state) {
    planner::solve_prepared(run, o);
    benchmark::DoNotOptimize(run.solution.sites.data());
  }
  state.counters["objective"] = run.solution.objective;
  state.counters["bound"] = run.solution.bound;
  state.counters["gap_pct"] = 100.0 * run.solution.gap;
  state.counters["sites"] = static_cast<double>(run.solution.sites.size());
  state.counters["covered_share"] = run.solution.covered_weight / run.problem.total_weight();
  state.counters["uncoverable"] = run.solution.uncoverable_weight;
}
BENCHMARK(BM_MaltaSolve)
    ->Args({0, 0, 10})
    ->Args({0, 1, 10})
    ->Args({0, 0, 40})
    ->Args({0, 1, 40})
    ->Args({1, 0, 0})
    ->Args({1, 1, 0})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
