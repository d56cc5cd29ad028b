// Loading a city: the input layers named by a run's options, read, measured and projected into
// the run CRS as planner inputs. Shared by evaluate, site and scenario runs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/crs/gcj02_layers.h"
#include "io/crs/length_model.h"
#include "io/errors.h"
#include "io/gdal/layer_reader.h"
#include "io/run/run_errors.h"
#include "io/run/stage_timer.h"
#include "planner/coverage/demand_points.h"
#include "planner/inputs.h"
#include "planner/parameters.h"

namespace io {

/// --demand-points and its options (`evaluate`, `site`): service requests summed per block
/// (io/run/demand_inputs.h).
struct DemandPointOptions {
  LayerRef points;           ///< --demand-points, --demand-points-layer; empty path: none
  std::string weight_field;  ///< --demand-points-weight; empty: each point weighs 1
  double snap_m = planner::default_demand_snap_m;  ///< --demand-snap-m
};

/// The input options of `evaluate` (and the same keys of a scenario file).
struct InputOptions {
  LayerRef roads, centers, blocks, entrances, communities, grids, subdistricts;
  FieldMap road_fields, center_fields, block_fields, entrance_fields, community_fields, grid_fields,
      subdistrict_fields;
  ReadSettings settings;                   ///< --encoding, --assume-crs, --fail-on-invalid
  std::string crs;                         ///< --crs; empty: UTM zone of the data's centre
  Gcj02Layers gcj02;                       ///< --gcj02 [LAYERS]: which layers are GCJ-02
  std::string length_model = "ellipsoid";  ///< --length-model
  double node_tolerance_m = planner::default_node_tolerance_m;  ///< --node-tolerance
  /// The option named in messages about the centers layer: `site` reads it as --existing.
  std::string centers_option = "--centers";
  /// Read by load_demand_points (io/run/demand_inputs.h), not by load_inputs.
  DemandPointOptions demand_points{};
  /// A network prepared for many evaluations (io/run/evaluate_run.h): no centers layer is
  /// required now, each evaluation brings its own (load_centers).
  bool centers_later = false;
};

struct LoadedInputs {
  planner::Inputs inputs;
  std::string run_crs;
  LengthModel length_model = LengthModel::ellipsoid;
  std::size_t missing_osm_node_refs = 0;
  bool blocks_from_extract = false;   ///< --roads was an OSM extract and gave the blocks
  bool centers_from_extract = false;  ///< ... and the centers
  std::vector<LayerRead> layers{};    ///< every layer read, in reading order
};

/// One line for a layer read: "--blocks: 小区.shp (layer 小区, ESRI Shapefile), 2 features, CRS
/// WGS 84, text GBK (detected); fields id=编号, name=名称, population=人口, grid=-" (ids not
/// found: "(FID)"). Every command prints these so that a wrong pick is seen at once.
std::string layer_read_text(const LayerRead& read);

/// The layer_read_text() lines, each ending in a newline.
std::string layers_read_text(const std::vector<LayerRead>& layers);

/// Reads every layer (an OSM extract as --roads also gives blocks and centers when those are
/// not given), measures road lengths, chooses the run CRS and projects everything into it.
/// Throws InputError / std::invalid_argument for bad input, UsageError for a missing required
/// layer; an InputError from a layer names the option that gave it ("--blocks: file ...").
/// Roads or blocks that yield no feature are an InputError. What a read skipped, repaired or
/// found empty goes to `warn` as "--blocks: file ..., layer ...: ..." (docs/errors.md §4).
LoadedInputs load_inputs(const InputOptions& options, StageTimer& timer,
                         const WarningSink& warn = {});

/// The centers layer alone, read as load_inputs reads it, converted from GCJ-02 with
/// options.gcj02 and projected into `run_crs`: the centers of one evaluation of a network loaded
/// before. `read` receives what the read used (for summary.json's layers).
std::vector<planner::Center> load_centers(const InputOptions& options, const std::string& run_crs,
                                          LayerRead& read, const WarningSink& warn = {});

/// Runs read() for the layer of one option; an InputError it throws gets the option in front
/// ("--candidates: file ...") so that the planner knows which of several layers is meant.
template <class Read>
auto read_role(const std::string& option, Read&& read) {
  try {
    return read();
  } catch (const InputError& e) {
    throw InputError(option, e.where(), e.reason());
  }
}

/// Passes what a read skipped, left out or will repair to `warn` as "<option>: file ...,
/// layer ...: ..." (docs/errors.md §4). load_inputs does it for its layers; `site` for
/// --candidates and --allowed.
void report_read(const std::string& option, const ReadReport& report, const WarningSink& warn = {});

}  // namespace io
