#include "scenarios.h"

#include <pybind11/stl.h>

#include "app/compare_command.h"
#include "app/run_command.h"
#include "app/site_command.h"
#include "command_line.h"
#include "errors.h"
#include "io/run/output_format.h"
#include "io/run/scenario_run.h"
#include "released_call.h"

namespace py = pybind11;

namespace pycircleplan {
namespace {

std::size_t run_scenario(const std::vector<std::string>& args) {
  CLI::App root;
  app::RunCli cli;
  CLI::App* command = app::add_run_options(root, cli);
  const Wording wording(*command, {});
  parse_arguments(root, *command, args, wording);
  ReleasedCall call(wording);
  cli.options.warn = call.sink();
  cli.options.cancel = call.token();
  std::size_t rows = 0;
  call.run([&] { rows = io::run_scenario(cli.scenario, cli.options).size(); });
  return rows;
}

py::dict compare(const std::vector<std::string>& args) {
  CLI::App root;
  app::CompareCli cli;
  CLI::App* command = app::add_compare_options(root, cli);
  const Wording wording(*command, {});
  parse_arguments(root, *command, args, wording);
  ReleasedCall call(wording);
  planner::Comparison comparison;
  const io::WarningSink sink = call.sink();
  call.run([&] { comparison = app::compare_results(cli, sink); });
  const planner::ComparisonCounts& n = comparison.counts;
  py::dict out;
  out["blocks"] = comparison.blocks.size();
  out["changed"] = comparison.blocks.size() - n.unchanged;
  out["newly_covered"] = n.newly_covered;
  out["newly_uncovered"] = n.newly_uncovered;
  out["status"] = n.status;
  out["minutes"] = n.minutes;
  out["minutes_lower"] = n.minutes_lower;
  out["minutes_higher"] = n.minutes_higher;
  out["center"] = n.center;
  out["access"] = n.access;
  out["removed"] = n.removed;
  out["added"] = n.added;
  out["unchanged"] = n.unchanged;
  out["centers_opened"] = n.centers_opened;
  out["centers_closed"] = n.centers_closed;
  out["centers_reach_changed"] = n.centers_reach_changed;
  return out;
}

/// Network mode only: matrix mode prints its answer, which a Python caller reads better from
/// the command's --json.
std::string site(const std::vector<std::string>& args) {
  CLI::App root;
  app::SiteCli cli;
  CLI::App* command = app::add_site_options(root, cli);
  const Wording wording(*command, {});
  parse_arguments(root, *command, args, wording);
  io::SiteRunConfig config;
  try {
    if (app::settle_site_mode(cli)) {
      throw io::UsageError("matrix mode (--matrix) is the command's: circleplan site --json");
    }
    config = app::site_run_config(cli);
  } catch (...) {
    raise_failure(std::current_exception(), wording);
  }
  ReleasedCall call(wording);
  config.warn = call.sink();
  config.note = call.sink();
  config.params.cancel = call.token();
  config.output.cancel = call.token();
  std::string summary;
  call.run([&] {
    if (const std::string n = io::settle_output_format(config.output); !n.empty()) config.note(n);
    summary = io::run_site(config).summary_path;
  });
  return summary;
}

}  // namespace

void bind_scenarios(py::module_& m) {
  m.def("run", &run_scenario, py::arg("args"),
        "Runs `circleplan run` with these arguments; returns the number of results written.");
  m.def("compare", &compare, py::arg("args"),
        "Runs `circleplan compare` with these arguments; returns the counts it prints.");
  m.def("site", &site, py::arg("args"),
        "Runs `circleplan site` (network mode) with these arguments; returns summary.json's path.");
}

}  // namespace pycircleplan
