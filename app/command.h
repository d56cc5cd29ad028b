// A registered subcommand and what runs it once the command line has been parsed.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace app {

struct Command {
  CLI::App* cli = nullptr;
  std::function<void()> run;
};

}  // namespace app
