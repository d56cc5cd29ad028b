#include "planner/siting/network.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "planner/errors.h"
#include "planner/network/islands.h"
#include "planner/siting/coverage_build.h"
#include "planner/siting/solve.h"

namespace planner {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

bool covering(SitingModel m) {
  return m == SitingModel::lscp || m == SitingModel::mclp || m == SitingModel::cmclp;
}

// --- Capacitated models (cmclp, cpmedian): capacity plumbing --------------------------------

struct SiteCapacities {
  std::vector<double> capacity;
  std::vector<char> open;
};

/// Each candidate's capacity (its own, else --site-capacity), and which are kept open (the
/// existing centers, unless removable). Throws InvalidValue naming a site without one.
SiteCapacities site_capacities(const NetworkSiting& run, const NetworkSitingParams& params) {
  std::vector<double> capacity(run.candidates.size());
  std::vector<char> open(run.candidates.size(), 0);
  for (std::size_t c = 0; c < run.candidates.size(); ++c) {
    const SiteCandidate& s = run.candidates[c];
    const std::optional<double> v = s.capacity ? s.capacity : params.site_capacity;
    if (!v) {
      throw InvalidValue(
          s.existing ? "existing center '" + s.id +
                           "' has no capacity: give it one (--capacity-field), or give "
                           "--site-capacity for every site without one"
                     : "candidate '" + s.id +
                           "' has no capacity: give --site-capacity-field, or --site-capacity "
                           "for every site without one");
    }
    if (!(std::isfinite(*v) && *v >= 0.0)) {
      throw InvalidValue(std::string(s.existing ? "existing center '" : "candidate '") + s.id +
                         "': capacity must be a number at least 0");
    }
    capacity[c] = *v;
    open[c] = s.existing && !params.existing_removable ? 1 : 0;
  }
  return {std::move(capacity), std::move(open)};
}

/// The assignment to the new sites, ranked, as site_blocks.
std::vector<SiteBlock> capacitated_site_blocks(const NetworkSiting& run,
                                               const std::vector<std::uint32_t>& rank_of) {
  std::vector<SiteBlock> out;
  for (const Assignment& a : run.solution.assignment) {
    const std::uint32_t r = rank_of[a.candidate];
    if (r == invalid_id) continue;  // an existing center
    const auto cands = run.problem.candidates_of(a.demand);
    const auto costs = run.problem.costs_to(a.demand);
    double t = inf_time;
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (cands[i] == a.candidate) t = costs[i];
    }
    out.push_back({r, a.demand, t, a.amount});
  }
  std::sort(out.begin(), out.end(), [](const SiteBlock& a, const SiteBlock& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.block < b.block;
  });
  return out;
}

}  // namespace

NetworkSiting prepare_siting(const Network& network, const Inputs& inputs,
                             const std::vector<SiteCandidate>& given,
                             const std::vector<MultiPolygon>& allowed,
                             const NetworkSitingParams& params) {
  validate(params.evaluation);
  if (!(params.candidate_spacing_m >= 0.0)) {
    throw InvalidValue("--candidate-spacing must be >= 0 metres");
  }
  const auto started = std::chrono::steady_clock::now();
  NetworkSiting run;
  // One set of walking times for the base evaluation, candidate generation and the searches.
  const WalkTimes walk(network, params.evaluation.speed_mps());
  run.cover_s = params.evaluation.cover_threshold_minutes() * 60.0;

  // The base: evaluate's own rule with the existing centers. Siting needs no cov_share, so
  // each block keeps one sample point (a spacing no block reaches).
  EvaluationParams base_params = params.evaluation;
  base_params.sample_spacing_m = 1e9;
  if (params.existing_removable) {
    Inputs without_centers;
    without_centers.blocks = inputs.blocks;
    without_centers.entrances = inputs.entrances;
    run.base = evaluate(network, walk, without_centers, base_params);
  } else {
    run.base = evaluate(network, walk, inputs, base_params);
  }

  // Weights (demand_weight.h): population when the blocks have it (missing ones weigh 0, as in
  // evaluate's sums), else 1 per block, so every figure is a block count; or the requests, or
  // both.
  BlockWeights weights = siting_weights(inputs.blocks, run.base.has_population, params.demand);
  run.weight_kind = params.demand.kind;
  run.weights_are_population =
      params.demand.kind == DemandWeight::population && !weights.block_counts;
  run.blocks_without_population = weights.blocks_without_population;
  run.weights = std::move(weights.weights);

  const bool with_capacity = capacitated(params.siting.model);
  if (params.existing_removable || with_capacity) {
    for (const Center& c : inputs.centers) {
      run.candidates.push_back({c.id, c.pos, 1.0, true, c.capacity});
    }
  }
  std::vector<SiteCandidate> offered;
  if (given.empty()) {
    run.generated = true;
    CandidateGeneration g{params.candidate_spacing_m, run.cover_s};
    // With capacities a covered block may still need a site: candidates near every block.
    std::vector<BlockCoverage> near = run.base.blocks;
    if (with_capacity) {
      for (BlockCoverage& b : near) {
        if (b.status == CoverStatus::covered) b.status = CoverStatus::uncovered;
      }
    }
    offered = params.all_vertices ? vertex_candidates(network, allowed, params.candidate_spacing_m)
                                  : generate_candidates(network, walk, run.base.sites, near,
                                                        run.weights, allowed, g);
  } else {
    offered = keep_allowed(given, allowed);
  }
  run.candidates.insert(run.candidates.end(), offered.begin(), offered.end());
  // Checked now, before the searches: a missing capacity is refused at once.
  SiteCapacities capacities;
  if (with_capacity) capacities = site_capacities(run, params);

  // Candidates snap exactly as centers do, so their walks are the ones evaluate would see.
  const std::vector<std::uint8_t> on_island =
      small_island_edges(network, params.evaluation.islands);
  SnapIndex snapper(network.edges, on_island);
  run.candidate_snap.reserve(run.candidates.size());
  for (const SiteCandidate& c : run.candidates) {
    run.candidate_snap.push_back(snapper.snap(c.pos, params.evaluation.max_snap_m));
    std::optional<EdgePosition>& snap = run.candidate_snap.back();
    if (!snap) {
      ++run.unsnapped_candidates;
    } else if (on_island[snap->edge] != 0 && !params.island_sites) {
      snap.reset();  // an unsnapped candidate covers nothing: never chosen
      ++run.island_candidates;
    }
  }

  const bool cover_only = covering(params.siting.model);
  const double limit_s =
      cover_only ? run.cover_s : params.evaluation.effective_search_limit_minutes() * 60.0;
  std::vector<char> needed(inputs.blocks.size(), 0);
  for (std::size_t b = 0; b < needed.size(); ++b) {
    needed[b] = !cover_only || with_capacity || run.base.blocks[b].status != CoverStatus::covered;
  }
  CoverageBuildOptions build;
  build.limit_s = limit_s;
  build.cover_s = run.cover_s;
  build.threads = params.evaluation.threads;
  build.cancel = params.evaluation.cancel;
  CoverageBuild built =
      build_coverage(network, walk, run.base.sites, run.candidate_snap, needed, build);
  run.entries = built.entries.size();
  run.searches = built.searches;
  run.from_demand_side = built.from_demand_side;

  std::vector<double> site_cost(run.candidates.size());
  for (std::size_t c = 0; c < site_cost.size(); ++c) site_cost[c] = run.candidates[c].cost;
  std::vector<double> fixed(inputs.blocks.size());
  for (std::size_t b = 0; b < fixed.size(); ++b) fixed[b] = run.base.blocks[b].time_s;
  // With capacities the existing centers are candidates kept open, not fixed facilities.
  if (with_capacity) fixed.assign(fixed.size(), inf_time);
  // Beyond the search limit a walk is unknown but at least that long: charged at the limit.
  run.problem = SitingProblem(run.weights, site_cost, std::move(built.entries), fixed,
                              cover_only ? std::optional<double>() : limit_s);
  if (with_capacity) {
    run.problem.set_capacities(std::move(capacities.capacity), std::move(capacities.open));
  }
  run.build_s = seconds_since(started);
  return run;
}

void solve_prepared(NetworkSiting& run, SitingOptions options) {
  const auto started = std::chrono::steady_clock::now();
  options.cover_cost = run.cover_s;
  run.solution = solve_siting(run.problem, options);

  // Newly covered blocks, each with the new site evaluate would name: the nearest, and on
  // equal times the earlier rank (new centers are appended in rank order).
  std::vector<std::uint32_t> rank_of(run.candidates.size(), invalid_id);
  for (std::uint32_t r = 0; r < run.solution.sites.size(); ++r) {
    rank_of[run.solution.sites[r].candidate] = r;
  }
  run.site_blocks.clear();
  if (capacitated(options.model)) {
    run.site_blocks = capacitated_site_blocks(run, rank_of);
    run.solve_s = seconds_since(started);
    return;
  }
  for (std::uint32_t b = 0; b < run.problem.demand_count(); ++b) {
    if (run.problem.fixed_cost(b) <= run.cover_s) continue;
    const auto cands = run.problem.candidates_of(b);
    const auto costs = run.problem.costs_to(b);
    SiteBlock best{invalid_id, b, inf_time};
    for (std::size_t a = 0; a < cands.size() && costs[a] <= run.cover_s; ++a) {
      const std::uint32_t r = rank_of[cands[a]];
      if (r == invalid_id) continue;
      if (costs[a] < best.time_s || (costs[a] == best.time_s && r < best.rank)) {
        best.rank = r;
        best.time_s = costs[a];
      }
    }
    if (best.rank != invalid_id) run.site_blocks.push_back(best);
  }
  std::stable_sort(run.site_blocks.begin(), run.site_blocks.end(),
                   [](const SiteBlock& a, const SiteBlock& b) { return a.rank < b.rank; });
  run.solve_s = seconds_since(started);
}

NetworkSiting site_on_network(const Network& network, const Inputs& inputs,
                              const std::vector<SiteCandidate>& given,
                              const std::vector<MultiPolygon>& allowed,
                              const NetworkSitingParams& params) {
  NetworkSiting run = prepare_siting(network, inputs, given, allowed, params);
  solve_prepared(run, params.siting);
  return run;
}

}  // namespace planner
