// circleplan: planning 15-minute service circles on real walking networks.
//
// A thin command line over the planner library: parse options into a config, run one
// subcommand, map errors to exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error.
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/batch_command.h"
#include "app/compare_command.h"
#include "app/evaluate_command.h"
#include "app/osm_command.h"
#include "app/run_command.h"
#include "app/site_command.h"
#include "app/usage_error.h"
#include "io/errors.h"

int main(int argc, char** argv) try {
  CLI::App root{
      "circleplan: 15-minute service circles on real walking networks (15分钟党群服务圈).\n"
      "Exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error."};
  root.require_subcommand(1);
  root.set_version_flag("--version", "circleplan 0.1.0");
  std::vector<app::Command> commands{app::register_osm(root), app::register_evaluate(root),
                                     app::register_site(root), app::register_compare(root),
                                     app::register_run(root), app::register_batch(root)};
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = root.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const app::Command& c : commands) {
    if (c.cli->parsed()) c.run();
  }
  return 0;
} catch (const app::UsageError& e) {
  std::fprintf(stderr, "circleplan: usage error: %s (see --help)\n", e.what());
  return 2;
} catch (const io::InputError& e) {
  std::fprintf(stderr, "circleplan: error: %s\n", e.what());
  return 1;
} catch (const io::OutputError& e) {
  std::fprintf(stderr, "circleplan: error: %s\n", e.what());
  return 1;
} catch (const std::invalid_argument& e) {
  std::fprintf(stderr, "circleplan: error: %s\n", e.what());
  return 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "circleplan: internal error: %s\n", e.what());
  return 3;
}
