#include "evaluation.h"

#include <algorithm>
#include <exception>
#include <optional>

#include <pybind11/stl.h>

#include "app/evaluate_command.h"
#include "errors.h"
#include "io/run/output_format.h"
#include "released_call.h"
#include "tables.h"

namespace py = pybind11;

namespace pycircleplan {

io::EvaluateConfig parse_evaluate(const std::vector<std::string>& args, const Labels& labels,
                                  Wording& wording) {
  CLI::App root;
  app::EvaluateCli cli;
  CLI::App* command = app::add_evaluate_options(root, cli);
  // Where to write is Result.write's argument, not the computation's.
  command->get_option("--out")->required(false);
  wording = Wording(*command, labels);
  parse_arguments(root, *command, args, wording);
  try {
    return app::evaluate_config(cli);
  } catch (...) {
    raise_failure(std::current_exception(), wording);
  }
}

std::shared_ptr<Evaluation> run_evaluation(const std::vector<std::string>& args,
                                           const Labels& labels,
                                           const io::PreparedNetwork* prepared) {
  auto out = std::make_shared<Evaluation>();
  out->config = parse_evaluate(args, labels, out->wording);
  ReleasedCall call(out->wording);
  io::EvaluateConfig& config = out->config;
  config.warn = call.sink();
  config.params.cancel = call.token();
  call.run([&] {
    out->outcome = io::compute_evaluate(config, prepared);
    // summary.json and the tables name a GeoDataFrame as such, not by its in-memory file.
    const Wording labels_only(labels);
    if (!labels.empty()) relabel(out->outcome.layers, labels_only);
    out->outcome.summary_json = labels_only(out->outcome.summary_json);
  });
  config.warn = {};
  config.params.cancel = {};
  return out;
}

namespace {

/// Result.write: where and how, settled as the command settles --out and --format.
void write(Evaluation& ev, const std::string& out, const std::optional<std::string>& format,
           bool overwrite) {
  const std::lock_guard<std::mutex> lock(ev.writing);
  io::OutputOptions output;
  output.out = out;
  output.overwrite = overwrite;
  if (format) {
    static const std::vector<std::string> formats{"gpkg", "shp", "geojson", "csv", "fgb"};
    if (std::find(formats.begin(), formats.end(), *format) == formats.end()) {
      raise_usage("format must be one of gpkg, shp, geojson, csv, fgb (got '" + *format + "')");
    }
    output.format = *format;
    output.format_given = true;
  }
  ReleasedCall call(ev.wording);
  output.cancel = call.token();
  const io::WarningSink note = call.sink();
  call.run([&] {
    if (const std::string n = io::settle_output_format(output); !n.empty()) note(n);
    io::check_output(output);
    io::write_evaluate(ev.config, output, ev.outcome);
  });
}

}  // namespace

void bind_evaluation(py::module_& m) {
  py::class_<Evaluation, std::shared_ptr<Evaluation>>(
      m, "Evaluation", "One evaluation as the command would write it (circleplan.Result wraps it).")
      .def_property_readonly("layer_names",
                             [](const Evaluation& ev) {
                               std::vector<std::string> names;
                               for (const io::OutputLayer& layer : ev.outcome.layers)
                                 names.push_back(layer.name);
                               return names;
                             })
      .def("table",
           [](const Evaluation& ev, const std::string& name) {
             for (const io::OutputLayer& layer : ev.outcome.layers) {
               if (layer.name == name) return table_of(layer);
             }
             throw py::key_error("no layer '" + name + "' in this result");
           })
      .def_property_readonly("summary_json",
                             [](const Evaluation& ev) { return ev.outcome.summary_json; })
      .def_property_readonly("crs_wkt", [](const Evaluation& ev) { return ev.outcome.crs_wkt; })
      .def_property_readonly("run_crs",
                             [](const Evaluation& ev) { return ev.outcome.info.run_crs; })
      .def_property_readonly("timings",
                             [](const Evaluation& ev) { return ev.outcome.timer.json(); })
      .def("write", &write, py::arg("out"), py::arg("format") = py::none(),
           py::arg("overwrite") = false);
  m.def(
      "evaluate",
      [](const std::vector<std::string>& args, const Labels& labels) {
        return run_evaluation(args, labels, nullptr);
      },
      py::arg("args"), py::arg("labels") = Labels{},
      "Runs `circleplan evaluate` with these arguments (no --out) and keeps the result.");
}

}  // namespace pycircleplan
