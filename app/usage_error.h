// A command line that cannot run as given (missing required option, value out of range):
// exit code 2, like a parse error, rather than 1 for bad data. The type is io/run's, so the run
// driver and the command raise the same one.
#pragma once

#include "io/run/run_errors.h"

namespace app {

using io::UsageError;

}  // namespace app
