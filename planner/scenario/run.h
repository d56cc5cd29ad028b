// The in-memory run core: one loaded city (inputs already in the run CRS) and its network in,
// the figures out. `evaluate` runs one evaluation; a scenario runs the base and every variant
// (its edits applied to the loaded data, docs/scenarios.md) and compares each with the base.
// No files, no printing: the file-level driver is io/run/, the command app/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planner/areas/service_areas.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/network/network.h"
#include "planner/scenario/comparison.h"
#include "planner/scenario/edits.h"
#include "planner/siting/fewer_sites.h"
#include "planner/siting/model.h"

namespace planner {

/// Called before each big stage with its name and an estimate of the memory it adds, so a
/// caller can time stages and stop before one that would not fit. May be empty.
using StageHook = std::function<void(const std::string& stage, std::uint64_t estimate_bytes)>;

/// What one evaluation of a network gives: the coverage figures, the network's health report
/// (with the snapping findings) and the service areas.
struct EvaluationRun {
  Evaluation ev;
  NetworkDiagnostics diagnostics;
  ServiceAreas areas;
};

/// What stays the same for every evaluation of one network with one set of blocks: the blocks
/// snapped to it and its health report (before the centers' findings). A scenario builds it once
/// from the base and hands it to every variant that keeps the base network.
struct NetworkReuse {
  EvaluationParams params;       ///< the snapping options the sites were built with
  std::vector<BlockSite> sites;  ///< block_sites_for(network, inputs, params)
  DiagnosticsParams diagnostics_params;
  NetworkDiagnostics diagnostics;  ///< diagnose_network(network, diagnostics_params)
};

/// Builds the reusable part for this network, these inputs' blocks and these options.
NetworkReuse prepare_reuse(const Network& network, const Inputs& inputs,
                           const EvaluationParams& params, const DiagnosticsParams& diagnostics);

/// Evaluates, diagnoses and builds the service areas, in that order, calling `hook` before each
/// of the stages "evaluate", "diagnostics" and "service areas". With `reuse` (built by
/// prepare_reuse for this very network and blocks), its sites are used when the snapping
/// options match and its network diagnostics when the diagnostics options do.
EvaluationRun run_evaluation(const Network& network, const Inputs& inputs,
                             const EvaluationParams& params, const ServiceAreaParams& areas,
                             const DiagnosticsParams& diagnostics, const StageHook& hook = {},
                             const NetworkReuse* reuse = nullptr);

/// Service-area parameters with the run's bands, speed and threads.
ServiceAreaParams area_params_for(ServiceAreaParams areas, const EvaluationParams& params);

/// A `site` edit: k new centers chosen on the variant's network.
struct SiteRequest {
  SitingModel model = SitingModel::mclp;
  std::uint32_t k = 1;
  std::string tier;  ///< the tier value the new centers carry (e.g. 站点); may be empty
};

/// What a `site` edit chose, so that fewer sites than k come with the reason (fewer_sites.h).
struct SitedOutcome {
  std::uint32_t k = 0;
  std::size_t sites = 0;       ///< new sites chosen
  std::size_t candidates = 0;  ///< candidate sites generated on the variant's network
  FewerSites fewer = FewerSites::none;
  double cover_s = 0.0;  ///< the cover threshold the sites were chosen for
};

/// One variant with its edits resolved: every coordinate in the run CRS, every id checked.
struct VariantSpec {
  std::string name;
  EvaluationParams params;
  ServiceAreaParams areas;  ///< bands, overlap, hull, buffer...; minutes/speed/threads from params
  CenterEdits centers;
  NetworkEdits network;
  std::optional<SiteRequest> site;
};

/// One evaluated variant (or the base).
struct VariantRun {
  std::string name;
  EvaluationParams params;
  ServiceAreaParams areas;
  Inputs inputs;                  ///< roads left empty: the evaluation reads the network instead
  std::optional<Network> edited;  ///< the variant's own network; empty: the base network
  std::size_t network_edges = 0;  ///< of the network it was evaluated on
  EvaluationRun run;
  ResultSnapshot snapshot;

  /// Frees what only writing the variant needs (service areas, diagnostics, its network),
  /// keeping the figures and the snapshot the comparisons and the summary read.
  std::optional<SitedOutcome> sited{};  ///< with a `site` edit

  void drop_written_parts() {
    run.areas = {};
    run.diagnostics = {};
    edited.reset();
  }

  const Network& network(const Network& base) const { return edited ? *edited : base; }
};

/// The base and its variants over one loaded city.
class ScenarioCore {
 public:
  /// `roads` are the lines `base` was cut from (network edits index them); `shared` are the
  /// other inputs (its roads are not used).
  ScenarioCore(const Network& base, const std::vector<RoadLine>& roads, Inputs shared);

  /// The variant's network when its edits change the base one. Throws what edit_edges throws
  /// (a footpath that cannot be joined...).
  std::optional<Network> edited_network(const NetworkEdits& edits) const;

  /// The centers a `site` edit adds, named site-1, site-2... in rank order.
  /// `outcome`, when given, receives how many were chosen and why fewer than k.
  std::vector<Center> sited_centers(const Network& network, const Inputs& inputs,
                                    const EvaluationParams& params, const SiteRequest& site,
                                    SitedOutcome* outcome = nullptr) const;

  /// Snaps the blocks to the base network and diagnoses it once, for every variant evaluated
  /// after this that keeps the base network (and these snapping options): only centers, speed,
  /// thresholds or areas change. A variant with road edits builds its own.
  void prepare(const EvaluationParams& base_params);

  /// Evaluates one variant: edits applied, sites chosen, then run_evaluation with the default
  /// diagnostics (so base results equal evaluate's). `hook` is called with "edit", "site" and
  /// "evaluate" (estimates 0).
  VariantRun evaluate(const VariantSpec& spec, const StageHook& hook = {}) const;

  const Network& base_network() const { return m_base; }

 private:
  const Network& m_base;
  const std::vector<RoadLine>& m_roads;
  Inputs m_shared;
  std::optional<NetworkReuse> m_reuse;  ///< of m_base, once prepare() has run
};

/// Each variant compared with the base: comparisons[i] is snapshots[i + 1] against snapshots[0].
std::vector<Comparison> compare_with_base(const std::vector<const ResultSnapshot*>& snapshots);

}  // namespace planner
