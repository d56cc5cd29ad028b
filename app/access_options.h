// The accessibility options of `evaluate` (docs/accessibility.md): --access, --access-minutes and
// --access-steps, parsed into the engine's AccessParams.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "planner/coverage/access_params.h"

namespace app {

struct AccessOptions {
  std::vector<std::string> methods;  ///< --access words, in the order given
  double minutes = 0.0;              ///< --access-minutes; 0: the cover threshold
  std::string steps;                 ///< --access-steps, e.g. "5:1,10:0.68,15:0.22"
};

void add_access_options(CLI::App& cmd, AccessOptions& options);

/// The parameters asked for, or nullopt without --access; checked where they enter, so a bad
/// value is a usage error (exit 2): a malformed --access-steps, or what
/// planner::validate(AccessParams) refuses with the run's cover threshold as the default t0.
std::optional<planner::AccessParams> access_params(const AccessOptions& options,
                                                   double cover_minutes);

}  // namespace app
