#include "app/exit_codes.h"

#include <cstdio>
#include <new>
#include <stdexcept>

#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "io/errors.h"
#include "io/gdal/connection_text.h"
#include "io/run/run_errors.h"
#include "planner/cancel.h"
#include "planner/errors.h"

namespace app {

Failure failure_of(std::exception_ptr error) {
  if (stop_reason() != StopReason::none) {
    // Whatever the stopped code threw on its way out is the stop (an interrupted GEOS call may
    // surface as the failure of the operation it was in).
    try {
      std::rethrow_exception(error);
    } catch (const std::exception&) {
      const int code = stop_exit_code();
      return {code, code == 1 ? "error" : "", stop_message()};
    } catch (...) {
    }
  }
  try {
    std::rethrow_exception(error);
  } catch (const planner::Cancelled&) {
    const int code = stop_exit_code();
    return {code, code == 1 ? "error" : "", stop_message()};
  } catch (const MemoryLimitError& e) {
    return {1, "error", e.what()};
  } catch (const std::bad_alloc&) {
    return {1, "error",
            "out of memory; nothing was written (temporary files removed). Lower the input size "
            "or give the run more memory (see --max-memory)"};
  } catch (const io::UsageError& e) {
    return {2, "usage error", e.what()};
  } catch (const io::InputError& e) {
    return {1, "error", e.what()};
  } catch (const io::OutputError& e) {
    return {1, "error", e.what()};
  } catch (const planner::InternalError& e) {
    return {3, "internal error", e.what()};
  } catch (const std::invalid_argument& e) {  // planner::InvalidValue among them
    return {1, "error", e.what()};
  } catch (const std::exception& e) {
    return {3, "internal error", e.what()};
  } catch (...) {
    return {3, "internal error", "unknown exception"};
  }
}

int report_failure(std::exception_ptr error) {
  Failure f = failure_of(error);
  // Last line of defence: whatever threw, a connection string's password is not printed.
  f.what = io::hide_passwords(f.what);
  if (f.label.empty()) {
    std::fprintf(stderr, "circleplan: %s\n", f.what.c_str());
  } else {
    std::fprintf(stderr, "circleplan: %s: %s%s\n", f.label.c_str(), f.what.c_str(),
                 f.exit_code == 2 ? " (see --help)" : "");
  }
  return f.exit_code;
}

}  // namespace app
