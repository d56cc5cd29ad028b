// Never destroy an input: `evaluate --out roads.gpkg --overwrite`, the same file through
// `sub/../roads.gpkg`, an absolute path, a hard or symbolic link, or a folder output (shp,
// geojson, csv, a `run` folder) that holds an input, would replace the input with the result.
// Every command lists what it reads and what it writes, with the options that named them, and
// this check refuses any clash before any work starts (docs/errors.md §6).
#pragma once

#include <string>
#include <vector>

#include "io/run/load_inputs.h"
#include "io/run/output_files.h"

namespace io {

/// A file or folder named by an option ("--roads", "--out", "scenario 'a.toml': roads").
struct NamedPath {
  std::string option;
  std::string path;
  bool folder = false;  ///< an output folder replaced or filled as a whole: inputs inside clash
};

/// Throws OutputError naming both options when an output is an input (the same device and inode
/// when both exist, the same normalised absolute path otherwise), when an input lies inside an
/// output marked `folder`, or when an output is one of a Shapefile input's sidecars (.shx, .dbf,
/// .prj, .cpg, .qix...: the same name with another extension). Paths that are not files
/// (PG:..., /vsi...) and empty paths are skipped.
void refuse_output_over_input(const std::vector<NamedPath>& inputs,
                              const std::vector<NamedPath>& outputs);

/// The input layers of an evaluate-like run, named by their options (empty paths left out).
std::vector<NamedPath> input_paths(const InputOptions& inputs);

/// Every file a write_results / timings / compliance write for `options` makes, as "--out":
/// the GeoPackage or the folder (whole), and summary.json, timings.json, the compliance CSV.
std::vector<NamedPath> output_paths(const OutputOptions& options);

}  // namespace io
