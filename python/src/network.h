// circleplan.Network's engine side: a city read, projected, its network built and its blocks
// snapped once (io::prepare_network, planner::NetworkReuse: the cache scenarios use, not a
// second one), then evaluated many times with other centers, speeds or thresholds.
#pragma once

#include <pybind11/pybind11.h>

namespace pycircleplan {

/// The _circleplan.Network class: Network(args, labels), .evaluate(args, labels).
void bind_network(pybind11::module_& m);

}  // namespace pycircleplan
