// Where each block meets the network: its access points (entrances, or the representative
// point) and its sample grid, all snapped once. Evaluations for any set of centers (all, one
// tier, a scenario) then cost no geometry at all.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/cancel.h"
#include "planner/inputs.h"
#include "planner/network/islands.h"
#include "planner/network/network.h"
#include "planner/network/snap_index.h"
#include "planner/parameters.h"

namespace planner {

struct BlockSiteOptions {
  double max_snap_m = default_max_snap_m;              ///< --max-snap
  double sample_spacing_m = default_sample_spacing_m;  ///< cov_share grid spacing
  unsigned threads = 0;                                ///< 0: all hardware threads
  CancelToken cancel;                                  ///< asked before each block
  /// Edges on small islands are snapped to only when no other edge is within max_snap_m.
  IslandRule islands{};
};

/// A point of a block with its network position (nullopt when beyond max_snap_m).
struct SnappedPoint {
  XY xy;
  std::optional<EdgePosition> snap;
};

struct BlockSite {
  double area_m2 = 0.0;
  XY representative;                 ///< GEOS point on surface
  bool from_entrances = false;       ///< access points are the block's entrances
  bool repaired = false;             ///< the polygon was invalid and made valid
  std::vector<SnappedPoint> access;  ///< entrances, or the representative point
  /// Grid points inside the block (at least the representative point). With entrances they are
  /// not snapped: a resident walks straight to the nearest gate.
  std::vector<SnappedPoint> samples;
};

/// Index of the block each entrance belongs to: by block id when the entrance names one
/// (invalid_id for an unknown id), else the block it lies on or inside (within 1 m).
std::vector<std::uint32_t> link_entrances(const std::vector<Block>& blocks,
                                          const std::vector<Entrance>& entrances);

/// Builds the sites of every block, in parallel (output independent of the thread count).
std::vector<BlockSite> build_block_sites(const Network& network, const std::vector<Block>& blocks,
                                         const std::vector<Entrance>& entrances,
                                         std::span<const std::uint32_t> entrance_block,
                                         const BlockSiteOptions& options);

/// The same with an index the caller already built for the network with the same island rule
/// (an evaluation snaps its centers with it too: one index of every segment, built once).
std::vector<BlockSite> build_block_sites(const SnapIndex& snapper, const std::vector<Block>& blocks,
                                         const std::vector<Entrance>& entrances,
                                         std::span<const std::uint32_t> entrance_block,
                                         const BlockSiteOptions& options);

}  // namespace planner
