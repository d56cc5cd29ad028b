#include "command_line.h"

#include <algorithm>

#include <pybind11/stl.h>

#include "app/commands.h"
#include "errors.h"

namespace py = pybind11;

namespace pycircleplan {

void parse_arguments(CLI::App& root, CLI::App& command, const std::vector<std::string>& args,
                     const Wording& wording) {
  std::vector<std::string> reversed{command.get_name()};
  reversed.insert(reversed.end(), args.begin(), args.end());
  std::reverse(reversed.begin(), reversed.end());  // CLI11 takes a vector last argument first
  try {
    root.parse(reversed);
  } catch (const CLI::ParseError& e) {
    raise_usage(wording(e.what()));
  }
}

namespace {

/// The subcommand `name` of a root with every command registered, as `circleplan` has them.
template <class Fn>
auto with_command(const std::string& name, Fn&& fn) {
  CLI::App root;
  app::register_commands(root);
  CLI::App* command = nullptr;
  try {
    command = root.get_subcommand(name);
  } catch (const CLI::OptionNotFound&) {
    throw py::value_error("no circleplan command '" + name + "'");
  }
  return fn(*command);
}

}  // namespace

void bind_command_line(py::module_& m) {
  m.def(
      "options",
      [](const std::string& name) {
        return with_command(name, [](const CLI::App& command) {
          std::vector<std::pair<std::string, bool>> out;
          for (const CLI::Option* option : command.get_options()) {
            if (option->get_lnames().empty() || option->get_lnames().front() == "help") continue;
            out.emplace_back(keyword_of(option->get_lnames().front()),
                             option->get_expected_max() == 0);
          }
          return out;
        });
      },
      py::arg("command"), "The long options of a circleplan command: [(keyword, is_flag)].");
  m.def(
      "positionals",
      [](const std::string& name) {
        return with_command(name, [](const CLI::App& command) {
          std::vector<std::string> out;
          for (const CLI::Option* option : command.get_options()) {
            if (option->get_lnames().empty() && option->get_snames().empty()) {
              out.push_back(option->get_name());
            }
          }
          return out;
        });
      },
      py::arg("command"), "The positional arguments of a circleplan command, in order.");
}

}  // namespace pycircleplan
