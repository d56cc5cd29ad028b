// Keywords read as the command line reads its options: the Python package turns a call's
// keywords into an argument list (`speed_kmh=4.5` -> `--speed-kmh=4.5`) and the very CLI11
// options of the command (app/*_command.cpp) parse it, with their defaults, checks and messages.
// No option is declared a second time here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <CLI/CLI.hpp>

#include "wording.h"

namespace pycircleplan {

using Labels = std::map<std::string, std::string>;

/// Parses `args` (the arguments after the command's name) with `command`, a subcommand of
/// `root`. A refused argument raises circleplan.UsageError worded for Python.
void parse_arguments(CLI::App& root, CLI::App& command, const std::vector<std::string>& args,
                     const Wording& wording);

/// _circleplan.options(command): [(keyword, is_flag)] of every long option of the command, and
/// _circleplan.positionals(command): its positional arguments in order.
void bind_command_line(pybind11::module_& m);

}  // namespace pycircleplan
