#include "planner/coverage/access_matrix.h"

#include <algorithm>
#include <memory>

#include "planner/parallel.h"
#include "planner/search/bounded_search.h"

namespace planner {
namespace {

/// Blocks by the vertices at both ends of their access points' edges (CSR): a block can be
/// within reach of a search only through a vertex it settled or along the source's own edge,
/// whose ends are listed too. This keeps time_at calls to the blocks near each center instead
/// of every block for every center.
struct BlocksByVertex {
  std::vector<std::uint32_t> first;
  std::vector<std::uint32_t> blocks;

  BlocksByVertex(const EdgeSet& edges, const std::vector<BlockSite>& sites) {
    first.assign(edges.vertex_count() + 1, 0);
    auto for_each_end = [&](auto&& visit) {
      for (std::uint32_t b = 0; b < sites.size(); ++b) {
        for (const SnappedPoint& p : sites[b].access) {
          if (!p.snap) continue;
          visit(edges.edge_tail[p.snap->edge], b);
          visit(edges.edge_head[p.snap->edge], b);
        }
      }
    };
    for_each_end([&](NodeId v, std::uint32_t) { ++first[v + 1]; });
    for (std::size_t v = 0; v + 1 < first.size(); ++v) first[v + 1] += first[v];
    blocks.resize(first.back());
    std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
    for_each_end([&](NodeId v, std::uint32_t b) { blocks[next[v]++] = b; });
  }

  std::span<const std::uint32_t> at(NodeId v) const {
    return std::span<const std::uint32_t>(blocks).subspan(first[v], first[v + 1] - first[v]);
  }
};

struct Worker {
  Worker(const Network& network, std::size_t block_count)
      : search(*network.graph), seen(block_count, 0) {}
  BoundedSearch search;
  std::vector<std::uint32_t> seen;  ///< stamp (row + 1) of the last row that listed the block
  std::vector<std::uint32_t> candidates;
};

/// The least time from the search's one source to any access point of block b (inf_time when
/// none is reached), by the coverage rule.
double block_time(const BoundedSearch& search, const EdgeSet& edges, const SourcesByEdge& same_edge,
                  const BlockSite& site, const WalkTimes& walk, std::uint32_t label) {
  double best = inf_time;
  for (const SnappedPoint& p : site.access) {
    if (!p.snap) continue;
    best = std::min(best, time_at(search, edges, same_edge, *p.snap, walk, label).time_s);
  }
  return best;
}

}  // namespace

AccessMatrix access_matrix(const Network& network, const WalkTimes& walk,
                           const std::vector<BlockSite>& sites,
                           std::span<const SnappedSource> sources, double t0_s, unsigned threads,
                           const CancelToken& cancel) {
  const EdgeSet& edges = network.edges;
  const BlocksByVertex by_vertex(edges, sites);
  const SourcesByEdge same_edge(sources, edges.edge_count());
  std::vector<std::vector<AccessPair>> rows(sources.size());
  parallel_for(
      sources.size(), resolve_threads(threads),
      [&] { return std::make_unique<Worker>(network, sites.size()); },
      [&](std::unique_ptr<Worker>& w, std::size_t r) {
        cancel.check();
        const SnappedSource& src = sources[r];
        add_sources(w->search.reset(), edges, std::span(&src, 1), walk);
        w->search.run(walk.arc_s(), t0_s);
        const auto stamp = static_cast<std::uint32_t>(r + 1);
        w->candidates.clear();
        auto list = [&](NodeId v) {
          for (std::uint32_t b : by_vertex.at(v)) {
            if (w->seen[b] == stamp) continue;
            w->seen[b] = stamp;
            w->candidates.push_back(b);
          }
        };
        for (NodeId v : w->search.settled()) list(v);
        // A block on the source's own edge is reached along it even when neither end is.
        list(edges.edge_tail[src.pos.edge]);
        list(edges.edge_head[src.pos.edge]);
        std::sort(w->candidates.begin(), w->candidates.end());
        for (std::uint32_t b : w->candidates) {
          const double t = block_time(w->search, edges, same_edge, sites[b], walk, src.label);
          if (t <= t0_s) rows[r].push_back({b, t});
        }
      });

  AccessMatrix m;
  m.first.push_back(0);
  for (std::size_t r = 0; r < sources.size(); ++r) {
    m.center.push_back(sources[r].label);
    m.pairs.insert(m.pairs.end(), rows[r].begin(), rows[r].end());
    m.first.push_back(static_cast<std::uint32_t>(m.pairs.size()));
  }
  return m;
}

}  // namespace planner
