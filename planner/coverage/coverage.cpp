#include "planner/coverage/coverage.h"

#include <cmath>

namespace planner {

std::string_view to_string(CoverStatus status) {
  switch (status) {
    case CoverStatus::covered:
      return "covered";
    case CoverStatus::uncovered:
      return "uncovered";
    case CoverStatus::unreachable:
      return "unreachable";
  }
  return "unreachable";
}

std::string_view to_string(NotCoveredReason reason) {
  switch (reason) {
    case NotCoveredReason::none:
      return "";
    case NotCoveredReason::too_far:
      return "too_far";
    case NotCoveredReason::beyond_search_limit:
      return "beyond_search_limit";
    case NotCoveredReason::no_center_on_network:
      return "no_center_on_network";
    case NotCoveredReason::not_near_network:
      return "not_near_network";
  }
  return "";
}

std::vector<bool> components_with(const Network& network, std::span<const SnappedSource> sources) {
  std::vector<bool> has(network.graph->component_size().size(), false);
  for (const SnappedSource& s : sources) {
    has[network.graph->component()[network.edges.edge_tail[s.pos.edge]]] = true;
  }
  return has;
}

std::vector<BlockCoverage> evaluate_coverage(const BoundedSearch& search, const StreetGraph& graph,
                                             const EdgeSet& edges, const SourcesByEdge& same_edge,
                                             const std::vector<BlockSite>& sites,
                                             const std::vector<bool>& component_has_source,
                                             const WalkTimes& walk, double cover_s) {
  const auto component = graph.component();
  std::vector<BlockCoverage> out(sites.size());
  std::vector<TimedLabel> access_times;
  for (std::size_t b = 0; b < sites.size(); ++b) {
    const BlockSite& site = sites[b];
    BlockCoverage& result = out[b];
    access_times.assign(site.access.size(), TimedLabel{});
    bool any_snapped = false;
    bool any_on_served_piece = false;
    for (std::size_t i = 0; i < site.access.size(); ++i) {
      if (!site.access[i].snap) continue;
      any_snapped = true;
      const NodeId tail = edges.edge_tail[site.access[i].snap->edge];
      any_on_served_piece |= component_has_source[component[tail]];
      access_times[i] = time_at(search, edges, same_edge, *site.access[i].snap, walk);
      const TimedLabel& t = access_times[i];
      if (t.time_s < result.time_s || (t.time_s == result.time_s && t.label < result.center)) {
        result.time_s = t.time_s;
        result.center = t.label;
      }
    }
    if (!any_snapped) {
      result.status = CoverStatus::unreachable;
      result.reason = NotCoveredReason::not_near_network;
    } else if (result.time_s <= cover_s) {
      result.status = CoverStatus::covered;
      result.reason = NotCoveredReason::none;
    } else {
      result.status = CoverStatus::uncovered;
      if (result.time_s != inf_time) {
        result.reason = NotCoveredReason::too_far;
      } else {
        result.reason = any_on_served_piece ? NotCoveredReason::beyond_search_limit
                                            : NotCoveredReason::no_center_on_network;
      }
    }

    std::size_t covered_samples = 0;
    for (const SnappedPoint& sample : site.samples) {
      double t = inf_time;
      if (site.from_entrances) {
        // A resident walks straight to a gate, then on from there.
        for (std::size_t i = 0; i < site.access.size(); ++i) {
          if (access_times[i].time_s == inf_time) continue;
          const XY gate = site.access[i].xy;
          const double to_gate =
              walk.seconds(std::hypot(sample.xy.x - gate.x, sample.xy.y - gate.y));
          t = std::min(t, to_gate + access_times[i].time_s);
        }
      } else if (sample.snap) {
        t = time_at(search, edges, same_edge, *sample.snap, walk).time_s;
      }
      if (t <= cover_s) ++covered_samples;
    }
    result.cov_share =
        site.samples.empty() ? 0.0 : static_cast<double>(covered_samples) / site.samples.size();
  }
  return out;
}

}  // namespace planner
