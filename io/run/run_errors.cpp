#include "io/run/run_errors.h"

#include <cstdio>

namespace io {

void warn(const WarningSink& sink, const std::string& message) {
  if (sink) {
    sink(message);
  } else {
    std::fprintf(stderr, "circleplan: warning: %s\n", message.c_str());
  }
}

}  // namespace io
