// The one mapping from what a run throws to the exit code and the message: 0 success, 1 bad
// input (or over --max-memory), 2 usage error, 3 internal error, 130/143 interrupted by
// SIGINT/SIGTERM (docs/errors.md, docs/interrupts-and-limits.md). main() and `batch` (which
// turns a failed scenario into a row) both use it.
#pragma once

#include <exception>
#include <string>

namespace app {

struct Failure {
  int exit_code = 3;
  std::string label;  ///< "error", "usage error", "internal error", or "" (an interruption)
  std::string what;   ///< the message itself
};

/// What the exception means for the user.
Failure failure_of(std::exception_ptr error);

/// Prints "circleplan: <label>: <what>" to stderr and returns the exit code.
int report_failure(std::exception_ptr error);

}  // namespace app
