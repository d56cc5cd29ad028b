// circleplan: planning 15-minute service circles on real walking networks.
//
// A thin command line over the planner library: parse options into a config, run one
// subcommand, map errors to exit codes in one place (app/exit_codes.h): 0 success, 1 bad input,
// 2 usage error, 3 internal error, 130/143 interrupted by SIGINT/SIGTERM
// (docs/interrupts-and-limits.md).
#include <cstdio>
#include <exception>
#include <iostream>
#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/exit_codes.h"
#include "app/interrupt.h"
#include "io/gdal/connection_text.h"

int main(int argc, char** argv) {
  try {
    CLI::App root{
        "circleplan: 15-minute service circles on real walking networks (15分钟党群服务圈).\n"
        "Exit codes: 0 success, 1 bad input (or over --max-memory), 2 usage error, 3 internal "
        "error, 130/143 interrupted (SIGINT/SIGTERM)."};
    root.require_subcommand(1);
    root.set_version_flag("--version", "circleplan 0.1.0");
    const std::vector<app::Command> commands = app::register_commands(root);
    try {
      root.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // CLI11's message repeats the argument it refused, which may be a connection string with
      // a password (`--out PG:... password=...` given twice, say): scrubbed like every error.
      std::ostringstream message;
      const int code = root.exit(e, std::cout, message);
      std::fputs(io::hide_passwords(message.str()).c_str(), stderr);
      return code == 0 ? 0 : 2;
    }
    app::install_interrupt_handlers();
    for (const app::Command& c : commands) {
      if (c.cli->parsed()) c.run();
    }
    return 0;
  } catch (...) {
    return app::report_failure(std::current_exception());
  }
}
