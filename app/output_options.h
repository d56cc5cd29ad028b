// --out, --format, --overwrite: where and how results are written (io/run/output_files.h).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "io/run/output_files.h"

namespace app {

using io::OutputOptions;

void add_output_options(CLI::App& command, OutputOptions& options, const std::string& example);

}  // namespace app
