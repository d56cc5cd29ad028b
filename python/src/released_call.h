// One call into the engine from Python: the work runs on a thread of its own with the GIL
// released, so other Python threads go on; the calling thread waits and asks Python for a pending
// signal every 100 ms, so Ctrl-C raises the call's cancel flag (the engine stops at its next
// check and unwinds, temporaries removed) and then KeyboardInterrupt. The run's warnings are
// collected meanwhile and given to Python's warnings.warn once the GIL is held again.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "io/run/run_errors.h"
#include "planner/cancel.h"
#include "wording.h"

namespace pycircleplan {

class ReleasedCall {
 public:
  explicit ReleasedCall(Wording wording) : m_wording(std::move(wording)) {}
  ReleasedCall(const ReleasedCall&) = delete;
  ReleasedCall& operator=(const ReleasedCall&) = delete;

  /// Collects a warning (any thread).
  io::WarningSink sink();
  /// Asked by the engine; raised by Ctrl-C.
  planner::CancelToken token() const { return planner::CancelToken(&m_cancel); }
  const Wording& wording() const { return m_wording; }

  /// Runs `work` as described above; called with the GIL held. Emits the warnings, then raises
  /// what `work` threw as the module's exception (errors.h), or KeyboardInterrupt after Ctrl-C.
  void run(const std::function<void()>& work);

 private:
  Wording m_wording;
  std::atomic<bool> m_cancel{false};
  std::mutex m_mutex;
  std::vector<std::string> m_warnings;
};

}  // namespace pycircleplan
