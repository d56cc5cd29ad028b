// A command line that cannot run as given (missing required option, value out of range):
// exit code 2, like a parse error, rather than 1 for bad data.
#pragma once

#include <stdexcept>

namespace app {

class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace app
