// `circleplan evaluate`: which residential blocks lie within a walk of a service center.
#pragma once

#include "app/command.h"

namespace app {

Command register_evaluate(CLI::App& root);

}  // namespace app
