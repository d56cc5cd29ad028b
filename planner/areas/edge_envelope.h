// Walking time along one edge from several sources, and where it stays within a limit.
//
// Every way onto an edge is a "V": a source (an end vertex reached at time a, or a center
// snapped on the edge at offset p with its access leg) gives T(x) = a + |x - p| / speed. The
// time at x is the lower envelope of the V's; this cuts [0, length] into pieces where one
// source is nearest and the time is linear, so pieces can be cut exactly at any threshold.
#pragma once

#include <cstdint>
#include <vector>

namespace planner {

/// T(x) = time_s + |x - at_m| / speed, labelled.
struct TimeV {
  double at_m = 0.0;
  double time_s = 0.0;
  std::uint32_t label = 0;
};

/// A piece [from_m, to_m] of an edge where `label` is nearest and time is linear between
/// from_s and to_s.
struct EnvelopePiece {
  double from_m = 0.0, to_m = 0.0;
  double from_s = 0.0, to_s = 0.0;
  std::uint32_t label = 0;
};

/// Appends to `out` the pieces of [0, length_m] whose time is <= limit_s, in order along the
/// edge; ties go to the smaller label. `vs` may be in any order; empty gives nothing.
void lower_envelope(const std::vector<TimeV>& vs, double length_m, double speed_mps, double limit_s,
                    std::vector<EnvelopePiece>& out);

/// The same with the caller's scratch for the breakpoints: the reach collector calls this for
/// every reached edge of every center, and an allocation per call there is a malloc/free pair
/// per edge on every thread.
void lower_envelope(const std::vector<TimeV>& vs, double length_m, double speed_mps, double limit_s,
                    std::vector<EnvelopePiece>& out, std::vector<double>& breakpoints);

}  // namespace planner
