// Walking times over one network (the base or a variant's): the walking speed and the seconds
// of every arc, built once and shared read-only by every search, access leg, service area and
// siting run over that network, so neither the speed conversion nor the arc times are redone
// per call.
//
// Arc seconds are edge_length_m / speed. A scenario's class speed factor is still applied to
// the variant's edge set (planner/scenario/edits.h), so (length / factor) / speed is the order
// of the arithmetic for slowed arcs.
#pragma once

#include <span>
#include <vector>

#include "planner/network/edge_set.h"
#include "planner/network/network.h"
#include "planner/network/street_graph.h"

namespace planner {

class WalkTimes {
 public:
  /// `speed_mps` > 0 (InternalError otherwise: it is checked where it enters).
  WalkTimes(const StreetGraph& graph, const EdgeSet& edges, double speed_mps);
  WalkTimes(const Network& network, double speed_mps)
      : WalkTimes(*network.graph, network.edges, speed_mps) {}

  double speed_mps() const { return m_speed_mps; }
  /// Seconds per arc, indexed by ArcId.
  std::span<const double> arc_s() const { return m_arc_s; }
  /// Seconds to walk `metres` (an access leg, a stretch along an edge) at the walking speed.
  double seconds(double metres) const { return metres / m_speed_mps; }
  /// Metres walked in `seconds` at the walking speed.
  double metres(double seconds) const { return seconds * m_speed_mps; }

 private:
  double m_speed_mps;
  std::vector<double> m_arc_s;
};

}  // namespace planner
