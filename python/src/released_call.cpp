#include "released_call.h"

#include <chrono>
#include <exception>
#include <future>
#include <thread>

#include <pybind11/pybind11.h>

#include "errors.h"

namespace py = pybind11;

namespace pycircleplan {

io::WarningSink ReleasedCall::sink() {
  return [this](const std::string& message) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_warnings.push_back(message);
  };
}

void ReleasedCall::run(const std::function<void()>& work) {
  std::exception_ptr failure;
  bool interrupted = false;
  {
    std::promise<void> finished;
    std::future<void> done = finished.get_future();
    const py::gil_scoped_release release;
    std::thread worker([&] {
      try {
        work();
      } catch (...) {
        failure = std::current_exception();
      }
      finished.set_value();
    });
    while (done.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
      if (interrupted) continue;
      const py::gil_scoped_acquire acquire;
      // Runs the Python signal handlers (main thread only): Ctrl-C leaves KeyboardInterrupt set.
      if (PyErr_CheckSignals() != 0) {
        interrupted = true;
        m_cancel = true;
      }
    }
    worker.join();
  }
  if (interrupted) {
    // The pending KeyboardInterrupt (or whatever the handler raised) is the call's outcome.
    throw py::error_already_set();
  }
  std::vector<std::string> warnings;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    warnings.swap(m_warnings);
  }
  for (const std::string& message : warnings) {
    if (PyErr_WarnEx(warning_category().ptr(), m_wording(message).c_str(), 2) != 0) {
      throw py::error_already_set();  // warnings turned into errors by a filter
    }
  }
  if (failure) raise_failure(failure, m_wording);
}

}  // namespace pycircleplan
