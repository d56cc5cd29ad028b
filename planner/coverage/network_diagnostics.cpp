#include "planner/coverage/network_diagnostics.h"

#include "planner/network/islands.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include "planner/errors.h"
#include "planner/network/islands.h"

namespace planner {
namespace {

LineString edge_line(const EdgeSet& edges, EdgeId e) {
  return LineString(edges.points.begin() + edges.first_point[e],
                    edges.points.begin() + edges.first_point[e + 1]);
}

/// Same points in the same or the reverse order, and the same length: the same piece of street
/// digitised twice (a duplicated feature, or a way drawn over another).
bool same_geometry(const EdgeSet& edges, EdgeId a, EdgeId b) {
  const double la = edges.edge_length_m[a], lb = edges.edge_length_m[b];
  if (std::abs(la - lb) > 1e-6 * std::max(1.0, std::max(la, lb))) return false;
  const auto a0 = edges.points.begin() + edges.first_point[a];
  const auto a1 = edges.points.begin() + edges.first_point[a + 1];
  const auto b0 = edges.points.begin() + edges.first_point[b];
  const auto b1 = edges.points.begin() + edges.first_point[b + 1];
  if (a1 - a0 != b1 - b0) return false;
  return std::equal(a0, a1, b0) || std::equal(a0, a1, std::make_reverse_iterator(b1));
}

/// For each edge that repeats an earlier one: that earlier edge (else invalid_id).
std::vector<EdgeId> duplicate_of(const EdgeSet& edges) {
  // Sorted as flat (vertex pair, edge) records: a comparison that looked the vertices up through
  // the edge ids missed the cache on every step at city scale (the stage grew 31x for 16x the
  // edges).
  struct Key {
    NodeId low, high;
    EdgeId edge;
    bool operator<(const Key& o) const {
      return low != o.low ? low < o.low : high != o.high ? high < o.high : edge < o.edge;
    }
  };
  std::vector<Key> order(edges.edge_count());
  for (EdgeId e = 0; e < order.size(); ++e) {
    order[e] = {std::min(edges.edge_tail[e], edges.edge_head[e]),
                std::max(edges.edge_tail[e], edges.edge_head[e]), e};
  }
  std::sort(order.begin(), order.end());
  std::vector<EdgeId> original(edges.edge_count(), invalid_id);
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && order[j].low == order[i].low && order[j].high == order[i].high) ++j;
    // Within one vertex pair (few edges), each edge against the earlier ones by id.
    for (std::size_t k = i + 1; k < j; ++k) {
      for (std::size_t m = i; m < k; ++m) {
        if (original[order[m].edge] == invalid_id &&
            same_geometry(edges, order[m].edge, order[k].edge)) {
          original[order[k].edge] = order[m].edge;
          break;
        }
      }
    }
    i = j;
  }
  return original;
}

bool on_small_island(const NetworkDiagnostics& d, const StreetGraph& graph, std::uint32_t comp) {
  return comp != graph.largest_component() && graph.component_size()[comp] < d.island_below;
}

}  // namespace

void validate(const DiagnosticsParams& p) {
  if (!(p.island_share >= 0.0 && p.island_share <= 1.0)) {
    throw InvalidValue("--island-share must be between 0 and 1");
  }
  if (!(p.long_edge_m > 0.0)) throw InvalidValue("--long-edge-m must be positive");
  if (!(p.zero_edge_m >= 0.0)) throw InvalidValue("--zero-edge-m must be >= 0");
}

std::string_view to_string(FindingKind kind) {
  switch (kind) {
    case FindingKind::island:
      return "island";
    case FindingKind::component:
      return "component";
    case FindingKind::center_on_island:
      return "center_on_island";
    case FindingKind::block_on_island:
      return "block_on_island";
    case FindingKind::long_edge:
      return "long_edge";
    case FindingKind::zero_edge:
      return "zero_edge";
    case FindingKind::duplicate_edge:
      return "duplicate_edge";
  }
  return "";
}

std::string_view to_string(Severity severity) {
  return severity == Severity::warning ? "warning" : "info";
}

std::string_view to_string(ObjectType type) {
  switch (type) {
    case ObjectType::component:
      return "component";
    case ObjectType::edge:
      return "edge";
    case ObjectType::center:
      return "center";
    case ObjectType::block:
      return "block";
  }
  return "";
}

NetworkDiagnostics diagnose_network(const Network& network, const DiagnosticsParams& params) {
  validate(params);
  const EdgeSet& edges = network.edges;
  const StreetGraph& graph = *network.graph;
  NetworkDiagnostics d;
  d.params = params;
  const auto sizes = graph.component_size();
  if (sizes.empty()) return d;  // no network (an extract without walkable ways): nothing to say
  const std::uint32_t largest = graph.largest_component();
  d.island_below = island_below(graph, {params.island_share, params.island_min_vertices});
  d.counts.components = static_cast<std::uint32_t>(sizes.size());

  // Each component is shown by its longest edge (the smallest id on a tie).
  std::vector<EdgeId> longest(sizes.size(), invalid_id);
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    const std::uint32_t c = graph.component()[edges.edge_tail[e]];
    if (longest[c] == invalid_id || edges.edge_length_m[e] > edges.edge_length_m[longest[c]]) {
      longest[c] = e;
    }
  }
  for (std::uint32_t c = 0; c < sizes.size(); ++c) {
    if (c == largest) continue;
    Finding f;
    const bool small = sizes[c] < d.island_below;
    f.kind = small ? FindingKind::island : FindingKind::component;
    f.severity = small ? Severity::warning : Severity::info;
    f.object = ObjectType::component;
    f.index = c;
    f.value = sizes[c];
    if (longest[c] != invalid_id) f.geometry = edge_line(edges, longest[c]);
    if (small) {
      ++d.counts.islands;
      d.counts.island_vertices += sizes[c];
    }
    d.findings.push_back(std::move(f));
  }

  const std::vector<EdgeId> original = duplicate_of(edges);
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    const double length = edges.edge_length_m[e];
    auto add = [&](FindingKind kind, std::uint32_t other) {
      Finding f;
      f.kind = kind;
      f.severity = Severity::warning;
      f.object = ObjectType::edge;
      f.index = e;
      f.value = length;
      f.other = other;
      f.geometry = edge_line(edges, e);
      d.findings.push_back(std::move(f));
    };
    if (length > params.long_edge_m) {
      add(FindingKind::long_edge, invalid_id);
      ++d.counts.long_edges;
    }
    if (length < params.zero_edge_m) {
      add(FindingKind::zero_edge, invalid_id);
      ++d.counts.zero_edges;
    }
    if (original[e] != invalid_id) {
      add(FindingKind::duplicate_edge, original[e]);
      ++d.counts.duplicate_edges;
    }
  }
  return d;
}

void diagnose_snapping(NetworkDiagnostics& d, const Network& network, const Inputs& inputs,
                       const Evaluation& ev) {
  const StreetGraph& graph = *network.graph;
  auto component_of = [&](const EdgePosition& p) {
    return graph.component()[network.edges.edge_tail[p.edge]];
  };
  for (std::uint32_t c = 0; c < ev.centers.size(); ++c) {
    const std::optional<EdgePosition>& snap = ev.centers[c].snap;
    if (!snap) continue;
    const std::uint32_t comp = component_of(*snap);
    if (!on_small_island(d, graph, comp)) continue;
    Finding f;
    f.kind = FindingKind::center_on_island;
    f.object = ObjectType::center;
    f.index = c;
    f.value = graph.component_size()[comp];
    f.other = comp;
    f.geometry = {inputs.centers[c].pos, snap->on_edge};
    d.findings.push_back(std::move(f));
    ++d.counts.centers_on_islands;
  }
  for (std::uint32_t b = 0; b < ev.sites.size(); ++b) {
    // Flagged when it meets the network somewhere and only ever on small islands; shown by its
    // access point on the biggest of those islands.
    const SnappedPoint* shown = nullptr;
    bool on_main = false;
    for (const SnappedPoint& a : ev.sites[b].access) {
      if (!a.snap) continue;
      const std::uint32_t comp = component_of(*a.snap);
      if (!on_small_island(d, graph, comp)) {
        on_main = true;
        break;
      }
      if (shown == nullptr ||
          graph.component_size()[comp] > graph.component_size()[component_of(*shown->snap)]) {
        shown = &a;
      }
    }
    if (on_main || shown == nullptr) continue;
    Finding f;
    f.kind = FindingKind::block_on_island;
    f.object = ObjectType::block;
    f.index = b;
    f.other = component_of(*shown->snap);
    f.value = graph.component_size()[f.other];
    f.geometry = {shown->xy, shown->snap->on_edge};
    d.findings.push_back(std::move(f));
    ++d.counts.blocks_on_islands;
  }
}

}  // namespace planner
