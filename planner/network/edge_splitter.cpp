// split_into_edges(): the vertex rule of WALKABLE.md (docs/walkable.md) on plain RoadLines.
//
// Three flat passes over all points: give every point a dense node index (first appearance
// order), count node occurrences, then cut lines at vertices. Node indices are assigned in
// first-appearance order, so numbering vertices in node order is the required deterministic
// "first appearance over lines in input order" numbering without another map.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "planner/errors.h"
#include "planner/network/edge_set.h"

namespace planner {
namespace {

constexpr std::uint32_t no_node = invalid_id;

bool has_topology(const RoadLine& line) {
  return line.source_node != no_external_id && line.target_node != no_external_id;
}

double planar_m(XY a, XY b) {
  return std::hypot(b.x - a.x, b.y - a.y);
}

/// Open-addressing map from 64-bit keys to 32-bit values, sized once for the most keys it will
/// hold: one allocation per run instead of one per key as with std::unordered_map.
class FlatMap {
 public:
  explicit FlatMap(std::size_t max_keys) {
    int bits = 4;
    while ((std::size_t{1} << bits) < 2 * max_keys) ++bits;  // load <= 1/2: short probe runs
    m_shift = 64 - bits;
    m_mask = (std::size_t{1} << bits) - 1;
    m_slots.assign(m_mask + 1, Slot{});
  }

  /// The value slot of `key`, no_node when absent; storing a value there inserts the key.
  std::uint32_t& slot(std::uint64_t key) {
    std::size_t i = index_of(key);
    while (m_slots[i].value != no_node && m_slots[i].key != key) i = (i + 1) & m_mask;
    m_slots[i].key = key;
    return m_slots[i].value;
  }

  std::uint32_t find(std::uint64_t key) const {
    for (std::size_t i = index_of(key); m_slots[i].value != no_node; i = (i + 1) & m_mask) {
      if (m_slots[i].key == key) return m_slots[i].value;
    }
    return no_node;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = no_node;  // key and value side by side: one cache miss per probe
  };

  // Fibonacci hashing: the top bits of key * 2^64/phi spread sequential ids and neighbouring
  // cells over the whole table.
  std::size_t index_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> m_shift);
  }

  std::vector<Slot> m_slots;
  int m_shift = 60;
  std::size_t m_mask = 0;
};

/// Nodes found by coordinates: points within the tolerance of an earlier representative are that
/// node. Cells are twice the tolerance wide, so every match lies in the 2x2 cells on the point's
/// side of its own cell; each cell heads a singly linked list of representatives.
class CoordinateNodes {
 public:
  CoordinateNodes(double tolerance_m, std::size_t max_points)
      : m_tolerance(tolerance_m > 0.0 ? tolerance_m : 0.0),
        // Any cell at least twice the tolerance finds every match (a zero tolerance merges only
        // identical points). A floor of a millimetre keeps cell numbers of real coordinates
        // far inside int64 even for a tolerance like 1e-300.
        m_cell(std::max(2.0 * m_tolerance, min_cell_m)),
        m_head(max_points) {}

  /// The node of the earliest representative within the tolerance, or `new_node` after
  /// registering `p` as a representative.
  std::uint32_t find_or_add(XY p, std::uint32_t new_node) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      throw InternalError("split_into_edges: non-finite coordinate");
    }
    const double fx = p.x / m_cell;
    const double fy = p.y / m_cell;
    // Beyond 2^52 cells a double cannot tell neighbouring cells apart (and beyond 2^63 the cell
    // number is not an int64 at all): such a coordinate is no position in metres on Earth.
    if (!(std::fabs(fx) < max_cells && std::fabs(fy) < max_cells)) {
      throw InvalidValue("split_into_edges: coordinate (" + std::to_string(p.x) + ", " +
                         std::to_string(p.y) +
                         ") is too large for projected metres; check the CRS of the road layer "
                         "(or --assume-crs) and --crs");
    }
    const auto cx = static_cast<std::int64_t>(std::floor(fx));
    const auto cy = static_cast<std::int64_t>(std::floor(fy));
    const std::int64_t nx = fx - static_cast<double>(cx) < 0.5 ? cx - 1 : cx + 1;
    const std::int64_t ny = fy - static_cast<double>(cy) < 0.5 ? cy - 1 : cy + 1;
    std::uint32_t best = no_node;
    for (const std::int64_t x : {cx, nx}) {
      for (const std::int64_t y : {cy, ny}) {
        for (std::uint32_t r = m_head.find(cell_key(x, y)); r != no_node; r = m_next[r]) {
          const double ex = m_xy[r].x - p.x;
          const double ey = m_xy[r].y - p.y;
          // Node indices grow with insertion, so the smallest is the first seen.
          if (ex * ex + ey * ey <= m_tolerance * m_tolerance && m_node[r] < best) best = m_node[r];
        }
      }
    }
    if (best != no_node) return best;
    std::uint32_t& head = m_head.slot(cell_key(cx, cy));
    m_next.push_back(head);
    head = static_cast<std::uint32_t>(m_xy.size());
    m_xy.push_back(p);
    m_node.push_back(new_node);
    return new_node;
  }

 private:
  // Cells 2^32 apart share a key; that costs a longer list, never a wrong match (the distance
  // is checked), and at centimetre cells it is tens of thousands of kilometres anyway.
  static std::uint64_t cell_key(std::int64_t x, std::int64_t y) {
    return (static_cast<std::uint64_t>(x) << 32) ^ (static_cast<std::uint64_t>(y) & 0xFFFFFFFFULL);
  }

  static constexpr double min_cell_m = 1e-3;
  static constexpr double max_cells = 4503599627370496.0;  // 2^52

  double m_tolerance;
  double m_cell;
  FlatMap m_head;        ///< cell -> newest representative in it
  std::vector<XY> m_xy;  ///< per representative
  std::vector<std::uint32_t> m_node;
  std::vector<std::uint32_t> m_next;  ///< older representative in the same cell
};

/// Per node: the first-seen position, the external id, and what the vertex rule needs.
struct Nodes {
  std::vector<XY> xy;
  std::vector<std::int64_t> external;  ///< no_external_id for coordinate nodes
  std::vector<std::uint8_t> uses;      ///< occurrences, saturated at 2
  std::vector<std::uint8_t> is_end;    ///< first or last node of a line

  std::uint32_t add(XY p, std::int64_t id) {
    xy.push_back(p);
    external.push_back(id);
    uses.push_back(0);
    is_end.push_back(0);
    return static_cast<std::uint32_t>(xy.size() - 1);
  }
  void reserve(std::size_t n) {
    xy.reserve(n);
    external.reserve(n);
    uses.reserve(n);
    is_end.reserve(n);
  }
  bool is_vertex(std::uint32_t n) const { return is_end[n] != 0 || uses[n] >= 2; }
};

void check_line(const RoadLine& line, std::size_t index) {
  const std::size_t n = line.points.size();
  if (!line.segment_m.empty() && line.segment_m.size() + 1 != n) {
    throw InternalError("split_into_edges: line " + std::to_string(index) + " has " +
                        std::to_string(line.segment_m.size()) + " segment lengths for " +
                        std::to_string(n) + " points");
  }
  if (!line.node_ids.empty() && line.node_ids.size() != n) {
    throw InternalError("split_into_edges: line " + std::to_string(index) + " has " +
                        std::to_string(line.node_ids.size()) + " node ids for " +
                        std::to_string(n) + " points");
  }
}

/// Appends points [a, b] of `line` as one edge.
void emit_edge(EdgeSet& out, const RoadLine& line, std::uint32_t line_index, std::uint32_t part,
               std::size_t a, std::size_t b, NodeId tail, NodeId head) {
  double cum = 0.0;
  for (std::size_t i = a; i <= b; ++i) {
    if (i > a) {
      cum += line.segment_m.empty() ? planar_m(line.points[i - 1], line.points[i])
                                    : line.segment_m[i - 1];
    }
    out.points.push_back(line.points[i]);
    out.cum_m.push_back(cum);
  }
  out.first_point.push_back(static_cast<std::uint32_t>(out.points.size()));
  out.edge_tail.push_back(tail);
  out.edge_head.push_back(head);
  out.edge_length_m.push_back(cum);
  out.edge_feature_id.push_back(line.feature_id);
  out.edge_part.push_back(part);
  out.edge_line.push_back(line_index);
}

/// Pass 1's result: a node per point (interior points of topology lines: no_node, geometry
/// only), lines' first point index, and the nodes.
struct PointNodes {
  std::vector<std::uint32_t> line_first;  ///< lines + 1
  std::vector<std::uint32_t> point_node;
  Nodes nodes;
};

PointNodes assign_nodes(const std::vector<RoadLine>& lines, const SplitOptions& options,
                        std::size_t total_points, std::size_t id_points) {
  PointNodes out;
  out.line_first.assign(lines.size() + 1, 0);
  out.point_node.assign(total_points, no_node);
  std::vector<std::uint32_t>& point_node = out.point_node;
  Nodes& nodes = out.nodes;
  nodes.reserve(total_points);
  FlatMap by_id(id_points);
  CoordinateNodes by_xy(options.node_tolerance_m, total_points - std::min(total_points, id_points));
  auto node_by_id = [&](std::int64_t id, XY p) {
    std::uint32_t& node = by_id.slot(static_cast<std::uint64_t>(id));
    if (node == no_node) node = nodes.add(p, id);
    return node;
  };
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const RoadLine& line = lines[l];
    const std::uint32_t first = out.line_first[l];
    out.line_first[l + 1] = first + static_cast<std::uint32_t>(line.points.size());
    if (line.points.size() < 2) continue;
    if (has_topology(line)) {
      point_node[first] = node_by_id(line.source_node, line.points.front());
      point_node[out.line_first[l + 1] - 1] = node_by_id(line.target_node, line.points.back());
      continue;
    }
    for (std::size_t i = 0; i < line.points.size(); ++i) {
      const XY p = line.points[i];
      if (!line.node_ids.empty()) {
        point_node[first + i] = node_by_id(line.node_ids[i], p);
      } else {
        const auto fresh = static_cast<std::uint32_t>(nodes.xy.size());
        point_node[first + i] = by_xy.find_or_add(p, fresh);
        if (point_node[first + i] == fresh) nodes.add(p, no_external_id);
      }
    }
  }
  return out;
}

/// Pass 2: occurrences. A run of one node (points within the tolerance) is one occurrence and a
/// line on a single node is dropped. A closed line's closing node is an end, hence a vertex
/// whatever it counts, so the rule "it counts once" needs no code. Returns the dropped flags.
std::vector<std::uint8_t> count_uses(const std::vector<RoadLine>& lines, PointNodes& pn) {
  const std::vector<std::uint32_t>& point_node = pn.point_node;
  Nodes& nodes = pn.nodes;
  std::vector<std::uint8_t> dropped(lines.size(), 0);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const std::uint32_t first = pn.line_first[l];
    const std::uint32_t last = pn.line_first[l + 1] - 1;
    if (lines[l].points.size() < 2) {
      dropped[l] = 1;
      continue;
    }
    if (has_topology(lines[l])) {
      nodes.is_end[point_node[first]] = nodes.is_end[point_node[last]] = 1;
      continue;
    }
    bool single_node = true;
    for (std::uint32_t i = first + 1; i <= last && single_node; ++i) {
      single_node = point_node[i] == point_node[first];
    }
    if (single_node) {
      dropped[l] = 1;
      continue;
    }
    nodes.is_end[point_node[first]] = nodes.is_end[point_node[last]] = 1;
    for (std::uint32_t i = first; i <= last; ++i) {
      const std::uint32_t n = point_node[i];
      if (i > first && n == point_node[i - 1]) continue;
      if (nodes.uses[n] < 2) ++nodes.uses[n];
    }
  }
  return dropped;
}

/// Vertices in node order, which is first-appearance order. Returns each node's vertex.
std::vector<NodeId> number_vertices(const Nodes& nodes, EdgeSet& out) {
  std::vector<NodeId> vertex_of(nodes.xy.size(), invalid_id);
  for (std::uint32_t n = 0; n < nodes.xy.size(); ++n) {
    if (!nodes.is_vertex(n)) continue;
    vertex_of[n] = static_cast<NodeId>(out.vertex_xy.size());
    out.vertex_xy.push_back(nodes.xy[n]);
    out.vertex_external_id.push_back(nodes.external[n] != no_external_id
                                         ? nodes.external[n]
                                         : static_cast<std::int64_t>(vertex_of[n]));
  }
  return vertex_of;
}

/// Pass 3: cut each line at its vertices; inside a run of one node, cut at the run's last
/// point so the tiny segment stays inside an edge instead of becoming a zero-length loop.
void cut_lines(const std::vector<RoadLine>& lines, const PointNodes& nodes_of,
               const std::vector<std::uint8_t>& dropped, const std::vector<NodeId>& vertex_of,
               EdgeSet& out) {
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (dropped[l]) continue;
    const RoadLine& line = lines[l];
    const auto line_index = static_cast<std::uint32_t>(l);
    const std::uint32_t first = nodes_of.line_first[l];
    const std::size_t n = line.points.size();
    const std::uint32_t* pn = nodes_of.point_node.data() + first;
    if (has_topology(line)) {
      emit_edge(out, line, line_index, 0, 0, n - 1, vertex_of[pn[0]], vertex_of[pn[n - 1]]);
      continue;
    }
    std::uint32_t part = 0;
    std::size_t start = 0;
    bool moved = false;  // the piece has left its start node (so a cut cannot make a 0-length loop)
    for (std::size_t i = 1; i < n; ++i) {
      moved = moved || pn[i] != pn[start];
      const bool cut =
          i == n - 1 || (moved && nodes_of.nodes.is_vertex(pn[i]) && pn[i + 1] != pn[i]);
      if (!cut) continue;
      emit_edge(out, line, line_index, part++, start, i, vertex_of[pn[start]], vertex_of[pn[i]]);
      start = i;
      moved = false;
    }
  }
}

}  // namespace

EdgeSet split_into_edges(const std::vector<RoadLine>& lines, const SplitOptions& options) {
  std::size_t total_points = 0;
  std::size_t id_points = 0;  // points whose node is found by id, the rest by coordinates
  for (std::size_t l = 0; l < lines.size(); ++l) {
    check_line(lines[l], l);
    total_points += lines[l].points.size();
    if (has_topology(lines[l])) {
      id_points += 2;
    } else if (!lines[l].node_ids.empty()) {
      id_points += lines[l].node_ids.size();
    }
  }
  if (total_points >= invalid_id) throw std::length_error("split_into_edges: too many points");

  PointNodes nodes = assign_nodes(lines, options, total_points, id_points);
  const std::vector<std::uint8_t> dropped = count_uses(lines, nodes);
  EdgeSet out;
  const std::vector<NodeId> vertex_of = number_vertices(nodes.nodes, out);
  out.points.reserve(total_points + lines.size());
  out.cum_m.reserve(total_points + lines.size());
  out.first_point.push_back(0);
  cut_lines(lines, nodes, dropped, vertex_of, out);
  return out;
}

}  // namespace planner
