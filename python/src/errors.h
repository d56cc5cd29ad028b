// The module's exceptions and warning category, and the one mapping from what a run throws to
// them, as app/exit_codes.cpp maps it to exit codes: usage error (exit 2) -> UsageError (a
// ValueError), bad input (exit 1) -> InputError, unwritable output -> OutputError, internal error
// (exit 3) -> InternalError, a stop -> KeyboardInterrupt. Messages are the command's, worded for
// Python (wording.h).
#pragma once

#include <exception>

#include <pybind11/pybind11.h>

#include "wording.h"

namespace pycircleplan {

/// Creates circleplan.Error, UsageError, InputError, OutputError, InternalError and
/// CircleplanWarning on the module.
void bind_errors(pybind11::module_& m);

/// The warning category of what a run reports on the way (circleplan.CircleplanWarning).
pybind11::handle warning_category();

/// Sets the Python exception for `error` and throws pybind11::error_already_set.
[[noreturn]] void raise_failure(std::exception_ptr error, const Wording& wording);

/// Raises circleplan.UsageError with `message`.
[[noreturn]] void raise_usage(const std::string& message);

}  // namespace pycircleplan
