// --max-memory: a run that would need more memory than allowed fails early with a message
// (exit 1) instead of being killed by the kernel's OOM killer. Two guards
// (docs/interrupts-and-limits.md):
//  - before each big stage, the resident memory now plus an estimate of what the stage adds
//    (from the input sizes) must fit: the run stops before it starts the stage;
//  - while it runs, a watchdog thread reads the resident size (/proc/self/statm) every 50 ms and
//    stops the run through the cancellation flag (app/interrupt.h) once it is over the limit.
// Allocation failure itself (std::bad_alloc) is reported by main() as the same kind of error.
#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

namespace app {

/// Thrown when a stage would not fit; exit 1.
class MemoryLimitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "2G", "500M", "640K", "1.5G", "123456" (bytes); case-insensitive, optional trailing "B" or
/// "iB" (all binary: 1K = 1024). "off" or "0": no limit (returns 0). Throws UsageError.
std::uint64_t parse_memory_size(const std::string& text);

/// 75% of the memory this process may use: the smaller of MemTotal (/proc/meminfo) and the
/// cgroup limit (v2 memory.max, v1 memory.limit_in_bytes). 0 when neither can be read.
std::uint64_t default_memory_limit();

/// Resident set size of this process (bytes), from /proc/self/statm; 0 when unreadable.
std::uint64_t resident_bytes();

/// Adds --max-memory to a command.
void add_memory_option(CLI::App& command, std::string& max_memory);

/// Holds the limit and runs the watchdog for the lifetime of one command.
class MemoryGuard {
 public:
  /// `max_memory` as given on the command line (empty: the default share).
  explicit MemoryGuard(const std::string& max_memory);
  ~MemoryGuard();
  MemoryGuard(const MemoryGuard&) = delete;
  MemoryGuard& operator=(const MemoryGuard&) = delete;

  std::uint64_t limit() const { return m_limit; }

  /// Before `stage`: throws MemoryLimitError when resident memory plus `estimate_bytes` exceeds
  /// the limit, and planner::Cancelled when a stop was requested meanwhile.
  void before_stage(const std::string& stage, std::uint64_t estimate_bytes = 0) const;

 private:
  void watch();

  std::uint64_t m_limit = 0;  ///< 0: no limit
  std::atomic<bool> m_done{false};
  std::thread m_watchdog;
};

}  // namespace app
