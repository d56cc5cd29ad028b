#include "app/interrupt.h"

#include <csignal>

#include <atomic>

#include "planner/geos/geos_handle.h"

namespace app {
namespace {

// Lock-free atomics: the only state a signal handler may touch.
std::atomic<bool> g_stop{false};
std::atomic<int> g_reason{static_cast<int>(StopReason::none)};
std::atomic<int> g_signals{0};
std::atomic<std::uint64_t> g_resident{0};
std::atomic<std::uint64_t> g_limit{0};

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int signal) {
  if (g_signals.fetch_add(1) > 0) {
    // The second Ctrl-C: the user wants out now. Default action; temporaries may stay behind and
    // are removed by the next run writing the same output (io/gdal/atomic_output.h).
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  request_stop(signal == SIGINT ? StopReason::sigint : StopReason::sigterm);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // slow system calls go on; the flag is polled
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
  planner::interrupt_geos_when(&g_stop);  // a stop also ends a running GEOS union
}

planner::CancelToken cancel_token() {
  return planner::CancelToken(&g_stop);
}

void request_stop(StopReason reason, std::uint64_t resident_bytes, std::uint64_t limit_bytes) {
  int none = static_cast<int>(StopReason::none);
  if (g_reason.compare_exchange_strong(none, static_cast<int>(reason))) {
    g_resident.store(resident_bytes);
    g_limit.store(limit_bytes);
  }
  g_stop.store(true);
}

StopReason stop_reason() {
  return static_cast<StopReason>(g_reason.load());
}

void check_stop() {
  cancel_token().check();
}

int stop_exit_code() {
  switch (stop_reason()) {
    case StopReason::sigint:
      return 130;
    case StopReason::sigterm:
      return 143;
    case StopReason::memory:
    case StopReason::none:
      break;
  }
  return 1;
}

std::string stop_message() {
  const std::string kept =
      "; nothing was written: temporary files removed, any previous output left unchanged";
  switch (stop_reason()) {
    case StopReason::sigint:
      return "interrupted (SIGINT)" + kept;
    case StopReason::sigterm:
      return "terminated (SIGTERM)" + kept;
    case StopReason::memory: {
      std::string m = "memory use reached ";
      m += megabytes(g_resident.load());
      m += ", over --max-memory ";
      m += megabytes(g_limit.load());
      m += kept;
      m += ". Raise --max-memory, or run on a smaller area / fewer centers";
      return m;
    }
    case StopReason::none:
      break;
  }
  return "the run was cancelled" + kept;
}

std::string megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

}  // namespace app
