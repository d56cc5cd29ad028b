#include "network.h"

#include <memory>

#include <pybind11/stl.h>

#include "evaluation.h"
#include "io/run/evaluate_run.h"
#include "released_call.h"

namespace py = pybind11;

namespace pycircleplan {
namespace {

/// Prepared once; read only afterwards, so evaluations may run from several threads at once.
struct Network {
  std::shared_ptr<const io::PreparedNetwork> prepared;
};

Network prepare(const std::vector<std::string>& args, const Labels& labels) {
  Wording wording;
  io::EvaluateConfig config = parse_evaluate(args, labels, wording);
  ReleasedCall call(wording);
  config.warn = call.sink();
  config.params.cancel = call.token();
  Network out;
  call.run([&] {
    out.prepared = std::make_shared<const io::PreparedNetwork>(io::prepare_network(config));
  });
  return out;
}

}  // namespace

void bind_network(py::module_& m) {
  py::class_<Network>(m, "Network",
                      "A city read and its network built once (circleplan.Network wraps it).")
      .def(py::init(&prepare), py::arg("args"), py::arg("labels") = Labels{})
      .def(
          "evaluate",
          [](const Network& net, const std::vector<std::string>& args, const Labels& labels) {
            return run_evaluation(args, labels, net.prepared.get());
          },
          py::arg("args"), py::arg("labels") = Labels{},
          "Evaluates with these arguments (the network's own and this evaluation's).")
      .def_property_readonly("run_crs",
                             [](const Network& net) { return net.prepared->loaded.run_crs; })
      .def_property_readonly("timings",
                             [](const Network& net) { return net.prepared->timer.json(); });
}

}  // namespace pycircleplan
