// What an accessibility run asks for (issue #13, docs/accessibility.md): the floating-catchment
// methods, the catchment t0 and E2SFCA's step weights, each with its command-line word and the
// one check of their values. The formulas themselves are in access_scores.h.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "planner/parameters.h"

namespace planner {

/// The two-step floating catchment area family (2SFCA): how a walk of t minutes is weighted.
enum class AccessMethod {
  two_step,  ///< "2sfca": W = 1 within t0 (Luo & Wang 2003)
  enhanced,  ///< "e2sfca": step weights (Luo & Qi 2009)
  gaussian,  ///< "g2sfca": a Gaussian decay reaching 0 at t0
  balanced,  ///< "bfca": binary catchment, demand and supply split once (Paez et al. 2019)
};

/// "2sfca" | "e2sfca" | "g2sfca" | "bfca": the word of --access and of the scenario key.
std::string_view to_string(AccessMethod method);

/// The method a word names, or nullopt for any other word (exact, lower case).
std::optional<AccessMethod> access_method_of(std::string_view word);

/// The blocks' output field of a method: "acc_2sfca" | "acc_e2sfca" | "acc_g2sfca" | "acc_bfca"
/// (within Shapefile's 10 characters).
std::string_view field_name(AccessMethod method);

/// One E2SFCA step: a walk of at most upper_minutes (inclusive) weighs `weight`, unless an
/// earlier step already took it.
struct AccessStep {
  double upper_minutes = 0.0;
  double weight = 0.0;
};

struct AccessParams {
  std::vector<AccessMethod> methods;  ///< the first one ranks blocks and loads centers
  double t0_minutes = 0.0;            ///< the catchment; 0: the cover threshold
  std::vector<AccessStep> steps;      ///< E2SFCA's steps; empty: default_steps(t0)
};

/// --access-minutes: the catchment t0, as --cover-minutes is bounded.
inline constexpr Range access_minutes_range{"access-minutes", 0.0, 600.0, true, false, "minutes"};

/// t0/3 weighs 1, 2t0/3 weighs 0.68, t0 weighs 0.22: PySAL's {10: 1, 20: 0.68, 30: 0.22}
/// (Luo & Qi 2009) scaled to t0, so t0 = 15 gives 5:1, 10:0.68, 15:0.22.
std::vector<AccessStep> default_steps(double t0_minutes);

/// The catchment actually used: params.t0_minutes, or the cover threshold when that is 0.
double resolved_t0_minutes(const AccessParams& params, double cover_minutes);

/// The steps actually used: params.steps, or default_steps(t0) when empty.
std::vector<AccessStep> resolved_steps(const AccessParams& params, double t0_minutes);

/// "5:1,10:0.68,15:0.22" (MINUTES:WEIGHT items, as --access-steps and the scenario key
/// access-steps write them) as steps; validate() checks their order and ranges. Throws
/// InvalidValue naming the malformed item.
std::vector<AccessStep> parse_access_steps(std::string_view text);

/// Throws InvalidValue naming the option (--access, --access-minutes, --access-steps) when the
/// methods are empty or repeated, t0 (already resolved) is outside (0, 600] minutes, or the steps
/// are not strictly ascending with weights in (0, 1] and the last bound equal to t0.
void validate(const AccessParams& params, double t0_minutes);

}  // namespace planner
