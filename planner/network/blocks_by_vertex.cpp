#include "planner/network/blocks_by_vertex.h"

#include <algorithm>

namespace planner {

BlocksByVertex::BlocksByVertex(const EdgeSet& edges, std::span<const BlockSite> sites)
    : m_first(edges.vertex_count() + 1, 0) {
  // Two passes (count, then fill) over the blocks in index order keep each vertex's list
  // ascending; a block with several access points near one vertex is listed once there.
  std::vector<std::uint32_t> last_block(edges.vertex_count(), invalid_id);
  auto for_each_entry = [&](auto&& emit) {
    std::fill(last_block.begin(), last_block.end(), invalid_id);
    for (std::uint32_t b = 0; b < sites.size(); ++b) {
      for (const SnappedPoint& access : sites[b].access) {
        if (!access.snap) continue;
        for (NodeId v : {edges.edge_tail[access.snap->edge], edges.edge_head[access.snap->edge]}) {
          if (last_block[v] == b) continue;
          last_block[v] = b;
          emit(v, b);
        }
      }
    }
  };
  for_each_entry([&](NodeId v, std::uint32_t) { ++m_first[v + 1]; });
  for (std::size_t v = 0; v < edges.vertex_count(); ++v) m_first[v + 1] += m_first[v];
  m_blocks.resize(m_first.back());
  std::vector<std::uint32_t> next(m_first.begin(), m_first.end() - 1);
  for_each_entry([&](NodeId v, std::uint32_t b) { m_blocks[next[v]++] = b; });
}

void ReachedBlocks::clear() {
  m_blocks.clear();
  if (++m_stamp == 0) {  // wrapped: wipe once every 2^32 gatherings
    std::fill(m_stamp_of.begin(), m_stamp_of.end(), 0);
    m_stamp = 1;
  }
}

void ReachedBlocks::add(const BlocksByVertex& index, NodeId v) {
  for (std::uint32_t b : index.at(v)) {
    if (m_stamp_of[b] == m_stamp) continue;
    m_stamp_of[b] = m_stamp;
    m_blocks.push_back(b);
  }
}

std::span<const std::uint32_t> ReachedBlocks::sorted() {
  std::sort(m_blocks.begin(), m_blocks.end());
  return m_blocks;
}

}  // namespace planner
