// `circleplan batch FILE... --out DIR --jobs N`: many scenario files, one summary table.
#pragma once

#include "app/command.h"

namespace app {

Command register_batch(CLI::App& root);

}  // namespace app
