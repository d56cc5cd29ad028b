// Siting on the walking network, end to end (DESIGN.md §8): evaluate the existing centers,
// take or generate candidates, build the candidate x block structure, solve the model, rank the
// sites and say which blocks each one newly covers. Coverage is evaluate's rule (§7), so
// opening the chosen sites as centers and re-running evaluate gives the same covered figures.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "planner/coverage/evaluation.h"
#include "planner/siting/candidates.h"
#include "planner/siting/demand_weight.h"
#include "planner/siting/model.h"
#include "planner/siting/problem.h"

namespace planner {

struct NetworkSitingParams {
  EvaluationParams evaluation;  ///< speed, cover threshold, snapping, search limit, threads
  SitingOptions siting;         ///< model, k, exact, time limit, curve (cover_cost is set here)
  double candidate_spacing_m = 100.0;
  /// Generate candidates at every network vertex (thinned), not only near uncovered blocks.
  bool all_vertices = false;
  /// Existing centers become candidates too (and are no longer kept open): "where should the
  /// k stations be", rather than "where do k more go".
  bool existing_removable = false;
  /// What a block weighs (--demand-weight): population by default; requests or both need
  /// demand.requests per block (from --demand-points).
  SitingDemand demand{};
  /// cmclp, cpmedian: the capacity of every candidate and existing center without its own
  /// value (--site-capacity); nullopt: each must have one.
  std::optional<double> site_capacity{};
  /// Keep candidates that can only snap to a small island of the network (--island-sites);
  /// by default they are left out: a station there serves a gap in the road data, not people.
  bool island_sites = false;
};

/// A block a new site brings within the threshold, with the site evaluate would name for it.
struct SiteBlock {
  std::uint32_t rank = 0;  ///< index into solution.sites
  std::uint32_t block = 0;
  double time_s = 0.0;
  /// cmclp, cpmedian: the weight of the block this site serves (site_blocks lists the
  /// assignment to new sites then, not the newly covered blocks).
  double assigned{};
};

struct NetworkSiting {
  Evaluation base;                        ///< the existing centers alone (none when removable)
  std::vector<SiteCandidate> candidates;  ///< what the model chose from (solution indexes it)
  std::vector<std::optional<EdgePosition>> candidate_snap;  ///< nullopt: beyond --max-snap
  std::uint32_t unsnapped_candidates = 0;
  /// Candidates left out because they could only snap to a small island (not counted in
  /// unsnapped_candidates; kept with params.island_sites).
  std::uint32_t island_candidates = 0;
  bool generated = false;                       ///< candidates were generated on the network
  bool weights_are_population = false;          ///< else every block weighs 1 (block counts)
  std::uint32_t blocks_without_population = 0;  ///< weight 0 when others have population
  std::vector<double> weights;                  ///< per block
  double cover_s = 0.0;                         ///< the cover threshold in seconds
  SitingProblem problem;                        ///< demands are the blocks, costs in seconds
  SitingSolution solution;                      ///< costs in seconds; curve weights like `weights`
  std::vector<SiteBlock> site_blocks;
  std::size_t entries = 0;  ///< candidate x block pairs stored
  std::size_t searches = 0;
  bool from_demand_side = false;
  double build_s = 0.0;  ///< time to build the structure
  double solve_s = 0.0;
  /// What `weights` are (--demand-weight); with population, weights_are_population says
  /// whether they are people or block counts.
  DemandWeight weight_kind{};
};

/// prepare_siting() then solve_prepared(params.siting).
NetworkSiting site_on_network(const Network& network, const Inputs& inputs,
                              const std::vector<SiteCandidate>& given,
                              const std::vector<MultiPolygon>& allowed,
                              const NetworkSitingParams& params);

/// Everything before the solve: the base evaluation, the candidates (`given`, or generated when
/// empty; kept to `allowed` land when polygons are given) and the problem. Its pairs reach to
/// the cover threshold for lscp and mclp, to the search limit for pmedian and pcenter (which
/// also charge an unreached block the search limit). Throws InvalidValue for
/// parameters out of range.
///
/// cmclp and cpmedian (capacities): the existing centers come first among the candidates,
/// marked `existing` and always open (unless existing_removable: then plain candidates), with
/// their pairs to every block, since a covered block may find its center full; generated
/// candidates are sought near every block for the same reason. Each candidate and existing
/// center takes its capacity, else params.site_capacity; without either, InvalidValue naming
/// it.
NetworkSiting prepare_siting(const Network& network, const Inputs& inputs,
                             const std::vector<SiteCandidate>& given,
                             const std::vector<MultiPolygon>& allowed,
                             const NetworkSitingParams& params);

/// Solves a prepared run (any model the problem's reach allows; the cover threshold is the
/// run's) and fills solution, site_blocks and solve_s.
void solve_prepared(NetworkSiting& run, SitingOptions options);

}  // namespace planner
