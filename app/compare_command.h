// `circleplan compare`: what changed between two results of `circleplan evaluate`.
#pragma once

#include "app/command.h"

namespace app {

Command register_compare(CLI::App& root);

}  // namespace app
