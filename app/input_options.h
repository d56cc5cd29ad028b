// The input options shared by the commands that read a city: layers, field mapping, CRS and
// length model. Loading them is io/run/load_inputs.h.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "io/run/load_inputs.h"

namespace app {

using io::InputOptions;
using io::LoadedInputs;

/// Registers --gcj02 [LAYERS] (bare: every layer; else a list of io::Gcj02Layers::names()); an
/// unknown layer name is a usage error naming it.
void add_gcj02_option(CLI::App& cmd, io::Gcj02Layers& layers);

/// Registers --roads, --centers, --blocks, ..., field mapping, --crs, --gcj02 and friends.
void add_input_options(CLI::App& command, InputOptions& options);

/// --<role>-encoding: one layer's text encoding (io::LayerRef::encoding), named in its messages.
void add_layer_encoding(CLI::App& command, const std::string& role, io::LayerRef& ref);

}  // namespace app
