// Warnings for what matched nothing: ids, classes and counts a planner gave that no feature
// carries. Each changes the result to "nothing" while looking like a result (every community
// with 0 blocks, "22 of 22 blocks changed", a speed factor that slows no road, 2 sites for
// --k 3), so each is said on stderr with the values at fault and what to set
// (docs/errors.md §5). The counts come from planner/; the files and fields named here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/run/load_inputs.h"
#include "io/run/run_errors.h"
#include "planner/coverage/evaluation.h"
#include "planner/inputs.h"
#include "planner/scenario/comparison.h"
#include "planner/siting/fewer_sites.h"

namespace io {

/// Field options given for a layer that is not read, so they pick nothing: --tier-field with
/// the centers from an OSM extract, --community-id-field without --communities... (a field
/// option naming a field the layer lacks is an error at the read).
void warn_unread_field_options(const InputOptions& options, const LoadedInputs& loaded,
                               const WarningSink& sink);

/// Blocks whose community (grid, subdistrict) field names a unit that is not among the
/// boundaries' ids, when boundaries were given: how many, the first names, and the fields to
/// set. `prefix` goes before each message (a scenario's "<name>: base: ").
void warn_unmatched_units(const LoadedInputs& loaded, const planner::Evaluation& ev,
                          const WarningSink& sink, const std::string& prefix = "");

/// A compare (or scenario comparison) whose sides share fewer than half their blocks: the ids
/// most likely differ. Empty when enough blocks are in common.
std::string few_common_blocks_text(const planner::Comparison& comparison, const std::string& before,
                                   const std::string& after);

/// speed-factor classes of a variant that no road carries, with the classes the roads do have.
/// Empty when every class is found.
std::string unknown_speed_classes_text(const std::vector<planner::RoadLine>& roads,
                                       const std::vector<std::string>& classes);

/// What a run asked for and how it fared, to say why fewer sites than --k came back.
struct FewerSitesFacts {
  planner::FewerSites reason = planner::FewerSites::none;
  std::string k_option = "--k";  ///< how the run was asked: "--k", or a scenario's "site k ="
  std::uint32_t k = 0;
  std::size_t sites = 0;        ///< new sites proposed
  std::size_t candidates = 0;   ///< new candidate sites there were
  std::string threshold;        ///< "15 minutes", "--max-cost 900"; empty: none
  std::string candidates_hint;  ///< how to get more candidates, e.g. "--candidates or ..."
};

/// "--k 3: 2 new sites proposed, not 3: ..."; empty when reason is none.
std::string fewer_sites_text(const FewerSitesFacts& facts);

/// "%g minutes" of a cover threshold in seconds, as the warnings say it.
std::string minutes_text(double seconds);

}  // namespace io
