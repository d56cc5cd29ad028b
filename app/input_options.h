// The input options shared by the commands that read a city: layers, field mapping, CRS and
// length model; and the loading step that turns them into projected planner inputs.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "app/stage_timer.h"
#include "io/crs/length_model.h"
#include "io/gdal/layer_reader.h"
#include "planner/inputs.h"

namespace app {

struct InputOptions {
  io::LayerRef roads, centers, blocks, entrances, communities;
  io::FieldMap road_fields, center_fields, block_fields, entrance_fields, community_fields;
  io::ReadSettings settings;               ///< --encoding, --assume-crs, --fail-on-invalid
  std::string crs;                         ///< --crs; empty: UTM zone of the data's centre
  bool gcj02 = false;                      ///< --gcj02
  std::string length_model = "ellipsoid";  ///< --length-model
  double node_tolerance_m = 0.01;          ///< --node-tolerance
  /// The option named in messages about the centers layer: `site` reads it as --existing.
  std::string centers_option = "--centers";
};

/// Registers --roads, --centers, --blocks, ..., field mapping, --crs, --gcj02 and friends.
void add_input_options(CLI::App& command, InputOptions& options);

struct LoadedInputs {
  planner::Inputs inputs;
  std::string run_crs;
  io::LengthModel length_model = io::LengthModel::ellipsoid;
  std::size_t missing_osm_node_refs = 0;
  bool blocks_from_extract = false;   ///< --roads was an OSM extract and gave the blocks
  bool centers_from_extract = false;  ///< ... and the centers
};

/// Reads every layer (an OSM extract as --roads also gives blocks and centers when those are
/// not given), measures road lengths, chooses the run CRS and projects everything into it.
/// Throws io::InputError / std::invalid_argument for bad input; an InputError from a layer names
/// the option that gave it ("--blocks: file ..."). Roads or blocks that yield no feature are an
/// InputError. What a read skipped, repaired or found empty is printed to stderr as
/// "circleplan: warning: --blocks: file ..., layer ...: ..." (docs/errors.md §4).
LoadedInputs load_inputs(const InputOptions& options, StageTimer& timer);

/// Runs read() for the layer of one option; an io::InputError it throws gets the option in front
/// ("--candidates: file ...") so that the planner knows which of several layers is meant.
template <class Read>
auto read_role(const std::string& option, Read&& read) {
  try {
    return read();
  } catch (const io::InputError& e) {
    throw io::InputError(option, e.where(), e.reason());
  }
}

/// Prints what a read skipped, left out or will repair as "circleplan: warning: <option>: file
/// ..., layer ...: ..." (docs/errors.md §4). load_inputs does it for its layers; `site` for
/// --candidates and --allowed.
void report_read(const std::string& option, const io::ReadReport& report);

}  // namespace app
