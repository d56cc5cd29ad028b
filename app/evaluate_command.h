// `circleplan evaluate`: which residential blocks lie within a walk of a service center. Its
// options are registered apart from what runs them, so the Python module parses a call's keywords
// with the very same options, defaults and checks (python/src/command_line.cpp).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/access_options.h"
#include "app/command.h"
#include "io/run/evaluate_run.h"

namespace app {

/// evaluate's options as CLI11 fills them.
struct EvaluateCli {
  io::EvaluateConfig run;
  CLI::Option* cover_minutes_option = nullptr;
  double cover_minutes = 0.0;  ///< used when --cover-minutes was given
  std::vector<std::string> extra_layers;
  std::string bands = "rings";
  std::string overlap = "per-center";
  std::string hull = "none";
  std::string reach_edges = "merged";
  bool service_areas = false;
  /// --bands, --overlap, --buffer-m, --simplify-m, --hull, --reach-edges: asking for one means
  /// asking for the polygons, so `--minutes 5,10,15 --overlap dissolve` needs no --service-areas
  /// as well.
  std::vector<CLI::Option*> area_options;
  std::string max_memory;
  AccessOptions access;
};

/// Adds the evaluate subcommand and its options, filling `cli` when parsed; runs nothing.
CLI::App* add_evaluate_options(CLI::App& root, EvaluateCli& cli);

/// The parsed options as the run's config: words turned into modes, --cover-minutes, the access
/// parameters, the implied --service-areas, and the checks CLI11 cannot make (--minutes
/// ascending: UsageError). Leaves before_stage, warn and the cancel tokens to the caller.
io::EvaluateConfig evaluate_config(const EvaluateCli& cli);

Command register_evaluate(CLI::App& root);

}  // namespace app
