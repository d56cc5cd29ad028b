// Small islands of the walking network: components other than the largest that are too small to
// be a neighbourhood's streets (a footway drawn around a pond, a courtyard path, a road the data
// did not join). Snapping ignores them while a real street is within reach (docs/user-guide.md
// §5.3): a block whose access point lands on a 3-junction island would otherwise be reported
// unreachable, and siting would propose a station there to "close" a gap in the data.
#pragma once

#include <cstdint>
#include <vector>

#include "planner/network/network.h"

namespace planner {

/// A component other than the largest is a small island when it has fewer than
/// share x (vertices of the largest component) vertices, or fewer than min_vertices vertices,
/// whichever bound is larger (the diagnostics' --island-share and --island-vertices).
struct IslandRule {
  double share = 0.01;
  std::uint32_t min_vertices = 10;
};

/// Components with fewer vertices than this are small islands (the largest never is); 0 for an
/// empty graph.
std::uint32_t island_below(const StreetGraph& graph, const IslandRule& rule);

/// Per edge: 1 when it lies on a small island, else 0.
std::vector<std::uint8_t> small_island_edges(const Network& network, const IslandRule& rule);

}  // namespace planner
