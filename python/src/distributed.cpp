#include "distributed.h"

#include <memory>

#include <pybind11/stl.h>

#include "errors.h"
#include "io/run/batch_folder.h"
#include "io/run/scenario_tasks.h"
#include "io/run/task_bytes.h"
#include "released_call.h"

namespace py = pybind11;

namespace pycircleplan {
namespace {

io::ScenarioTask task_of(const std::string& scenario, const std::string& folder, unsigned threads) {
  io::ScenarioTask task;
  task.scenario = scenario;
  task.folder = folder;
  task.threads = threads;
  return task;
}

/// Runs one task with the GIL released (a worker's event loop keeps answering the scheduler
/// meanwhile), its warnings as Python warnings and its errors as the module's exceptions.
py::bytes run_task(const std::function<std::string(const io::ScenarioTask&)>& work,
                   io::ScenarioTask task) {
  ReleasedCall call(Wording{});
  task.warn = call.sink();
  std::string out;
  call.run([&] { out = work(task); });
  return py::bytes(out);
}

/// The client's view of io::BatchFolder; closing it without commit removes the staging.
class PyBatchFolder {
 public:
  PyBatchFolder(const std::vector<std::string>& files, const std::string& out, bool overwrite) {
    try {
      m_folder = std::make_unique<io::BatchFolder>(files, out, overwrite);
    } catch (...) {
      raise_failure(std::current_exception(), Wording{});
    }
  }
  io::BatchFolder& folder() {
    if (!m_folder) raise_usage("the batch folder is closed");
    return *m_folder;
  }
  py::list scenarios() {
    py::list out;
    io::BatchFolder& f = folder();
    for (std::size_t i = 0; i < f.scenarios().size(); ++i) {
      const io::BatchScenario& s = f.scenarios()[i];
      py::dict d;
      d["file"] = s.file;
      d["name"] = s.name;
      d["folder"] = s.folder;
      d["staged_folder"] = f.staged_folder(i).string();
      d["error"] = s.error;
      out.append(d);
    }
    return out;
  }
  void fail(std::size_t i, const std::string& error) { folder().fail(i, error); }
  void succeed(std::size_t i, const py::bytes& rows) {
    folder().succeed(i, io::rows_of(std::string(rows)));
  }
  py::dict commit() {
    io::BatchResult result;
    try {
      result = folder().commit();
    } catch (...) {
      raise_failure(std::current_exception(), Wording{});
    }
    m_folder.reset();
    py::dict d;
    d["summary_csv"] = result.summary_csv_path;
    d["rows"] = result.rows.size();
    d["failed"] = result.failed;
    return d;
  }
  void close() { m_folder.reset(); }

 private:
  std::unique_ptr<io::BatchFolder> m_folder;
};

}  // namespace

void bind_distributed(py::module_& m) {
  py::class_<PyBatchFolder>(m, "BatchFolder",
                            "The staged output folder of a batch (io/run/batch_folder.h).")
      .def(py::init<const std::vector<std::string>&, const std::string&, bool>(), py::arg("files"),
           py::arg("out"), py::arg("overwrite") = false)
      .def("scenarios", &PyBatchFolder::scenarios,
           "Per file: file, name, folder (final), staged_folder (written meanwhile), error.")
      .def("fail", &PyBatchFolder::fail, py::arg("index"), py::arg("error"))
      .def("succeed", &PyBatchFolder::succeed, py::arg("index"), py::arg("rows"))
      .def("commit", &PyBatchFolder::commit,
           "Writes summary.csv/summary.json and moves the folder into place.")
      .def("close", &PyBatchFolder::close, "Removes the staged folder (without commit).");
  m.def("scenario_variant_count", &io::scenario_variant_count, py::arg("scenario"));
  m.def(
      "base_task",
      [](const std::string& scenario, const std::string& folder, unsigned threads) {
        return run_task([](const io::ScenarioTask& t) { return io::run_base_task(t); },
                        task_of(scenario, folder, threads));
      },
      py::arg("scenario"), py::arg("folder"), py::arg("threads") = 1,
      "Evaluates and writes the base; returns its outcome as bytes.");
  m.def(
      "variant_task",
      [](const std::string& scenario, const std::string& folder, std::size_t index,
         const py::bytes& base, unsigned threads) {
        const std::string base_bytes(base);
        return run_task(
            [&](const io::ScenarioTask& t) { return io::run_variant_task(t, index, base_bytes); },
            task_of(scenario, folder, threads));
      },
      py::arg("scenario"), py::arg("folder"), py::arg("index"), py::arg("base"),
      py::arg("threads") = 1, "Evaluates, writes and compares one variant; returns bytes.");
  m.def(
      "finish_task",
      [](const std::string& scenario, const std::string& folder, const py::bytes& base,
         const std::vector<py::bytes>& variants, unsigned threads) {
        const std::string base_bytes(base);
        std::vector<std::string> variant_bytes;
        for (const py::bytes& v : variants) variant_bytes.emplace_back(v);
        return run_task(
            [&](const io::ScenarioTask& t) {
              return io::finish_scenario_task(t, base_bytes, variant_bytes);
            },
            task_of(scenario, folder, threads));
      },
      py::arg("scenario"), py::arg("folder"), py::arg("base"), py::arg("variants"),
      py::arg("threads") = 1, "Writes the scenario's report and summaries; returns its rows.");
  m.def("clear_scenario_cache", &io::clear_scenario_cache,
        "Forgets the scenarios prepared in this process.");
}

}  // namespace pycircleplan
