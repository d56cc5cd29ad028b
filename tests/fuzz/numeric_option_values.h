// What the options target asserts after a command line parses (issue #17 point 9): every number
// CLI11 accepted for a numeric option is finite and inside that option's own range. The options
// and their ranges are taken from the option table (CLI11's type names and the validators each
// option carries, as tests/app/numeric_options_test.cpp walks them), so a new command or option
// is checked without being listed here.
//
// The check is not a rerun of the parse: CLI11 validates the text as given, then converts it into
// the option's type by another route (an integer with strtoll/strtoull in base 0, so "010" is
// stored as 8 where a validator reading a double sees 10; "-1" wraps around in an unsigned;
// `in_range` leaves text that is not a double to the conversion). So each value is converted
// the way CLI11 stores it, written back as text, and that text is run through the validators.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

#include <CLI/CLI.hpp>

#include "tests/fuzz/fuzz_input.h"

namespace fuzz {

/// CLI11's type name of an option without its validators' descriptions: "FLOAT", "INT", "UINT",
/// "NUMBER" for numbers, "TEXT" and others for the rest.
inline std::string base_type_name(const CLI::Option& opt) {
  const std::string full = opt.get_type_name();
  return full.substr(0, full.find(':'));
}

/// Whether CLI11 stores `opt` as a number (scalar or list).
inline bool is_numeric(const CLI::Option& opt) {
  const std::string type = base_type_name(opt);
  return type == "FLOAT" || type == "NUMBER" || type == "INT" || type == "UINT";
}

namespace detail {

/// The stored values of `opt`, read back through CLI11's own conversion into T (a vector of T,
/// so scalar and list options alike, separators and "{}" handled as CLI11 handles them).
template <typename T>
std::vector<T> stored_values(const CLI::Option& opt) {
  try {
    return opt.as<std::vector<T>>();
  } catch (const CLI::ConversionError& e) {
    // The parse accepted a value that its own type cannot hold: the walk, or CLI11, is wrong.
    std::fprintf(stderr, "%s: accepted but not readable as a number: %s\n", opt.get_name().c_str(),
                 e.what());
    FUZZ_CHECK(false);
  }
  return {};
}

/// Text that CLI11 reads back as exactly `value` (hex float: no rounding on the way).
inline std::string exact_text(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", value);
  return buf;
}
inline std::string exact_text(std::int64_t value) {
  return std::to_string(value);
}
inline std::string exact_text(std::uint64_t value) {
  return std::to_string(value);
}

/// Every active validator of `opt` that applies to element `index` accepts `text`.
inline void check_validators(CLI::Option& opt, const std::string& text, int index) {
  for (int i = 0;; ++i) {
    CLI::Validator* validator = nullptr;
    try {
      validator = opt.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      break;  // CLI11 2.1 has no validator count; the index past the last throws
    }
    const int applies_to = validator->get_application_index();
    if (!validator->get_active() || (applies_to != -1 && applies_to != index)) continue;
    std::string value = text;  // a transform may rewrite it; the stored value is what is checked
    const std::string error = (*validator)(value);
    if (!error.empty()) {
      std::fprintf(stderr, "%s: accepted, stored as %s, out of its range: %s\n",
                   opt.get_name().c_str(), text.c_str(), error.c_str());
    }
    FUZZ_CHECK(error.empty());
  }
}

template <typename T>
void check_option(CLI::Option& opt) {
  int index = 0;
  for (const T value : stored_values<T>(opt)) {
    if constexpr (std::is_floating_point_v<T>) {
      if (!std::isfinite(value)) {
        std::fprintf(stderr, "%s: accepted a value that is not finite: %g\n",
                     opt.get_name().c_str(), value);
      }
      FUZZ_CHECK(std::isfinite(value));
    }
    check_validators(opt, exact_text(value), index++);
  }
}

}  // namespace detail

/// After a successful parse: for every subcommand that was parsed, every numeric option that was
/// given has only finite values that its validators accept. Options not given keep their
/// defaults, which may be sentinels outside the range (e.g. --cover-minutes 0: "the largest of
/// --minutes") and are not values the user gave.
inline void check_accepted_numbers(CLI::App& root) {
  for (CLI::App* command : root.get_subcommands()) {  // the parsed ones
    for (CLI::Option* opt : command->get_options()) {
      if (opt->count() == 0) continue;
      const std::string type = base_type_name(*opt);
      if (type == "FLOAT" || type == "NUMBER") {
        detail::check_option<double>(*opt);
      } else if (type == "INT") {
        detail::check_option<std::int64_t>(*opt);
      } else if (type == "UINT") {
        detail::check_option<std::uint64_t>(*opt);
      }
    }
  }
}

}  // namespace fuzz
