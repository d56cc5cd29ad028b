// Reading a service-standard file (TOML, docs/standards.md) into planner::Standard: the tiers
// from the most local to the highest, each with the centers' tier values it takes and its reach
// (walk minutes, network metres or a straight-line radius). Every mistake is an InputError naming
// the file, line, column and key, before any data is read, so a planner fixes the file first.
#pragma once

#include <string>
#include <string_view>

#include "planner/coverage/standard.h"

namespace io {

/// Reads and checks a standard file. Throws InputError for a missing file, a TOML syntax error,
/// an unknown key (listing the known ones), a wrong type, an unknown metric, a reach given as
/// both or neither of minutes and metres, a threshold out of range, an empty tier list, a tier
/// without centers, duplicate tier names, and a center value listed by two tiers.
planner::Standard read_standard(const std::string& path);

/// Checks a standard given as text exactly as read_standard checks a file's contents; `path`
/// names it in errors, is Standard::source, and its stem is the default name.
planner::Standard parse_standard(std::string_view toml_text, const std::string& path);

}  // namespace io
