#include "planner/areas/reach_pieces.h"

#include <algorithm>

namespace planner {
namespace {

// Index of the segment of edge e holding offset m, and the fraction along it.
std::pair<std::uint32_t, double> locate(const EdgeSet& edges, EdgeId e, double m) {
  const std::uint32_t first = edges.first_point[e];
  const std::uint32_t last = edges.first_point[e + 1] - 1;
  const auto begin = edges.cum_m.begin() + first;
  const auto end = edges.cum_m.begin() + last + 1;
  // The segment [p, p+1] with cum[p] <= m <= cum[p+1].
  std::uint32_t p =
      static_cast<std::uint32_t>(std::upper_bound(begin, end, m) - edges.cum_m.begin());
  p = std::clamp(p, first + 1, last) - 1;
  const double span = edges.cum_m[p + 1] - edges.cum_m[p];
  const double f = span > 0.0 ? std::clamp((m - edges.cum_m[p]) / span, 0.0, 1.0) : 0.0;
  return {p, f};
}

// The band holding time t: the first threshold not below it (times at the cutoff itself may
// exceed it by rounding, hence the last band as the fallback).
std::uint32_t band_of(std::span<const double> thresholds_s, double t) {
  for (std::uint32_t b = 0; b < thresholds_s.size(); ++b) {
    if (t <= thresholds_s[b] * (1.0 + 1e-12)) return b;
  }
  return static_cast<std::uint32_t>(thresholds_s.size() - 1);
}

XY lerp(XY a, XY b, double f) {
  return {a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)};
}

}  // namespace

XY edge_point_at(const EdgeSet& edges, EdgeId e, double offset_m) {
  if (edges.first_point[e + 1] - edges.first_point[e] < 2)
    return edges.points[edges.first_point[e]];
  const auto [p, f] = locate(edges, e, offset_m);
  return lerp(edges.points[p], edges.points[p + 1], f);
}

LineString edge_sub_line(const EdgeSet& edges, EdgeId e, double from_m, double to_m) {
  LineString line;
  if (edges.first_point[e + 1] - edges.first_point[e] < 2) return line;
  const auto [pa, fa] = locate(edges, e, from_m);
  const auto [pb, fb] = locate(edges, e, to_m);
  line.push_back(lerp(edges.points[pa], edges.points[pa + 1], fa));
  for (std::uint32_t p = pa + 1; p <= pb; ++p) line.push_back(edges.points[p]);
  line.push_back(lerp(edges.points[pb], edges.points[pb + 1], fb));
  return line;
}

ReachCollector::ReachCollector(const Network& network)
    : m_network(&network), m_edge_stamp(network.edges.edge_count(), 0) {}

void ReachCollector::add_edge(EdgeId e, const BoundedSearch& search, const SourcesByEdge& same_edge,
                              std::uint32_t only_label, std::span<const double> thresholds_s,
                              const WalkTimes& walk, std::vector<ReachPiece>& out) {
  if (m_edge_stamp[e] == m_stamp) return;
  m_edge_stamp[e] = m_stamp;
  const EdgeSet& edges = m_network->edges;
  // The envelope runs in time-equivalent metres (walk_times.h); pieces come back in metres.
  const double len = walk.along(e, edges.edge_length_m[e]);
  m_vs.clear();
  const NodeId tail = edges.edge_tail[e], head = edges.edge_head[e];
  if (search.time_s(tail) != inf_time)
    m_vs.push_back({0.0, search.time_s(tail), search.label(tail)});
  if (search.time_s(head) != inf_time)
    m_vs.push_back({len, search.time_s(head), search.label(head)});
  for (const SnappedSource& s : same_edge.on_edge(e)) {
    if (only_label != invalid_id && s.label != only_label) continue;
    m_vs.push_back({walk.along(e, s.pos.offset_m), walk.seconds(s.pos.leg_m), s.label});
  }
  m_pieces.clear();
  lower_envelope(m_vs, len, walk.speed_mps(), thresholds_s.back(), m_pieces, m_breakpoints);
  for (const EnvelopePiece& p : m_pieces) {
    // Cut the linear piece at every threshold strictly inside its time range, in the
    // direction of travel along the edge.
    m_cuts.clear();
    const double t_lo = std::min(p.from_s, p.to_s), t_hi = std::max(p.from_s, p.to_s);
    for (double t : thresholds_s) {
      if (t > t_lo && t < t_hi) m_cuts.push_back(t);
    }
    if (p.from_s > p.to_s) std::reverse(m_cuts.begin(), m_cuts.end());
    double x0 = p.from_m, t0 = p.from_s;
    auto emit = [&](double x1, double t1) {
      out.push_back({e, walk.on_edge(e, x0), walk.on_edge(e, x1), t0, t1, p.label,
                     band_of(thresholds_s, std::max(t0, t1))});
      x0 = x1;
      t0 = t1;
    };
    for (double t : m_cuts)
      emit(p.from_m + (p.to_m - p.from_m) * (t - p.from_s) / (p.to_s - p.from_s), t);
    emit(p.to_m, p.to_s);
  }
}

std::vector<ReachPiece> ReachCollector::collect(const BoundedSearch& search,
                                                std::span<const SnappedSource> sources,
                                                const SourcesByEdge& same_edge,
                                                std::span<const double> thresholds_s,
                                                const WalkTimes& walk) {
  if (thresholds_s.empty()) return {};
  // Collected into scratch kept between calls, then copied out at its exact size: a result
  // grown by doubling would keep up to twice its size for every center until the polygons
  // are built, and touch twice the memory.
  std::vector<ReachPiece>& out = m_out;
  out.clear();
  if (++m_stamp == 0) {  // wrapped: wipe once every 2^32 calls
    std::fill(m_edge_stamp.begin(), m_edge_stamp.end(), 0);
    m_stamp = 1;
  }
  // With one source, other centers on its edge are not part of this search.
  const std::uint32_t only_label = sources.size() == 1 ? sources[0].label : invalid_id;
  for (const SnappedSource& s : sources) {
    add_edge(s.pos.edge, search, same_edge, only_label, thresholds_s, walk, out);
  }
  const auto first_out = m_network->graph->first_out();
  const auto refs = m_network->graph->arc_ref();
  for (NodeId v : search.settled()) {
    for (ArcId a = first_out[v]; a < first_out[v + 1]; ++a) {
      add_edge(refs[a].edge, search, same_edge, only_label, thresholds_s, walk, out);
    }
  }
  return std::vector<ReachPiece>(out.begin(), out.end());
}

}  // namespace planner
