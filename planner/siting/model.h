// What a siting run asks (model, k, threshold, exact or fast) and what it answers (the chosen
// sites in rank order, the objective, a proven bound and the gap between them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

enum class SitingModel {
  lscp,      ///< fewest (cheapest) new sites covering every coverable demand
  mclp,      ///< k new sites maximising the covered weight
  pmedian,   ///< k new sites minimising the total weighted cost
  pcenter,   ///< k new sites minimising the worst cost
  cmclp,     ///< k new sites maximising the weight served within the threshold and capacities
  cpmedian,  ///< k new sites minimising the total weighted cost under capacities
};

/// "lscp" | "mclp" | "pmedian" | "pcenter" | "cmclp" | "cpmedian".
std::string_view to_string(SitingModel model);
std::optional<SitingModel> parse_siting_model(std::string_view name);

/// cmclp and cpmedian: each open site serves at most its capacity (SitingProblem::capacity).
bool capacitated(SitingModel model);

struct SitingOptions {
  SitingModel model = SitingModel::mclp;
  std::uint32_t k = 1;  ///< new sites (mclp, pmedian, pcenter); ignored by lscp
  /// Coverage threshold in the problem's cost unit: a demand is covered when some open site or
  /// fixed facility is at most this far. Needed by lscp and mclp; for pmedian and pcenter it only
  /// feeds the covered figures (nullopt: none reported).
  std::optional<double> cover_cost;
  bool exact = false;          ///< CBC under time_limit_s, else heuristic with a bound
  double time_limit_s = 60.0;  ///< for the exact solve (all of it, curve included)
  std::uint32_t curve_k = 0;   ///< coverage curve for k = 1..curve_k (0: none)
  /// cpmedian: a demand may be split between sites (else each is served whole by one site, or
  /// not at all). cmclp always splits.
  bool split_demand = false;
};

/// Throws InvalidValue naming the option when the options do not fit the model.
void validate(const SitingOptions& options);

/// One chosen site in rank order: each site's gain is measured with the sites ranked before it
/// (and the fixed facilities) already open, so the first site is the one that buys most.
struct RankedSite {
  std::uint32_t candidate = 0;
  double gain = 0.0;      ///< objective improvement in the model's unit (>= 0)
  double cum_gain = 0.0;  ///< sum of gains up to this rank
  double covered = 0.0;   ///< covered weight with the sites up to this rank (if threshold)
  std::uint32_t covered_count = 0;
  double assigned = 0.0;  ///< capacitated models: the weight this site serves in the answer
};

/// Capacitated models: the weight `amount` of demand `demand` served by candidate `candidate`.
struct Assignment {
  std::uint32_t demand = 0;
  std::uint32_t candidate = 0;
  double amount = 0.0;
};

/// One point of the coverage curve: k new sites and the weight they cover.
struct CurvePoint {
  std::uint32_t k = 0;
  double greedy_weight = 0.0;  ///< nested greedy: the first k sites of one greedy order
  double best_weight = 0.0;    ///< best known k-site answer (heuristic+swap, or CBC with exact)
  double bound_weight = 0.0;   ///< no k sites cover more than this
};

struct SitingSolution {
  SitingModel model = SitingModel::mclp;
  std::vector<RankedSite> sites;  ///< rank order
  double objective = 0.0;         ///< lscp: total site cost; mclp: covered weight (fixed included);
                                  ///< pmedian: sum of weight x cost; pcenter: the worst cost
  double bound = 0.0;             ///< proven bound on the optimum (lower; upper for mclp)
  double gap = 0.0;               ///< |objective - bound| / |objective|; 0 when proven optimal
  bool optimal = false;
  std::string method;  ///< e.g. "greedy+swap, lagrangian bound", "cbc"
  double seconds = 0.0;

  // Coverage at the threshold (when one is given), fixed facilities included.
  bool has_coverage = false;
  double covered_weight = 0.0;
  std::uint32_t covered_count = 0;
  double fixed_weight = 0.0;  ///< covered by fixed facilities alone
  std::uint32_t fixed_count = 0;
  /// Demands no candidate nor fixed facility can cover within the threshold (lscp reports them).
  double uncoverable_weight = 0.0;
  std::uint32_t uncoverable_count = 0;

  /// Demands nothing reaches at all (no pair, no fixed facility): left out of every objective.
  double unreachable_weight = 0.0;
  std::uint32_t unreachable_count = 0;

  std::vector<CurvePoint> curve;

  // Capacitated models (cmclp, cpmedian) only.
  /// Who serves whom: every open site, the always-open existing ones included; by (candidate,
  /// demand).
  std::vector<Assignment> assignment{};
  /// The existing centers kept open (SitingProblem::always_open), in candidate order, with the
  /// weight each serves (RankedSite::candidate and ::assigned; gain 0).
  std::vector<RankedSite> open_existing{};
  double served_weight{};  ///< weight served within capacity (cmclp: also within the threshold)
  /// Weight some open site reaches (cmclp: within the threshold) that no capacity is left to
  /// serve: the shortfall. cpmedian charges it the unreached cost.
  double unassigned_weight{};
  std::uint32_t unassigned_count{};  ///< demands with some of their weight unassigned
  double total_capacity{};           ///< of the open sites, existing ones included
};

/// Relative gap as reported: |objective - bound| / |objective| (0 when both are 0).
double relative_gap(double objective, double bound);

}  // namespace planner
