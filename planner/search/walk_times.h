// Walking times over one network (the base or a variant's): the walking speed and the seconds
// of every arc, built once and shared read-only by every search, access leg, service area and
// siting run over that network, so neither the speed conversion nor the arc times are redone
// per call.
//
// Lengths stay lengths. A scenario's class speed factor (EdgeSet::edge_speed_factor) makes a
// stretch of an edge walk like a longer one: along() gives those "time-equivalent metres"
// (metres / factor), so a slowed arc takes (length / factor) / speed and a snapped point's
// walk along its edge (offset / factor) / speed; unslowed edges keep metres / speed exactly.
//
// true_metres() gives the same interface over plain network distance (a standard's network-metre
// tiers): 1 m/s with every speed factor ignored, so its "seconds" are true metres in every
// variant.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "planner/ids.h"

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

  /// Times that are true metres: speed 1 m/s, arcs take their length, along() and on_edge()
  /// are the identity (speed factors ignored), so a search over them measures network distance.
  static WalkTimes true_metres(const Network& network);

  double speed_mps() const { return m_speed_mps; }
  /// Seconds per arc, indexed by ArcId.
  std::span<const double> arc_s() const { return m_arc_s; }
  /// Seconds to walk `metres` (an access leg, a stretch along an edge) at the walking speed.
  double seconds(double metres) const { return metres / m_speed_mps; }
  /// Metres walked in `seconds` at the walking speed.
  double metres(double seconds) const { return seconds * m_speed_mps; }

  /// `metres` along edge e as time-equivalent metres at the walking speed (metres / factor).
  double along(EdgeId e, double metres) const {
    return m_factor.empty() ? metres : metres / m_factor[e];
  }
  /// The inverse: time-equivalent metres along edge e back to metres.
  double on_edge(EdgeId e, double equivalent_m) const {
    return m_factor.empty() ? equivalent_m : equivalent_m * m_factor[e];
  }

 private:
  WalkTimes(double speed_mps, std::vector<double> arc_s, std::vector<double> factor)
      : m_speed_mps(speed_mps), m_arc_s(std::move(arc_s)), m_factor(std::move(factor)) {}

  double m_speed_mps;
  std::vector<double> m_arc_s;
  std::vector<double> m_factor;  ///< EdgeSet::edge_speed_factor
};

}  // namespace planner
