// Which blocks have an access point next to each junction, so that a search from one center
// looks only at the blocks beside what it reached. Checking every block after every center's
// search made the per-center reach stage grow with centers × blocks: 8,000 × 18,192 on the 4×4
// tiled Malta, where it took longer than the whole evaluation.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/ids.h"
#include "planner/network/block_sites.h"
#include "planner/network/edge_set.h"

namespace planner {

/// For every vertex, the blocks with a snapped access point on an edge that ends at it (CSR,
/// blocks ascending per vertex, each listed once per vertex). An access point on edge e can
/// only be reached through e's tail or head, or from a source on e itself.
class BlocksByVertex {
 public:
  BlocksByVertex(const EdgeSet& edges, std::span<const BlockSite> sites);

  std::span<const std::uint32_t> at(NodeId v) const {
    return {m_blocks.data() + m_first[v], m_blocks.data() + m_first[v + 1]};
  }

 private:
  std::vector<std::uint32_t> m_first;   ///< vertices + 1 offsets into m_blocks
  std::vector<std::uint32_t> m_blocks;  ///< block indices
};

/// The blocks a search may have reached, gathered without a pass over every block: stamps
/// instead of clearing, one per thread.
class ReachedBlocks {
 public:
  explicit ReachedBlocks(std::size_t block_count) : m_stamp_of(block_count, 0) {}

  /// Starts a new gathering; costs nothing per block.
  void clear();
  /// Adds the blocks listed at v (each once per gathering).
  void add(const BlocksByVertex& index, NodeId v);
  /// The blocks gathered, ascending (the order sums are taken in, as a loop over all would).
  std::span<const std::uint32_t> sorted();

 private:
  std::vector<std::uint32_t> m_stamp_of;
  std::uint32_t m_stamp = 0;
  std::vector<std::uint32_t> m_blocks;
};

}  // namespace planner
