// Every subcommand of circleplan, registered on one CLI11 app: what main() parses, and what the
// tests that walk the option table (tests/app/numeric_options_test.cpp) and the options fuzz
// target parse, so a new command or option is covered by them without being listed again.
#pragma once

#include <vector>

#include "app/command.h"

namespace app {

/// Registers osm, evaluate, site, compare, run and batch on `root`, in --help order.
std::vector<Command> register_commands(CLI::App& root);

}  // namespace app
