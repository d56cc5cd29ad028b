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
#include "planner/parameters.h"
#include "planner/search/access_time.h"
#include "planner/search/walk_times.h"

namespace planner {

enum class BandMode { rings, disks };                ///< --bands
enum class Overlap { per_center, dissolve, split };  ///< --overlap
enum class Hull { none, convex };                    ///< --hull

struct ServiceAreaParams {
  std::vector<double> minutes{default_minutes};  ///< ascending thresholds
  BandMode bands = BandMode::rings;
  Overlap overlap = Overlap::per_center;
  Hull hull = Hull::none;
  double buffer_m = default_buffer_m;
  double simplify_m = default_simplify_m;             ///< 0: no simplification
  int quadrant_segments = default_quadrant_segments;  ///< buffer arcs: segments per quarter circle
  /// Only for the overload without WalkTimes (which then builds them at this speed); the one
  /// with WalkTimes takes the speed from them.
  double speed_mps = default_speed_kmh / kmh_per_mps;
  unsigned threads = 0;
  /// Build polygons and keep reach_edges. Without, only the per-center reach (blocks and
  /// population within the cover threshold) is computed: cheap, while polygons are not yet.
  bool polygons = true;
  CancelToken cancel;  ///< asked before each center and each band (throws Cancelled)
};

/// Throws InvalidValue naming the option when out of range.
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

/// What one dissolve/split group (all centers, or one tier) reaches together: the pieces of its
/// multi-source search, so every street piece appears once, at the least time from any center
/// of the group (label = that center). The dissolved polygons are built from these pieces.
struct GroupReach {
  std::string tier;  ///< the group's tier ("" when centers have none)
  std::vector<ReachPiece> pieces;
};

struct ServiceAreas {
  std::vector<ServiceAreaPolygon> polygons;
  std::vector<ReachPiece> reach_edges;  ///< per-center pieces (label = center), center by center
  std::vector<CenterReach> reach;       ///< per center (unsnapped centers: zero)
  /// Overlap::dissolve and split only: one entry per group, tiers in name order (as the
  /// polygons). Empty for per_center and without polygons.
  std::vector<GroupReach> group_reach{};
};

/// Per-center bounded searches in parallel, then polygons grouped as params.overlap says.
/// `sources` are the snapped centers (label = center index); cover_s is the coverage threshold
/// for CenterReach. Output order does not depend on the thread count.
ServiceAreas build_service_areas(const Network& network, const Inputs& inputs,
                                 const std::vector<SnappedSource>& sources,
                                 const std::vector<BlockSite>& sites, double cover_s,
                                 const ServiceAreaParams& params);

/// The same over walking times already built for this network (the evaluation's), with the
/// parameters already validated; params.speed_mps is not used.
ServiceAreas build_service_areas(const Network& network, const WalkTimes& walk,
                                 const Inputs& inputs, const std::vector<SnappedSource>& sources,
                                 const std::vector<BlockSite>& sites, double cover_s,
                                 const ServiceAreaParams& params);

}  // namespace planner
