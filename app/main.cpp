// circleplan: planning 15-minute service circles on real walking networks.
//
// A thin command line over the planner library: parse options into a config, run one
// subcommand, map errors to exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error,
// 130/143 interrupted by SIGINT/SIGTERM (docs/interrupts-and-limits.md).
#include <cstdio>
#include <exception>
#include <new>
#include <stdexcept>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/batch_command.h"
#include "app/compare_command.h"
#include "app/evaluate_command.h"
#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "app/osm_command.h"
#include "app/run_command.h"
#include "app/site_command.h"
#include "app/usage_error.h"
#include "io/errors.h"
#include "planner/cancel.h"

int main(int argc, char** argv) try {
  CLI::App root{
      "circleplan: 15-minute service circles on real walking networks (15分钟党群服务圈).\n"
      "Exit codes: 0 success, 1 bad input (or over --max-memory), 2 usage error, 3 internal "
      "error, 130/143 interrupted (SIGINT/SIGTERM)."};
  root.require_subcommand(1);
  root.set_version_flag("--version", "circleplan 0.1.0");
  std::vector<app::Command> commands{app::register_osm(root),  app::register_evaluate(root),
                                     app::register_site(root), app::register_compare(root),
                                     app::register_run(root),  app::register_batch(root)};
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = root.exit(e);
    return code == 0 ? 0 : 2;
  }
  app::install_interrupt_handlers();
  for (const app::Command& c : commands) {
    if (c.cli->parsed()) c.run();
  }
  return 0;
} catch (const planner::Cancelled&) {
  const int code = app::stop_exit_code();
  std::fprintf(stderr, "circleplan: %s%s\n", code == 1 ? "error: " : "",
               app::stop_message().c_str());
  return code;
} catch (const app::MemoryLimitError& e) {
  std::fprintf(stderr, "circleplan: error: %s\n", e.what());
  return 1;
} catch (const std::bad_alloc&) {
  std::fputs(
      "circleplan: error: out of memory; nothing was written (temporary files removed). Lower the "
      "input size or give the run more memory (see --max-memory)\n",
      stderr);
  return 1;
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
