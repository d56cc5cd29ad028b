// Service areas: how far each center reaches on foot within each threshold, as the reached
// network pieces and as polygons built from them (buffered and unioned with GEOS), never a hull
// unless asked: in a water town a circle must follow the network, not jump canals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "planner/areas/reach_pieces.h"
#include "planner/areas/voronoi_split.h"
#include "planner/cancel.h"
#include "planner/network/block_sites.h"
#include "planner/search/access_time.h"

namespace planner {

enum class BandMode { rings, disks };                ///< --bands
enum class Overlap { per_center, dissolve, split };  ///< --overlap
enum class Hull { none, convex };                    ///< --hull

struct ServiceAreaParams {
  std::vector<double> minutes{15.0};  ///< ascending thresholds
  BandMode bands = BandMode::rings;
  Overlap overlap = Overlap::per_center;
  Hull hull = Hull::none;
  double buffer_m = 25.0;
  double simplify_m = 0.0;    ///< 0: no simplification
  int quadrant_segments = 8;  ///< buffer arcs: segments per quarter circle
  double speed_mps = 4.5 / 3.6;
  unsigned threads = 0;
  /// Build polygons and keep reach_edges. Without, only the per-center reach (blocks and
  /// population within the cover threshold) is computed: cheap, while polygons are not yet.
  bool polygons = true;
  CancelToken cancel;  ///< asked before each center and each band (throws Cancelled)
};

/// Throws std::invalid_argument naming the option when out of range.
void validate(const ServiceAreaParams& params);

struct ServiceAreaPolygon {
  std::uint32_t center = invalid_id;  ///< per-center and split; invalid_id for dissolve
  std::string tier;                   ///< dissolve per tier; the center's tier otherwise
  std::uint32_t band = 0;
  double from_min = 0.0, to_min = 0.0;  ///< from_min 0 for disks
  MultiPolygon shape;
  double area_m2 = 0.0;
  double pop = 0.0;  ///< area-weighted population of the blocks inside (see docs/service-areas.md)
};

/// What one center reaches within the cover threshold.
struct CenterReach {
  std::uint32_t blocks = 0;  ///< blocks with an access point within the threshold
  double pop = 0.0;          ///< their population
};

struct ServiceAreas {
  std::vector<ServiceAreaPolygon> polygons;
  std::vector<ReachPiece> reach_edges;  ///< per-center pieces (label = center), center by center
  std::vector<CenterReach> reach;       ///< per center (unsnapped centers: zero)
};

/// Per-center bounded searches in parallel, then polygons grouped as params.overlap says.
/// `sources` are the snapped centers (label = center index); cover_s is the coverage threshold
/// for CenterReach. Output order does not depend on the thread count.
ServiceAreas build_service_areas(const Network& network, const Inputs& inputs,
                                 const std::vector<SnappedSource>& sources,
                                 const std::vector<BlockSite>& sites, double cover_s,
                                 const ServiceAreaParams& params);

}  // namespace planner
