// circleplan.run, circleplan.compare and circleplan.site: each command's keywords parsed by its
// own options and run through the same driver (io::run_scenario; app::compare_results;
// io::run_site), with the GIL released,
// warnings as Python warnings and errors as the module's exceptions.
#pragma once

#include <pybind11/pybind11.h>

namespace pycircleplan {

/// _circleplan.run(args) -> rows written, _circleplan.compare(args) -> counts,
/// _circleplan.site(args) -> summary.json's path.
void bind_scenarios(pybind11::module_& m);

}  // namespace pycircleplan
