// `circleplan run SCENARIO.toml --out DIR`: the base and every variant of a scenario file.
#pragma once

#include "app/command.h"

namespace app {

Command register_run(CLI::App& root);

}  // namespace app
