// A broken invariant of data circleplan built itself, not a mistake in the user's input: exit
// code 3 ("internal error: ... please report it") in app/, where std::invalid_argument (bad
// input or option values) is exit 1.
#pragma once

#include <stdexcept>

namespace planner {

/// Thrown by consistency checks on our own data (sizes that must agree, indices in range, options
/// validate() has already checked). Not a std::invalid_argument, so app/ does not call it bad
/// input.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

}  // namespace planner
