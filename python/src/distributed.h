// The engine side of circleplan.dask (docs/distributed.md): the batch's staged output folder
// (io/run/batch_folder.h) for the client, and the tasks of one scenario (io/run/scenario_tasks.h)
// for the workers, their results passed between them as bytes.
#pragma once

#include <pybind11/pybind11.h>

namespace pycircleplan {

void bind_distributed(pybind11::module_& m);

}  // namespace pycircleplan
