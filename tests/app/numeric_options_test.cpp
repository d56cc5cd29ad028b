// Every numeric option of every command, taken from the option table itself (app/commands.h:
// the CLI11 options main() parses, so a new option is covered without being listed here), is fed
// nan, inf, -inf, 1e308 and an empty value: each must be a usage error (exit 2) naming the
// option, found while parsing, before any file is read. -0 must behave as 0. The same keys in a
// scenario file are refused with their line and column (issue #17 point 7).
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "io/errors.h"
#include "io/scenario/scenario_file.h"

namespace {

/// What parsing a command line gave: success, or the CLI11 error's kind and message.
struct Parsed {
  bool ok = false;
  std::string kind;
  std::string message;
};

Parsed parse(const std::vector<std::string>& args) {
  CLI::App root{"circleplan"};
  root.require_subcommand(1);
  const std::vector<app::Command> commands = app::register_commands(root);
  std::vector<const char*> argv{"circleplan"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    root.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    return {false, e.get_name(), e.what()};
  }
  return {true, {}, {}};
}

struct NumericOption {
  std::string command, name, type;  ///< e.g. "evaluate", "--speed-kmh", "FLOAT"
};

/// CLI11's type names of numbers: FLOAT, INT, UINT, NUMBER (with ":<check>" after some).
bool is_numeric(const std::string& type_name) {
  const std::string base = type_name.substr(0, type_name.find(':'));
  return base == "FLOAT" || base == "INT" || base == "UINT" || base == "NUMBER";
}

std::vector<NumericOption> numeric_options() {
  CLI::App root{"circleplan"};
  const std::vector<app::Command> commands = app::register_commands(root);
  std::vector<NumericOption> out;
  for (const CLI::App* sub : root.get_subcommands({})) {
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_lnames().empty() || !is_numeric(opt->get_type_name())) continue;
      out.push_back({sub->get_name(), "--" + opt->get_lnames().front(), opt->get_type_name()});
    }
  }
  return out;
}

TEST(NumericOptions, TheTableHoldsTheKnownOnes) {
  // A guard on the walk itself: if CLI11 named types differently, nothing would be tested.
  std::set<std::string> seen;
  for (const NumericOption& o : numeric_options()) seen.insert(o.command + " " + o.name);
  for (const char* known :
       {"evaluate --speed-kmh", "evaluate --minutes", "evaluate --node-tolerance",
        "evaluate --max-snap", "evaluate --threads", "evaluate --island-vertices",
        "evaluate --access-minutes", "site --k", "site --time-limit", "site --max-cost",
        "site --candidate-spacing", "site --node-tolerance", "run --threads", "batch --jobs",
        "osm --threads"}) {
    if (std::string(known) == "osm --threads" && !seen.count(known)) continue;  // osm: none
    EXPECT_TRUE(seen.count(known)) << known << " is not in the option table as a number";
  }
  EXPECT_GE(seen.size(), 25u);
}

TEST(NumericOptions, NonFiniteHugeAndEmptyValuesAreUsageErrorsNamingTheOption) {
  for (const NumericOption& o : numeric_options()) {
    const std::string bare = o.name.substr(2);
    for (const std::string value :
         {"nan", "NaN", "inf", "-inf", "infinity", "1e308", "-1e308", "", "1e999", "0x1p1023"}) {
      const Parsed p = parse({o.command, o.name + "=" + value});
      EXPECT_FALSE(p.ok) << o.command << " " << o.name << "=" << value << " was accepted";
      // A value error, not a complaint about a missing --out or positional argument.
      EXPECT_NE(p.kind, "RequiredError")
          << o.command << " " << o.name << "=" << value << ": " << p.message;
      EXPECT_NE(p.message.find(bare), std::string::npos)
          << o.command << " " << o.name << "=" << value << ": " << p.message;
    }
  }
}

TEST(NumericOptions, MinusZeroBehavesAsZero) {
  for (const NumericOption& o : numeric_options()) {
    for (const auto& [negative, positive] :
         std::map<std::string, std::string>{{"-0", "0"}, {"-0.0", "0.0"}, {"-0e0", "0e0"}}) {
      const Parsed a = parse({o.command, o.name + "=" + negative});
      const Parsed b = parse({o.command, o.name + "=" + positive});
      EXPECT_EQ(a.ok, b.ok) << o.command << " " << o.name;
      EXPECT_EQ(a.kind, b.kind) << o.command << " " << o.name << ": " << a.message;
      // The same message, the value quoted as given: "(got 0)" for both in range messages.
      std::string said = a.message;
      for (std::size_t at = said.find(negative); at != std::string::npos;
           at = said.find(negative, at + 1)) {
        said.replace(at, negative.size(), positive);
      }
      EXPECT_EQ(said, b.message) << o.command << " " << o.name;
    }
  }
}

// ---- the same keys in a scenario file -------------------------------------------------------

/// A scenario with `key = value` on line 4, the rest valid.
std::string scenario_with(const std::string& key, const std::string& value) {
  return "roads = \"r.geojson\"\ncenters = \"c.geojson\"\nblocks = \"b.geojson\"\n" + key + " = " +
         value + "\n";
}

/// The message parsing it gives; "" when it parses.
std::string scenario_error(const std::string& text) {
  try {
    io::parse_scenario(text, "s.toml");
  } catch (const io::InputError& e) {
    return e.what();
  }
  return {};
}

TEST(NumericOptions, TheSameKeysInAScenarioFileNameLineAndColumn) {
  std::set<std::string> keys;  // the options of evaluate, which scenario files share
  for (const NumericOption& o : numeric_options()) {
    if (o.command == "evaluate") keys.insert(o.name.substr(2));
  }
  std::set<std::string> tested;
  for (const std::string& key : keys) {
    // Whether the key is a scenario key, and whether it takes a number or a list of them.
    std::string form = "%";
    if (!scenario_error(scenario_with(key, "1")).empty()) {
      form = "[%]";
      if (!scenario_error(scenario_with(key, "[1]")).empty()) continue;  // not a scenario key
    }
    tested.insert(key);
    const auto in_form = [&](const std::string& v) {
      std::string text = form;
      text.replace(text.find('%'), 1, v);
      return text;
    };
    const std::string column = std::to_string(key.size() + 4 + (form == "[%]" ? 1 : 0));
    for (const std::string value : {"nan", "inf", "-inf", "1e308", "\"\""}) {
      const std::string message = scenario_error(scenario_with(key, in_form(value)));
      EXPECT_EQ(message.rfind("file 's.toml': line 4, column " + column + ": ", 0), 0u)
          << key << " = " << in_form(value) << ": " << message;
    }
    // -0 is 0: accepted or refused alike, in the same words.
    std::string minus = scenario_error(scenario_with(key, in_form("-0.0")));
    const std::string zero = scenario_error(scenario_with(key, in_form("0.0")));
    EXPECT_EQ(minus, zero) << key;
  }
  for (const char* key : {"speed-kmh", "minutes", "cover-minutes", "max-snap", "sample-spacing",
                          "search-limit", "node-tolerance", "buffer-m", "simplify-m"}) {
    EXPECT_TRUE(tested.count(key)) << key << " was not found as a scenario key";
  }
}

}  // namespace
