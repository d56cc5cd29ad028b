// Stopping a long computation early: the command line sets a flag (Ctrl-C, SIGTERM, the memory
// guard) and the planner's loops ask it between units of work (a center, a block, a group), so a
// cancelled run stops within a fraction of a second and unwinds normally (temporary outputs are
// removed by their destructors). planner/ owns no global state: the flag belongs to the caller.
#pragma once

#include <atomic>
#include <stdexcept>

namespace planner {

/// Thrown by CancelToken::check() once cancellation was requested.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("the run was cancelled") {}
};

/// A read-only view of the caller's flag; the default token is never cancelled. Cheap to copy
/// into parameter structs; the flag must outlive every copy.
class CancelToken {
 public:
  CancelToken() = default;
  explicit CancelToken(const std::atomic<bool>* flag) : m_flag(flag) {}

  bool requested() const { return m_flag != nullptr && m_flag->load(std::memory_order_relaxed); }

  /// Throws Cancelled when cancellation was requested.
  void check() const {
    if (requested()) throw Cancelled();
  }

 private:
  const std::atomic<bool>* m_flag = nullptr;
};

}  // namespace planner
