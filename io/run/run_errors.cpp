#include "io/run/run_errors.h"

#include <cstdio>

#include "io/gdal/connection_text.h"

namespace io {

void warn(const WarningSink& sink, const std::string& message) {
  // A warning may quote a data source name; a connection string's password stays out of logs.
  const std::string text = hide_passwords(message);
  if (sink) {
    sink(text);
  } else {
    std::fprintf(stderr, "circleplan: warning: %s\n", text.c_str());
  }
}

}  // namespace io
