// The edits of a scenario variant (docs/scenarios.md) as pure operations on what one run has
// already loaded and built: the projected centers and the network's edge set. Nothing here reads
// a file or rebuilds from the road lines: a variant that changes the network gets a new edge set
// derived from the base one, and only its CSR graph is built again.
//
// How each network edit is applied:
// - closing roads and barriers removes edges (vertices stay, so vertex ids keep their meaning);
// - a footpath is joined at each end to the nearest edge within a tolerance, which is split there
//   (a new vertex, external id -1 - its index), and becomes one new edge;
// - a speed factor for a road class becomes the speed factor of the class's edges
//   (EdgeSet::edge_speed_factor); lengths stay lengths, and every time along those edges, in
//   the graph search and along a snapped edge alike, is (metres / factor) / speed
//   (planner/search/walk_times.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "planner/geometry.h"
#include "planner/inputs.h"
#include "planner/network/edge_set.h"
#include "planner/network/network.h"

namespace planner {

/// Network edits, every coordinate in the run CRS.
struct NetworkEdits {
  std::vector<std::int64_t> close_roads;  ///< RoadLine::feature_id: every edge of the feature
  std::vector<LineString> barrier_lines;  ///< every edge crossing or touching one is closed
  MultiPolygon barrier_polygons;          ///< every edge meeting one (crossing or inside) is closed
  std::vector<LineString> footpaths;      ///< new walkable lines, joined at their two ends
  double footpath_snap_m = 50.0;          ///< how far a footpath end may be from the network
  std::map<std::string, double> speed_factor;  ///< RoadLine::highway -> speed multiplier (> 0)

  bool empty() const {
    return close_roads.empty() && barrier_lines.empty() && barrier_polygons.empty() &&
           footpaths.empty() && speed_factor.empty();
  }
};

/// What applying the network edits did, for the run's report.
struct NetworkEditReport {
  std::uint32_t closed_edges = 0;
  std::uint32_t footpath_edges = 0;
  std::uint32_t split_edges = 0;   ///< edges cut where a footpath joins them
  std::uint32_t slowed_edges = 0;  ///< edges whose speed factor is not 1
};

/// Feature id given to the i-th footpath's edge (negative, so never an input road's id).
std::int64_t footpath_feature_id(std::size_t index);

/// The edge set with the edits applied in this order: closures (roads, then barriers), then
/// footpaths (joined to the remaining edges), then speed factors. `roads` are the lines the base
/// edges were cut from (EdgeSet::edge_line indexes them; footpath edges have edge_line =
/// invalid_id and no class). Throws InvalidValue when a footpath end has no edge within
/// footpath_snap_m ("footpath N ...") or a speed factor is not positive.
EdgeSet edit_edges(const EdgeSet& base, const std::vector<RoadLine>& roads,
                   const NetworkEdits& edits, NetworkEditReport* report = nullptr);

/// A network over an already edited edge set: the edges plus a new CSR graph.
Network network_from_edges(EdgeSet edges);

/// The feature ids among `ids` that no road line carries, in the order given.
std::vector<std::int64_t> unknown_road_ids(const std::vector<RoadLine>& roads,
                                           const std::vector<std::int64_t>& ids);

/// The classes among `classes` that no road line carries (RoadLine::highway), in the order given:
/// a speed factor for such a class changes nothing, e.g. `footpath` where the data says `footway`.
std::vector<std::string> unknown_road_classes(const std::vector<RoadLine>& roads,
                                              const std::vector<std::string>& classes);

/// The distinct classes the road lines carry (empty ones left out), sorted bytewise.
std::vector<std::string> road_classes(const std::vector<RoadLine>& roads);

/// Center edits: close by id, then add (run CRS), then set capacities by id.
struct CenterEdits {
  std::vector<std::string> close;
  std::vector<Center> add;
  /// id -> capacity; every center with the id (kept or added) takes it.
  std::vector<std::pair<std::string, double>> set_capacity{};
};

/// The centers with the closed ones removed (order kept), the added ones appended, and the
/// capacities set.
std::vector<Center> edit_centers(const std::vector<Center>& base, const CenterEdits& edits);

/// The ids among `ids` that no center has, in the order given.
std::vector<std::string> unknown_center_ids(const std::vector<Center>& centers,
                                            const std::vector<std::string>& ids);

}  // namespace planner
