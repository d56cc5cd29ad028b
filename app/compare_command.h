// `circleplan compare`: what changed between two results of `circleplan evaluate`. Its options
// are registered apart from what runs them, and the comparison apart from its printing, so the
// Python module's circleplan.compare runs the same steps.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "app/command.h"
#include "io/run/run_errors.h"
#include "planner/scenario/comparison.h"

namespace app {

/// compare's options as CLI11 fills them.
struct CompareCli {
  std::string before, after, out;
  bool overwrite = false;
};

/// Adds the compare subcommand and its options, filling `cli` when parsed; runs nothing.
CLI::App* add_compare_options(CLI::App& root, CompareCli& cli);

/// Reads both results, compares them and writes changes.gpkg, changes.csv and comparison.json
/// into cli.out; what looks doubtful (other CRSs, few blocks in common) goes to `warn`.
planner::Comparison compare_results(const CompareCli& cli, const io::WarningSink& warn = {});

Command register_compare(CLI::App& root);

}  // namespace app
