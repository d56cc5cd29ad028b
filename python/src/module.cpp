// The extension `circleplan._circleplan`: what the pure-Python package (python/circleplan/)
// calls. Keywords arrive as the command line's arguments and are parsed by the command's own
// options (command_line.h); results stay in C++ until a table is asked for (tables.h).
#include <pybind11/pybind11.h>

#include "command_line.h"
#include "distributed.h"
#include "errors.h"
#include "evaluation.h"
#include "io/gdal/gdal_handles.h"
#include "memory_layer.h"
#include "network.h"
#include "scenarios.h"

PYBIND11_MODULE(_circleplan, m) {
  m.doc() = "circleplan's engine (use the circleplan package, docs/python.md)";
  io::detail::register_gdal_drivers();
  pycircleplan::bind_errors(m);
  pycircleplan::bind_command_line(m);
  pycircleplan::bind_memory_layers(m);
  pycircleplan::bind_evaluation(m);
  pycircleplan::bind_network(m);
  pycircleplan::bind_scenarios(m);
  pycircleplan::bind_distributed(m);
}
