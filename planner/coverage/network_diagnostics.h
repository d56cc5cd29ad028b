// The network health report: what in the road data makes walking times wrong or blocks
// unreachable, one finding per object, so a planner can open the `diagnostics` layer in GIS and
// fix the roads (docs/diagnostics.md). Pure: a function of the network (and of an evaluation for
// where centers and blocks were snapped).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "planner/coverage/evaluation.h"
#include "planner/geometry.h"
#include "planner/network/network.h"

namespace planner {

struct DiagnosticsParams {
  /// A component other than the largest is a small island when it has fewer than
  /// island_share x (vertices of the largest component) vertices, or fewer than
  /// island_min_vertices vertices, whichever bound is larger.
  double island_share = 0.01;
  std::uint32_t island_min_vertices = 10;
  double long_edge_m = 1000.0;  ///< an edge longer than this (model length) is reported
  double zero_edge_m = 0.001;   ///< an edge shorter than this (1 mm) counts as zero length
};

/// Throws InvalidValue naming the option when a parameter is out of range.
void validate(const DiagnosticsParams& params);

enum class FindingKind {
  island,            ///< a small disconnected component (see DiagnosticsParams)
  component,         ///< another disconnected component, not small
  center_on_island,  ///< a center snapped onto a small island: it serves only that island
  block_on_island,   ///< a block whose every snapped access point lies on a small island
  long_edge,         ///< an edge longer than long_edge_m
  zero_edge,         ///< an edge shorter than zero_edge_m
  duplicate_edge,    ///< same two vertices and the same geometry as an earlier edge
};

enum class Severity { info, warning };
enum class ObjectType { component, edge, center, block };

/// "island" | "component" | "center_on_island" | "block_on_island" | "long_edge" | "zero_edge" |
/// "duplicate_edge".
std::string_view to_string(FindingKind kind);
/// "info" | "warning".
std::string_view to_string(Severity severity);
/// "component" | "edge" | "center" | "block".
std::string_view to_string(ObjectType type);

struct Finding {
  FindingKind kind = FindingKind::island;
  Severity severity = Severity::warning;
  ObjectType object = ObjectType::edge;
  /// Component index, edge id, center index or block index, by `object`.
  std::uint32_t index = invalid_id;
  /// Edge length (m) for edges; vertices of the component for components, centers and blocks.
  double value = 0.0;
  /// duplicate_edge: the earlier edge it repeats; center/block: the component; else invalid_id.
  std::uint32_t other = invalid_id;
  /// Where to look: the edge's line; a component's longest edge; for a center or block, the
  /// straight line from the point to where it meets the network.
  LineString geometry;
};

struct DiagnosticsCounts {
  std::uint32_t components = 0;  ///< connected components, the largest included
  std::uint32_t islands = 0;
  std::uint32_t island_vertices = 0;  ///< vertices on small islands
  std::uint32_t centers_on_islands = 0;
  std::uint32_t blocks_on_islands = 0;
  std::uint32_t long_edges = 0;
  std::uint32_t zero_edges = 0;
  std::uint32_t duplicate_edges = 0;
};

struct NetworkDiagnostics {
  DiagnosticsParams params;
  std::uint32_t island_below = 0;  ///< components with fewer vertices are small islands
  DiagnosticsCounts counts;
  /// Ordered: components by index, then edges by id (long, zero, duplicate), then centers and
  /// blocks by index (appended by diagnose_snapping).
  std::vector<Finding> findings;
};

/// The findings on the network alone (components, long, zero-length and duplicate edges).
NetworkDiagnostics diagnose_network(const Network& network, const DiagnosticsParams& params = {});

/// Adds centers and blocks snapped onto small islands, from an evaluation of that network with
/// these inputs.
void diagnose_snapping(NetworkDiagnostics& diagnostics, const Network& network,
                       const Inputs& inputs, const Evaluation& evaluation);

}  // namespace planner
