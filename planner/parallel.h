// A small deterministic parallel loop: items are handed out dynamically to worker threads, each
// with its own state (GEOS context, snapping index, search...), and every result goes to the
// item's own slot, so the output never depends on the thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace planner {

/// Threads to use: `requested` when > 0, else the machine's hardware threads (at least 1).
inline unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Calls body(state, i) for i in [0, count) on `threads` threads; make_state() builds one state
/// per thread. The first exception thrown by any body is rethrown after all threads stop.
template <typename MakeState, typename Body>
void parallel_for(std::size_t count, unsigned threads, MakeState make_state, Body body) {
  threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), count));
  if (threads <= 1) {
    if (count == 0) return;
    auto state = make_state();
    for (std::size_t i = 0; i < count; ++i) body(state, i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    try {
      auto state = make_state();
      for (std::size_t i = next++; i < count && !failed; i = next++) body(state, i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace planner
