// --out, --format, --overwrite: where and how results are written (io/run/output_files.h).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "io/run/output_files.h"

namespace app {

using io::OutputOptions;

void add_output_options(CLI::App& command, OutputOptions& options, const std::string& example);

/// Before a command runs: --out's extension settles --format (io/run/output_format.h), with a
/// note on stderr when a folder format drops the extension. Throws UsageError on a contradiction.
void settle_output(OutputOptions& options);

}  // namespace app
