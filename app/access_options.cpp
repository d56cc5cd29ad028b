#include "app/access_options.h"

#include <string>

#include "app/range_check.h"
#include "app/usage_error.h"
#include "planner/errors.h"

namespace app {

void add_access_options(CLI::App& cmd, AccessOptions& o) {
  cmd.add_option("--access", o.methods,
                 "accessibility scores per block and load per center, one or several of 2sfca, "
                 "e2sfca, g2sfca, bfca (needs center capacities: --capacity-field; "
                 "docs/accessibility.md)")
      ->delimiter(',')
      ->check(CLI::IsMember({"2sfca", "e2sfca", "g2sfca", "bfca"}));
  cmd.add_option("--access-minutes", o.minutes,
                 "catchment of --access in minutes (default: the cover threshold)")
      ->check(in_range(planner::access_minutes_range));
  cmd.add_option("--access-steps", o.steps,
                 "E2SFCA step weights MINUTES:WEIGHT,... with the last bound equal to the "
                 "catchment (default for 15 minutes: 5:1,10:0.68,15:0.22)");
}

std::optional<planner::AccessParams> access_params(const AccessOptions& o, double cover_minutes) {
  if (o.methods.empty()) {
    if (!o.steps.empty() || o.minutes > 0.0) {
      throw UsageError("--access-minutes and --access-steps need --access, e.g. --access e2sfca");
    }
    return std::nullopt;
  }
  planner::AccessParams p;
  for (const std::string& word : o.methods) p.methods.push_back(*planner::access_method_of(word));
  p.t0_minutes = o.minutes;
  try {
    p.steps = planner::parse_access_steps(o.steps);
  } catch (const planner::InvalidValue& e) {
    throw UsageError(std::string("--access-steps: ") + e.what());
  }
  try {
    planner::validate(p, planner::resolved_t0_minutes(p, cover_minutes));
  } catch (const planner::InvalidValue& e) {
    throw UsageError(e.what());
  }
  return p;
}

}  // namespace app
