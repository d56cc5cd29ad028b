// The one error io/run/ adds to io/errors.h: a run that cannot start as configured (a required
// input missing, a word no reader knows). The command calls it a usage error (exit 2); a Python
// caller sees a ValueError.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

namespace io {

class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Where a run's warnings go (what a read skipped, centers that serve nobody...): one message
/// without a prefix each. Empty: "circleplan: warning: <message>" on stderr.
using WarningSink = std::function<void(const std::string& message)>;

/// Passes the message to the sink, or prints it to stderr when there is none.
void warn(const WarningSink& sink, const std::string& message);

}  // namespace io
