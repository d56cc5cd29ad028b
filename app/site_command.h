// `circleplan site`: where new stations should go (set covering, maximal covering, p-median,
// p-center), on the walking network or on a precomputed cost matrix.
#pragma once

#include "app/command.h"

namespace app {

Command register_site(CLI::App& root);

}  // namespace app
