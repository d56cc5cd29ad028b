// The HTML report of one scenario: headline figures of the base and every variant, the table of
// changed blocks, and maps: interactive Leaflet maps (io/report/web_map.h) when Leaflet is
// given, else inline SVG from the real geometries (blocks coloured by status and minutes,
// centers with opened/closed marked, changed blocks outlined, legend and scale bar). One
// self-contained file: no scripts, fonts, images or styles from anywhere else (Leaflet is
// inlined), so it opens offline; every text is escaped; the same input gives the same bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/report/leaflet_assets.h"
#include "planner/areas/service_areas.h"
#include "planner/network/edge_set.h"
#include "planner/scenario/comparison.h"

namespace io {

/// One variant of a scenario, compared with the base. Variants beyond
/// ReportInput::max_mapped_variants are table rows only: their snapshot and comparison may hold
/// no blocks and centers (the scopes, compliance rows and counts are what is read).
struct ReportVariant {
  std::string name;
  const planner::ResultSnapshot* result = nullptr;  ///< not owned; outlives the call
  const planner::Comparison* comparison = nullptr;  ///< compare(base, *result); not owned
};

struct ReportInput {
  std::string title;  ///< e.g. the scenario name
  std::string base_name = "base";
  const planner::ResultSnapshot* base = nullptr;  ///< not owned
  std::vector<ReportVariant> variants;
  double cover_minutes = 15.0;  ///< the colour scale's "covered" limit
  std::string crs;              ///< shown under the maps, e.g. "EPSG:32629"
  bool osm_data = false;        ///< some shown data is from OpenStreetMap: print the ODbL line
  /// Blocks drawn per map at most; beyond it the map says how many were left out (smallest
  /// first) so the file stays small.
  std::size_t max_map_blocks = 20000;
  /// Changed blocks listed per variant table at most (the full list is in changes.csv).
  std::size_t max_table_rows = 500;
  /// Variants drawn as a map with their table of changed blocks, in order; the others appear in
  /// the headline and compliance tables and with their counts (a sweep of 1,000 variants gives a
  /// readable file, and `run` keeps only this many results in memory).
  std::size_t max_mapped_variants = 20;
  /// Leaflet to inline: interactive maps. nullopt: SVG maps.
  std::optional<LeafletAssets> leaflet{};
  /// The interactive maps' basemap: the base network's edges (run CRS). Not owned; may be null.
  const planner::EdgeSet* streets = nullptr;
  /// The base's service areas (run CRS), when the scenario computes them; drawn on its map.
  const std::vector<planner::ServiceAreaPolygon>* base_areas = nullptr;
  std::vector<double> minutes{};  ///< the base's --minutes: the maps' minutes classes
};

/// The complete HTML document (UTF-8). Throws std::invalid_argument when base or a variant's
/// pointers are null.
std::string html_report(const ReportInput& input);

}  // namespace io
