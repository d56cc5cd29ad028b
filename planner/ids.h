// Dense ids and named sentinels shared by the whole engine.
//
// Vertices and arcs are dense 32-bit indices into flat arrays; external ids (OSM node ids,
// feature ids) are mapped to them once, when the network is built.
#pragma once

#include <cstdint>
#include <limits>

namespace planner {

using NodeId = std::uint32_t;  ///< dense vertex index of the street graph
using ArcId = std::uint32_t;   ///< dense arc index (each walkable edge is two arcs)
using EdgeId = std::uint32_t;  ///< dense index of an undirected edge piece

static_assert(sizeof(NodeId) == 4 && sizeof(ArcId) == 4 && sizeof(EdgeId) == 4);

inline constexpr std::uint32_t invalid_id = std::numeric_limits<std::uint32_t>::max();
inline constexpr double inf_time = std::numeric_limits<double>::infinity();

/// An external id that was not given (no OSM node id, no topology field).
inline constexpr std::int64_t no_external_id = std::numeric_limits<std::int64_t>::min();

}  // namespace planner
