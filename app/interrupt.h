// Stopping a run cleanly: Ctrl-C (SIGINT), SIGTERM and the memory guard only raise a flag; the
// planner's loops and the stage boundaries ask it (planner::CancelToken) and throw
// planner::Cancelled, so the stack unwinds, staged outputs delete their temporaries, and main()
// exits with 130 (SIGINT), 143 (SIGTERM) or 1 (memory limit). A second signal kills at once.
// See docs/interrupts-and-limits.md.
#pragma once

#include <cstdint>
#include <string>

#include "planner/cancel.h"

namespace app {

enum class StopReason { none, sigint, sigterm, memory };

/// Installs the SIGINT and SIGTERM handlers, and ignores SIGXFSZ so that hitting a file size
/// limit is a write error (reported, temporaries removed) instead of a silent kill.
void install_interrupt_handlers();

/// The token the planner's loops poll.
planner::CancelToken cancel_token();

/// Asks the run to stop; async-signal-safe. The first reason wins. `resident_bytes` and
/// `limit_bytes` describe a memory stop.
void request_stop(StopReason reason, std::uint64_t resident_bytes = 0,
                  std::uint64_t limit_bytes = 0);

StopReason stop_reason();

/// Throws planner::Cancelled when a stop was requested: for stage boundaries.
void check_stop();

/// The exit code for the current stop reason: 130, 143, or 1 for memory.
int stop_exit_code();

/// The message main() prints for the current stop reason.
std::string stop_message();

/// A byte count in whole megabytes ("512 MB"), as the memory messages give it.
std::string megabytes(std::uint64_t bytes);

}  // namespace app
