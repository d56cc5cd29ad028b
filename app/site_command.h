// `circleplan site`: where new stations should go (set covering, maximal covering, p-median,
// p-center), on the walking network or on a precomputed cost matrix. Its options are registered
// apart from what runs them, so the Python module's circleplan.site parses its keywords with
// them (network mode).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/command.h"
#include "io/run/site_run.h"
#include "io/siting/matrix_reader.h"

namespace app {

/// site's options as CLI11 fills them.
struct SiteCli {
  io::SiteRunConfig run;  ///< network mode (siting options are set from the fields below)
  std::string model;
  std::uint32_t k = 0;
  bool exact = false;
  double time_limit_s = 60.0;
  std::uint32_t curve = 10;
  CLI::Option* k_option = nullptr;
  CLI::Option* curve_option = nullptr;
  // Matrix mode.
  io::MatrixFiles matrix;
  std::vector<std::string> matrix_fields, demand_fields, site_cost_fields;
  double max_cost = 0.0;
  CLI::Option* max_cost_option = nullptr;
  bool json = false;
  std::string max_memory;
  CLI::Option* existing_option = nullptr;
  std::string demand_weight = "population";  ///< --demand-weight
  // Capacitated models (both modes).
  bool split_demand = false;
  double site_capacity = 0.0;
  CLI::Option* site_capacity_option = nullptr;
};

/// Adds the site subcommand and its options, filling `cli` when parsed; runs nothing.
CLI::App* add_site_options(CLI::App& root, SiteCli& cli);

/// After parsing: checks the mode's options (UsageError) and names the existing centers' option
/// as given; true for matrix mode.
bool settle_site_mode(SiteCli& cli);

/// Network mode's run config from the parsed options (UsageError without --out, or a model
/// without --k). Leaves the cancel token, before_stage and warn to the caller.
io::SiteRunConfig site_run_config(const SiteCli& cli);

Command register_site(CLI::App& root);

}  // namespace app
