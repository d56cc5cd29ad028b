#include "planner/siting/coverage_build.h"

#include <algorithm>
#include <cmath>

#include "planner/parallel.h"
#include "planner/search/access_time.h"

namespace planner {
namespace {

/// Items (access points or candidates) grouped by the edge they sit on.
struct ByEdge {
  std::vector<std::uint32_t> first;  ///< edge_count+1
  std::vector<std::uint32_t> owner;  ///< block or candidate
  std::vector<EdgePosition> pos;

  ByEdge(std::size_t edge_count, const std::vector<std::pair<std::uint32_t, EdgePosition>>& items) {
    first.assign(edge_count + 1, 0);
    for (const auto& it : items) ++first[it.second.edge + 1];
    for (std::size_t e = 0; e < edge_count; ++e) first[e + 1] += first[e];
    owner.resize(items.size());
    pos.resize(items.size());
    std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
    for (const auto& it : items) {
      const std::uint32_t at = next[it.second.edge]++;
      owner[at] = it.first;
      pos[at] = it.second;
    }
  }
};

/// Per-thread state: a search, and "best so far" per target reset through a touched list.
struct Worker {
  BoundedSearch search;
  std::vector<double> best;
  std::vector<std::uint32_t> touched;
  std::vector<char> edge_seen;
  std::vector<EdgeId> edges_touched;

  Worker(const StreetGraph& g, std::size_t targets, std::size_t edge_count)
      : search(g), best(targets, inf_time), edge_seen(edge_count, 0) {}

  void offer(std::uint32_t target, double t) {
    if (best[target] == inf_time) touched.push_back(target);
    best[target] = std::min(best[target], t);
  }
  std::vector<std::pair<std::uint32_t, double>> take() {
    std::sort(touched.begin(), touched.end());
    std::vector<std::pair<std::uint32_t, double>> out;
    out.reserve(touched.size());
    for (std::uint32_t x : touched) {
      out.emplace_back(x, best[x]);
      best[x] = inf_time;
    }
    touched.clear();
    for (EdgeId e : edges_touched) edge_seen[e] = 0;
    edges_touched.clear();
    return out;
  }
  /// Calls visit(e) once per edge with a settled end, then for `extra` edges.
  template <typename Visit>
  void for_reached_edges(const StreetGraph& g, std::span<const EdgeId> extra, Visit visit) {
    const auto first_out = g.first_out();
    const auto ref = g.arc_ref();
    auto once = [&](EdgeId e) {
      if (edge_seen[e]) return;
      edge_seen[e] = 1;
      edges_touched.push_back(e);
      visit(e);
    };
    for (NodeId v : search.settled()) {
      for (ArcId a = first_out[v]; a < first_out[v + 1]; ++a) once(ref[a].edge);
    }
    for (EdgeId e : extra) once(e);
  }
};

/// The along-the-edge walk between a source and a point on the same edge, as time_at() adds it.
double same_edge_time(const EdgePosition& source, const EdgePosition& point,
                      const WalkTimes& walk) {
  const EdgeId e = source.edge;
  return walk.seconds(source.leg_m +
                      std::abs(walk.along(e, source.offset_m) - walk.along(e, point.offset_m))) +
         walk.seconds(point.leg_m);
}

}  // namespace

bool walks_are_symmetric(const StreetGraph& graph, std::span<const double> arc_time_s) {
  std::vector<double> forward(arc_time_s.size(), -1.0), backward(arc_time_s.size(), -1.0);
  const auto ref = graph.arc_ref();
  std::size_t edges = 0;
  for (ArcId a = 0; a < graph.arc_count(); ++a) {
    edges = std::max<std::size_t>(edges, ref[a].edge + 1);
    (ref[a].forward ? forward : backward)[ref[a].edge] = arc_time_s[a];
  }
  for (std::size_t e = 0; e < edges; ++e) {
    if (forward[e] != backward[e]) return false;
  }
  return true;
}

namespace {

/// Blocks with a snapped access point among the needed ones, and snapped candidates, with the
/// positions their searches start from or end at.
struct CoverageItems {
  std::vector<std::pair<std::uint32_t, EdgePosition>> access, candidates;
  std::vector<std::uint32_t> blocks, cands;
};

CoverageItems coverage_items(const std::vector<BlockSite>& sites,
                             std::span<const std::optional<EdgePosition>> candidates,
                             std::span<const char> needed) {
  CoverageItems items;
  for (std::uint32_t b = 0; b < sites.size(); ++b) {
    if (!needed[b]) continue;
    bool any = false;
    for (const SnappedPoint& a : sites[b].access) {
      if (!a.snap) continue;
      items.access.emplace_back(b, *a.snap);
      any = true;
    }
    if (any) items.blocks.push_back(b);
  }
  for (std::uint32_t c = 0; c < candidates.size(); ++c) {
    if (!candidates[c]) continue;
    items.candidates.emplace_back(c, *candidates[c]);
    items.cands.push_back(c);
  }
  return items;
}

/// The two kinds of search, sharing the network, arc times and item positions.
class CoverageSearches {
 public:
  CoverageSearches(const Network& network, const WalkTimes& walk,
                   const std::vector<BlockSite>& sites,
                   std::span<const std::optional<EdgePosition>> candidates,
                   const CoverageItems& items, const CoverageBuildOptions& o)
      : m_edges(network.edges),
        m_graph(*network.graph),
        m_sites(sites),
        m_candidates(candidates),
        m_o(o),
        m_walk(walk),
        m_access(m_edges.edge_count(), items.access),
        m_cand_at(m_edges.edge_count(), items.candidates) {}

  /// From one candidate: every needed block's time, exactly as evaluate would find it.
  std::vector<std::pair<std::uint32_t, double>> from_candidate(Worker& w, std::uint32_t c) const {
    const EdgePosition& p = *m_candidates[c];
    const SnappedSource source{p, 0};
    add_sources(w.search.reset(), m_edges, std::span<const SnappedSource>(&source, 1), m_walk);
    w.search.run(m_walk.arc_s(), m_o.limit_s);
    const EdgeId own = p.edge;
    w.for_reached_edges(m_graph, std::span<const EdgeId>(&own, 1), [&](EdgeId e) {
      for (std::uint32_t a = m_access.first[e]; a < m_access.first[e + 1]; ++a) {
        double t = time_at(w.search, m_edges, m_no_same_edge, m_access.pos[a], m_walk).time_s;
        if (e == own) t = std::min(t, same_edge_time(p, m_access.pos[a], m_walk));
        if (t <= m_o.limit_s) w.offer(m_access.owner[a], t);
      }
    });
    return w.take();
  }

  /// From one block's access points: every candidate's time (the walk reversed).
  std::vector<std::pair<std::uint32_t, double>> from_block(Worker& w, std::uint32_t b) const {
    std::vector<SnappedSource> sources;
    std::vector<EdgeId> own;
    for (const SnappedPoint& a : m_sites[b].access) {
      if (!a.snap) continue;
      sources.push_back({*a.snap, 0});
      own.push_back(a.snap->edge);
    }
    add_sources(w.search.reset(), m_edges, sources, m_walk);
    w.search.run(m_walk.arc_s(), m_o.limit_s);
    w.for_reached_edges(m_graph, own, [&](EdgeId e) {
      for (std::uint32_t a = m_cand_at.first[e]; a < m_cand_at.first[e + 1]; ++a) {
        double t = time_at(w.search, m_edges, m_no_same_edge, m_cand_at.pos[a], m_walk).time_s;
        for (const SnappedSource& s : sources) {
          if (s.pos.edge == e) t = std::min(t, same_edge_time(s.pos, m_cand_at.pos[a], m_walk));
        }
        if (t <= m_o.limit_s) w.offer(m_cand_at.owner[a], t);
      }
    });
    return w.take();
  }

 private:
  const EdgeSet& m_edges;
  const StreetGraph& m_graph;
  const std::vector<BlockSite>& m_sites;
  std::span<const std::optional<EdgePosition>> m_candidates;
  const CoverageBuildOptions& m_o;
  const WalkTimes& m_walk;
  const ByEdge m_access, m_cand_at;
  const SourcesByEdge m_no_same_edge;
};

using Row = std::vector<std::pair<std::uint32_t, double>>;

/// Demand-side rows into entries. Pairs within a hair of the threshold are left to the
/// candidate side, which decides them as evaluate would.
void finish_demand_side(const CoverageSearches& searches, const CoverageItems& items,
                        const std::vector<Row>& rows, std::size_t site_count,
                        std::size_t candidate_count, const CoverageBuildOptions& o,
                        const StreetGraph& graph, std::size_t edge_count, CoverageBuild& out) {
  std::vector<char> redo(candidate_count, 0);
  const double hair = 1e-9 * std::max(1.0, o.cover_s);
  for (const Row& row : rows) {
    for (const auto& [c, t] : row) {
      if (std::abs(t - o.cover_s) <= hair) redo[c] = 1;
    }
  }
  for (std::size_t i = 0; i < items.blocks.size(); ++i) {
    for (const auto& [c, t] : rows[i]) {
      if (!redo[c]) out.entries.push_back({items.blocks[i], c, t});
    }
  }
  std::vector<std::uint32_t> again;
  for (std::uint32_t c = 0; c < redo.size(); ++c) {
    if (redo[c]) again.push_back(c);
  }
  std::vector<char> wanted(site_count, 0);
  for (std::uint32_t b : items.blocks) wanted[b] = 1;
  Worker w(graph, site_count, edge_count);
  for (std::uint32_t c : again) {
    for (const auto& [b, t] : searches.from_candidate(w, c)) {
      if (wanted[b]) out.entries.push_back({b, c, t});
    }
    ++out.searches;
  }
}

}  // namespace

CoverageBuild build_coverage(const Network& network, const WalkTimes& walk,
                             const std::vector<BlockSite>& sites,
                             std::span<const std::optional<EdgePosition>> candidates,
                             std::span<const char> needed, const CoverageBuildOptions& o) {
  const EdgeSet& edges = network.edges;
  const StreetGraph& graph = *network.graph;
  const CoverageItems items = coverage_items(sites, candidates, needed);
  const CoverageSearches searches(network, walk, sites, candidates, items, o);

  const bool symmetric = walks_are_symmetric(graph, walk.arc_s());
  bool demand_side =
      o.side == CoverageBuildOptions::Side::demand ||
      (o.side == CoverageBuildOptions::Side::automatic && items.blocks.size() < items.cands.size());
  demand_side = demand_side && symmetric;
  const unsigned threads = resolve_threads(o.threads);
  CoverageBuild out;
  out.from_demand_side = demand_side;
  const std::vector<std::uint32_t>& todo = demand_side ? items.blocks : items.cands;
  std::vector<Row> rows(todo.size());
  const std::size_t targets = demand_side ? candidates.size() : sites.size();
  parallel_for(
      todo.size(), threads, [&] { return Worker(graph, targets, edges.edge_count()); },
      [&](Worker& w, std::size_t i) {
        o.cancel.check();
        rows[i] =
            demand_side ? searches.from_block(w, todo[i]) : searches.from_candidate(w, todo[i]);
      });
  out.searches = todo.size();

  if (!demand_side) {
    for (std::size_t i = 0; i < todo.size(); ++i) {
      for (const auto& [b, t] : rows[i]) out.entries.push_back({b, todo[i], t});
    }
    return out;
  }
  finish_demand_side(searches, items, rows, sites.size(), candidates.size(), o, graph,
                     edges.edge_count(), out);
  return out;
}

}  // namespace planner
