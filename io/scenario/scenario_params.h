// The evaluation parameters of a scenario file (docs/scenarios.md): the keys allowed at the top
// (the base) and in every [[variant]] alike, and how each is read and checked.
#pragma once

#include <set>
#include <string_view>

#include <toml++/toml.h>

#include "io/scenario/scenario_file.h"
#include "io/scenario/scenario_reader.h"

namespace io::scenario_detail {

/// speed-kmh, minutes, cover-minutes, max-snap, sample-spacing, search-limit, standard, access,
/// access-minutes, access-steps.
extern const std::set<std::string_view> param_keys;

/// Reads parameter `key` into `p`; false when `key` is not a parameter. Fails (InputError at
/// the value) for a wrong type or a value out of range.
bool read_param(const Reader& r, std::string_view key, const toml::node& v, ScenarioParams& p);

}  // namespace io::scenario_detail
