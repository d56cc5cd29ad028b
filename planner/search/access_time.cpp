#include "planner/search/access_time.h"

#include <cmath>

namespace planner {
namespace {

void keep_better(TimedLabel& best, double t, std::uint32_t label) {
  if (t < best.time_s || (t == best.time_s && label < best.label)) best = {t, label};
}

}  // namespace

SourcesByEdge::SourcesByEdge(std::span<const SnappedSource> sources, std::size_t edge_count) {
  if (sources.empty()) return;
  m_first.assign(edge_count + 1, 0);
  for (const SnappedSource& s : sources) ++m_first[s.pos.edge + 1];
  for (std::size_t e = 0; e < edge_count; ++e) m_first[e + 1] += m_first[e];
  m_sources.resize(sources.size());
  std::vector<std::uint32_t> next(m_first.begin(), m_first.end() - 1);
  for (const SnappedSource& s : sources) m_sources[next[s.pos.edge]++] = s;
}

std::span<const SnappedSource> SourcesByEdge::on_edge(EdgeId e) const {
  if (m_first.empty()) return {};
  return std::span<const SnappedSource>(m_sources).subspan(m_first[e], m_first[e + 1] - m_first[e]);
}

void add_sources(BoundedSearch& search, const EdgeSet& edges,
                 std::span<const SnappedSource> sources, const WalkTimes& walk) {
  const double speed_mps = walk.speed_mps();
  for (const SnappedSource& s : sources) {
    const EdgeId e = s.pos.edge;
    const double len = walk.along(e, edges.edge_length_m[e]);
    const double offset = walk.along(e, s.pos.offset_m);
    search.add_source(edges.edge_tail[e], (s.pos.leg_m + offset) / speed_mps, s.label);
    search.add_source(edges.edge_head[e], (s.pos.leg_m + len - offset) / speed_mps, s.label);
  }
}

TimedLabel time_at(const BoundedSearch& search, const EdgeSet& edges,
                   const SourcesByEdge& same_edge, const EdgePosition& pos, const WalkTimes& walk,
                   std::uint32_t only_label) {
  const double speed_mps = walk.speed_mps();
  const EdgeId e = pos.edge;
  const NodeId tail = edges.edge_tail[e];
  const NodeId head = edges.edge_head[e];
  const double offset = walk.along(e, pos.offset_m);  // time-equivalent metres from the tail
  TimedLabel best;
  if (search.time_s(tail) != inf_time) {
    keep_better(best, search.time_s(tail) + offset / speed_mps, search.label(tail));
  }
  if (search.time_s(head) != inf_time) {
    keep_better(best,
                search.time_s(head) + (walk.along(e, edges.edge_length_m[e]) - offset) / speed_mps,
                search.label(head));
  }
  for (const SnappedSource& s : same_edge.on_edge(e)) {
    if (only_label != invalid_id && s.label != only_label) continue;
    keep_better(best, (s.pos.leg_m + std::abs(walk.along(e, s.pos.offset_m) - offset)) / speed_mps,
                s.label);
  }
  if (best.time_s != inf_time) best.time_s += pos.leg_m / speed_mps;
  return best;
}

}  // namespace planner
