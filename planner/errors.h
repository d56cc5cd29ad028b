// The two kinds of error the engine raises, so callers map them to exit codes (or Python
// exceptions) in one place: a value the user gave that is out of range (exit 1 in app/) and a
// broken invariant of data circleplan built itself (exit 3, "please report it").
#pragma once

#include <stdexcept>

namespace planner {

/// A user-supplied value or combination of values the engine cannot work with (a parameter out
/// of range, a footpath that cannot be joined, edits that leave no walkable edge). The message
/// names the option or key and what is allowed. Derives from std::invalid_argument so callers
/// that catch that keep working.
class InvalidValue : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Thrown by consistency checks on our own data (sizes that must agree, indices in range, options
/// already checked where they entered). Not an InvalidValue, so app/ does not call it bad input.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

}  // namespace planner
