// `circleplan run SCENARIO.toml --out DIR`: the base and every variant of a scenario file. Its
// options are registered apart from what runs them, so the Python module's circleplan.run parses
// its keywords with them.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "app/command.h"
#include "io/run/scenario_run.h"

namespace app {

/// run's options as CLI11 fills them.
struct RunCli {
  std::string scenario;
  io::ScenarioRunOptions options;
  std::string max_memory;
};

/// Adds the run subcommand and its options, filling `cli` when parsed; runs nothing.
CLI::App* add_run_options(CLI::App& root, RunCli& cli);

Command register_run(CLI::App& root);

}  // namespace app
