// Reading the user's layers with GDAL/OGR into planner's plain input values, in WGS84 lon/lat.
//
// Any OGR source works (GeoPackage, Shapefile with .cpg or --encoding, GeoJSON, FlatGeobuf,
// PostGIS "PG:..." ...). Each role has its field mapping; a named field that does not exist is an
// InputError naming the file, layer and field. A geometry of the wrong type for the role, a layer
// without CRS (unless assume_crs), and unreadable files are InputErrors too. Text that is not
// valid UTF-8 (e.g. a GBK Shapefile without .cpg read without --encoding) is an InputError
// suggesting --encoding; it is never passed on. Coordinates are checked: NaN or infinite values,
// values that cannot be lon/lat in a geographic CRS, and layers in a projected CRS whose values
// look like lon/lat degrees are InputErrors. Duplicate ids (centers, blocks) are
// InputErrors naming both features. Every message is listed in docs/errors.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "io/errors.h"
#include "planner/inputs.h"

namespace io {

/// A layer of a dataset: path plus optional layer name (empty: the dataset's only/first layer).
struct LayerRef {
  std::string path;
  std::string layer;
  /// This layer's text encoding (--blocks-encoding...): wins over a .cpg and over --encoding.
  std::string encoding{};
  /// The option or scenario key that sets `encoding`, named in messages ("--blocks-encoding").
  std::string encoding_option{};
};

/// "path", or "path:layer" when a layer is named: how run metadata lists an input.
std::string layer_label(const LayerRef& ref);

/// Settings shared by every read.
struct ReadSettings {
  /// --encoding: the text encoding of Shapefiles whose .cpg (or DBF language id) says none and
  /// of other formats that do not define theirs (not CSV, GeoPackage, GeoJSON, FlatGeobuf,
  /// PostGIS: UTF-8). Empty: such a layer's encoding is detected (UTF-8, else GBK, said).
  std::string encoding;
  std::string assume_crs;        ///< CRS for layers that have none; empty: such a layer is an error
  bool fail_on_invalid = false;  ///< an invalid polygon is an InputError instead of a warning
};

/// Field names per role. Empty means "use the defaults" listed in docs/formats.md
/// (e.g. population: pop, population, POP, 人口), tried in order, each exactly and then ignoring
/// case; a non-empty name must exist in the layer (ignoring case), else an InputError lists the
/// layer's fields. Text ids: numbers print without ".0" (12.0 -> "12"); a null or empty id
/// falls back to the FID.
struct FieldMap {
  std::string
      id;  ///< default: center_id / block_id / comm_id by role, then id, ID, osm_id, else the FID
  std::string name;         ///< default: name, NAME, 名称
  std::string tier;         ///< centers; default: tier, level, 级别
  std::string capacity;     ///< centers; default: capacity, 容量; absent: no capacity
  std::string community;    ///< blocks; default: community, comm_id, 社区; absent is fine
  std::string grid;         ///< blocks; default: grid, grid_id, 网格; absent is fine
  std::string subdistrict;  ///< blocks; default: subdistrict, subdist_id, 街道; absent is fine
  std::string population;  ///< blocks; default: pop, population, POP, 人口; absent: no population
  std::string block_id;    ///< entrances; default: block_id
  std::string source;      ///< roads topology; default: source (only used when target exists too)
  std::string target;      ///< roads topology; default: target
  std::string highway;     ///< roads class; default: highway, fclass, class
};

/// What a read used, said by every command on one line per layer and kept in summary.json, so
/// that a wrong pick (a field, an encoding, a CRS) is seen before its figures are trusted.
struct LayerUse {
  std::string driver;         ///< GDAL driver, e.g. "ESRI Shapefile"
  std::string crs;            ///< the layer's CRS name; "... (--assume-crs)" when assumed
  std::string encoding;       ///< "UTF-8", "GBK"...
  std::string encoding_from;  ///< "format", ".cpg", "DBF language id", "--encoding",
                              ///< "--blocks-encoding"..., "detected", "ASCII only"
  /// Role -> the field used for it ("id", "name", "population"...); empty: none (ids: the FID).
  std::vector<std::pair<std::string, std::string>> fields;
  /// Said as warnings: an encoding detected rather than declared, a doubtful DBF language id.
  std::vector<std::string> notes;
};

/// One input layer as a run read it: the option (or scenario key) that named it, the file and
/// layer, its feature count and what the read used.
struct LayerRead {
  std::string option;  ///< "--blocks"
  DataLocation where;  ///< file and the layer's real name
  std::size_t features = 0;
  LayerUse use;
};

/// What a read left out, so that the app can say so (nothing is dropped silently). The overloads
/// that take one add their counts to it; the others read the same way and discard them.
struct ReadReport {
  DataLocation layer;                ///< file and the layer's real name, for messages
  std::size_t features = 0;          ///< features in the layer
  std::size_t null_geometry = 0;     ///< skipped: no geometry
  std::size_t empty_geometry = 0;    ///< skipped: empty geometry
  std::size_t degenerate_parts = 0;  ///< parts left out: lines < 2 points, rings < 4 points
  std::size_t collections = 0;       ///< GeometryCollections read as their multi-geometry
  std::size_t invalid_polygons = 0;  ///< polygons that break OGC rules (repaired later)
  std::vector<std::int64_t> skipped_features;  ///< first few features skipped (null/empty)
  std::vector<std::string> invalid_examples;   ///< first few invalid polygons: "feature 3: why"
  /// Summed values (population, capacity) above their maximum (planner/inputs.h), read as
  /// missing: how many, in which field, the maximum, and the first few as "feature 3: 1.8e+308".
  std::size_t over_maximum{};
  std::string over_maximum_field{};
  double maximum{};
  std::vector<std::string> over_maximum_examples{};
  LayerUse use{};  ///< what the read used (fields, CRS, encoding)
};

/// How many feature ids a ReadReport lists per kind of problem.
inline constexpr std::size_t max_listed_features = 10;

/// Roads: lines or multi-lines (each part a RoadLine; curves linearised, Z/M dropped). segment_m
/// is left empty (see length_model.h). feature_id = the id field when it is an integer field (or,
/// when named explicitly, any field holding integers: other values are InputErrors), else FID.
/// source/target are read only when both fields exist; null leaves them unset; a multi-part line
/// with topology is an InputError.
std::vector<planner::RoadLine> read_roads(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings);

/// Centers: points (multi-points: each part, same id; polygons: their point on surface). Two
/// features with the same id are an InputError naming both. capacity: as blocks' pop, with
/// planner::max_center_capacity.
std::vector<planner::Center> read_centers(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings);

/// Blocks: polygons or multi-polygons, holes kept. pop: a numeric field or text holding a
/// number; null or blank -> empty; other text, negative or non-finite -> InputError naming the
/// feature and field; above planner::max_block_population -> empty, counted in the report.
/// Duplicate ids are an InputError naming both features. Invalid polygons are counted in the report
/// (the planner repairs them), or an InputError with fail_on_invalid.
std::vector<planner::Block> read_blocks(const LayerRef& ref, const FieldMap& fields,
                                        const ReadSettings& settings);

/// Entrances: points (multi-points: each part). block_id empty when the field is absent/null.
std::vector<planner::Entrance> read_entrances(const LayerRef& ref, const FieldMap& fields,
                                              const ReadSettings& settings);

/// Community boundaries: polygons or multi-polygons; invalid polygons as for blocks. Ids are not
/// checked for duplicates: `site --allowed` reads any polygons through this reader.
std::vector<planner::Community> read_communities(const LayerRef& ref, const FieldMap& fields,
                                                 const ReadSettings& settings);

/// The same reads, also reporting what was left out.
std::vector<planner::RoadLine> read_roads(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings, ReadReport& report);
std::vector<planner::Center> read_centers(const LayerRef& ref, const FieldMap& fields,
                                          const ReadSettings& settings, ReadReport& report);
std::vector<planner::Block> read_blocks(const LayerRef& ref, const FieldMap& fields,
                                        const ReadSettings& settings, ReadReport& report);
std::vector<planner::Entrance> read_entrances(const LayerRef& ref, const FieldMap& fields,
                                              const ReadSettings& settings, ReadReport& report);
std::vector<planner::Community> read_communities(const LayerRef& ref, const FieldMap& fields,
                                                 const ReadSettings& settings, ReadReport& report);

/// Which reporting boundary a layer holds: it decides the default id field (comm_id, grid_id,
/// subdist_id, then id, ID, osm_id).
enum class BoundaryKind { community, grid, subdistrict };

/// Reporting boundaries (communities, grids, subdistricts), read as read_communities reads.
std::vector<planner::Boundary> read_boundaries(const LayerRef& ref, const FieldMap& fields,
                                               const ReadSettings& settings, ReadReport& report,
                                               BoundaryKind kind);

}  // namespace io
