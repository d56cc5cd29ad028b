// Joins lines that meet end to end into as few chains as possible, passing straight through
// junctions: at every point where line ends meet, the ends are paired (the most nearly
// straight pair first), and each pair is joined into one chain; only an odd end stays an end.
//
// Why: a GEOS buffer gives every chain end a round cap (a half disk of 2 * quadrant segments
// chords) and every junction of k ends k overlapping caps, whose arcs all cut each other and
// must be noded, labelled and mostly thrown away. GEOSLineMerge only joins lines through
// points where exactly two ends meet; pairing the ends at 3- and 4-way junctions too leaves
// one cap (or none) there. The union of the lines, so the buffer's area, stays the same.
#pragma once

#include <vector>

#include "planner/geometry.h"

namespace planner {

/// Chains made of the given lines (each of two or more distinct points). Ends meet when their
/// points are equal. A chain may pass a point more than once, or be closed (first == last).
/// Deterministic: the same lines in the same order give the same chains.
std::vector<LineString> merge_chains(const std::vector<LineString>& lines);

}  // namespace planner
