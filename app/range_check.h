// CLI11 checks for the allowed ranges of planner/parameters.h: a value out of range is refused
// where it enters, with the one wording the scenario reader uses too ("speed-kmh must be greater
// than 0 and less than 50 km/h (got 60)"), as a usage error.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "planner/parameters.h"

namespace app {

/// A CLI11 check of one number (of each, for a list option) against `range`. A value that is
/// not a number is left to the option's own conversion error.
inline CLI::Validator in_range(const planner::Range& range) {
  return CLI::Validator(
      [range](std::string& input) -> std::string {
        double value = 0.0;
        if (!CLI::detail::lexical_cast(input, value)) return {};
        return planner::range_error(range, value);
      },
      "");
}

}  // namespace app
