#include "planner/scenario/edits.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "planner/network/snap_index.h"
#include "planner/parameters.h"

namespace planner {
namespace {

/// One edge as a value, so edits can cut and drop edges before the arrays are packed again.
struct EdgeRecord {
  NodeId tail = 0, head = 0;
  double length_m = 0.0;
  std::int64_t feature_id = 0;
  std::uint32_t part = 0;
  std::uint32_t line = invalid_id;
  double speed_factor = 1.0;
  std::vector<XY> points;
  std::vector<double> cum_m;
};

std::vector<EdgeRecord> unpack(const EdgeSet& es) {
  std::vector<EdgeRecord> out(es.edge_count());
  for (std::size_t e = 0; e < es.edge_count(); ++e) {
    EdgeRecord& r = out[e];
    r.tail = es.edge_tail[e];
    r.head = es.edge_head[e];
    r.length_m = es.edge_length_m[e];
    r.feature_id = es.edge_feature_id[e];
    r.part = es.edge_part[e];
    r.line = es.edge_line[e];
    if (!es.edge_speed_factor.empty()) r.speed_factor = es.edge_speed_factor[e];
    r.points.assign(es.points.begin() + es.first_point[e],
                    es.points.begin() + es.first_point[e + 1]);
    r.cum_m.assign(es.cum_m.begin() + es.first_point[e], es.cum_m.begin() + es.first_point[e + 1]);
  }
  return out;
}

EdgeSet pack(std::vector<std::int64_t> vertex_ids, std::vector<XY> vertex_xy,
             const std::vector<EdgeRecord>& records) {
  EdgeSet es;
  es.vertex_external_id = std::move(vertex_ids);
  es.vertex_xy = std::move(vertex_xy);
  es.first_point.push_back(0);
  const bool slowed = std::any_of(records.begin(), records.end(),
                                  [](const EdgeRecord& r) { return r.speed_factor != 1.0; });
  for (const EdgeRecord& r : records) {
    if (slowed) es.edge_speed_factor.push_back(r.speed_factor);
    es.edge_tail.push_back(r.tail);
    es.edge_head.push_back(r.head);
    es.edge_length_m.push_back(r.length_m);
    es.edge_feature_id.push_back(r.feature_id);
    es.edge_part.push_back(r.part);
    es.edge_line.push_back(r.line);
    es.points.insert(es.points.end(), r.points.begin(), r.points.end());
    es.cum_m.insert(es.cum_m.end(), r.cum_m.begin(), r.cum_m.end());
    es.first_point.push_back(static_cast<std::uint32_t>(es.points.size()));
  }
  return es;
}

double cross(XY o, XY a, XY b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool on_segment(XY p, XY a, XY b) {
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
         p.y <= std::max(a.y, b.y);
}

int sign(double v) {
  return (v > 0.0) - (v < 0.0);
}

/// Closed segments a-b and c-d share a point (touching counts).
bool segments_meet(XY a, XY b, XY c, XY d) {
  const int d1 = sign(cross(c, d, a)), d2 = sign(cross(c, d, b));
  const int d3 = sign(cross(a, b, c)), d4 = sign(cross(a, b, d));
  if (d1 != d2 && d3 != d4 && d1 * d2 <= 0 && d3 * d4 <= 0) return true;
  if (d1 == 0 && on_segment(a, c, d)) return true;
  if (d2 == 0 && on_segment(b, c, d)) return true;
  if (d3 == 0 && on_segment(c, a, b)) return true;
  if (d4 == 0 && on_segment(d, a, b)) return true;
  return false;
}

bool lines_meet(const std::vector<XY>& p, const std::vector<XY>& q) {
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    for (std::size_t j = 0; j + 1 < q.size(); ++j) {
      if (segments_meet(p[i], p[i + 1], q[j], q[j + 1])) return true;
    }
  }
  return false;
}

/// Even-odd rule over one ring.
bool inside_ring(XY p, const Ring& ring) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const XY a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

bool inside_polygon(XY p, const Polygon& poly) {
  if (poly.outer.size() < 3 || !inside_ring(p, poly.outer)) return false;
  for (const Ring& hole : poly.holes) {
    if (hole.size() >= 3 && inside_ring(p, hole)) return false;
  }
  return true;
}

bool meets_polygon(const std::vector<XY>& line, const Polygon& poly) {
  if (lines_meet(line, poly.outer)) return true;
  for (const Ring& hole : poly.holes) {
    if (lines_meet(line, hole)) return true;
  }
  return !line.empty() && inside_polygon(line.front(), poly);
}

bool closed_by_barrier(const EdgeRecord& r, const NetworkEdits& edits) {
  for (const LineString& b : edits.barrier_lines) {
    if (lines_meet(r.points, b)) return true;
  }
  for (const Polygon& poly : edits.barrier_polygons) {
    if (meets_polygon(r.points, poly)) return true;
  }
  return false;
}

struct Graph {
  std::vector<std::int64_t> vertex_ids;
  std::vector<XY> vertex_xy;
  std::vector<EdgeRecord> edges;
};

/// The vertex where `point` joins the network: the nearest position on any edge (ties: the
/// smaller edge index), an existing vertex when that position is an edge end, else a new vertex
/// splitting the edge in two. Returns invalid_id when no edge is within max_m.
NodeId join(Graph& g, XY point, double max_m, NetworkEditReport& report) {
  double best_d = max_m;
  std::size_t best_e = invalid_id, best_i = 0;
  double best_f = 0.0;
  bool found = false;
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const std::vector<XY>& pts = g.edges[e].points;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
      const double f = closest_fraction(point, pts[i], pts[i + 1]);
      const XY q{pts[i].x + f * (pts[i + 1].x - pts[i].x),
                 pts[i].y + f * (pts[i + 1].y - pts[i].y)};
      const double d = std::hypot(point.x - q.x, point.y - q.y);
      if (d < best_d || (!found && d <= best_d)) {
        best_d = d;
        best_e = e;
        best_i = i;
        best_f = f;
        found = true;
      }
    }
  }
  if (!found) return invalid_id;
  EdgeRecord& r = g.edges[best_e];
  const XY a = r.points[best_i], b = r.points[best_i + 1];
  const XY q{a.x + best_f * (b.x - a.x), a.y + best_f * (b.y - a.y)};
  const double offset = r.cum_m[best_i] + best_f * (r.cum_m[best_i + 1] - r.cum_m[best_i]);
  // Within a millimetre of an end: join the existing vertex rather than cut a sliver.
  constexpr double end_tolerance_m = 1e-3;
  if (offset <= end_tolerance_m) return r.tail;
  if (offset >= r.length_m - end_tolerance_m) return r.head;

  const NodeId v = static_cast<NodeId>(g.vertex_xy.size());
  g.vertex_xy.push_back(q);
  // Negative: never an OSM node id nor a topology id of the input.
  g.vertex_ids.push_back(-1 - static_cast<std::int64_t>(v));
  EdgeRecord second;
  second.tail = v;
  second.head = r.head;
  second.length_m = r.length_m - offset;
  second.feature_id = r.feature_id;
  second.part = r.part;
  second.line = r.line;
  second.speed_factor = r.speed_factor;
  second.points.push_back(q);
  second.cum_m.push_back(0.0);
  for (std::size_t i = best_i + 1; i < r.points.size(); ++i) {
    second.points.push_back(r.points[i]);
    second.cum_m.push_back(r.cum_m[i] - offset);
  }
  r.points.resize(best_i + 1);
  r.cum_m.resize(best_i + 1);
  r.points.push_back(q);
  r.cum_m.push_back(offset);
  r.head = v;
  r.length_m = offset;
  g.edges.insert(g.edges.begin() + static_cast<std::ptrdiff_t>(best_e) + 1, std::move(second));
  ++report.split_edges;
  return v;
}

void add_footpath(Graph& g, const LineString& line, std::size_t index, double snap_m,
                  NetworkEditReport& report) {
  if (line.size() < 2) {
    throw InvalidValue("footpath " + std::to_string(index + 1) + " has fewer than 2 points");
  }
  const NodeId from = join(g, line.front(), snap_m, report);
  const NodeId to = from == invalid_id ? invalid_id : join(g, line.back(), snap_m, report);
  if (from == invalid_id || to == invalid_id) {
    std::string msg = "footpath " + std::to_string(index + 1) + ": its ";
    msg += from == invalid_id ? "first" : "last";
    std::ostringstream limit;
    limit << snap_m;
    msg += " point is farther than footpath-snap (" + limit.str() +
           " m) from every road; draw it to touch the network or raise footpath-snap";
    throw InvalidValue(msg);
  }
  EdgeRecord r;
  r.tail = from;
  r.head = to;
  r.feature_id = footpath_feature_id(index);
  r.line = invalid_id;
  std::vector<XY> pts{g.vertex_xy[from]};
  for (const XY& p : line) {
    if (!(p == pts.back())) pts.push_back(p);
  }
  if (!(g.vertex_xy[to] == pts.back())) pts.push_back(g.vertex_xy[to]);
  if (pts.size() < 2) pts.push_back(pts.back());
  r.points = pts;
  r.cum_m.push_back(0.0);
  for (std::size_t i = 1; i < pts.size(); ++i) {
    r.cum_m.push_back(r.cum_m.back() +
                      std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
  }
  r.length_m = r.cum_m.back();
  g.edges.push_back(std::move(r));
  ++report.footpath_edges;
}

}  // namespace

std::int64_t footpath_feature_id(std::size_t index) {
  return -1 - static_cast<std::int64_t>(index);
}

EdgeSet edit_edges(const EdgeSet& base, const std::vector<RoadLine>& roads,
                   const NetworkEdits& edits, NetworkEditReport* report_out) {
  NetworkEditReport report;
  for (const auto& [cls, factor] : edits.speed_factor) {
    if (!speed_factor_range.contains(factor)) {
      throw InvalidValue("speed factor of road class '" + cls + "' must be positive");
    }
  }
  Graph g;
  g.vertex_ids = base.vertex_external_id;
  g.vertex_xy = base.vertex_xy;
  {
    const std::unordered_set<std::int64_t> closed(edits.close_roads.begin(),
                                                  edits.close_roads.end());
    for (EdgeRecord& r : unpack(base)) {
      if (closed.contains(r.feature_id) || closed_by_barrier(r, edits)) {
        ++report.closed_edges;
        continue;
      }
      g.edges.push_back(std::move(r));
    }
  }
  for (std::size_t i = 0; i < edits.footpaths.size(); ++i) {
    add_footpath(g, edits.footpaths[i], i, edits.footpath_snap_m, report);
  }
  if (!edits.speed_factor.empty()) {
    for (EdgeRecord& r : g.edges) {
      if (r.line == invalid_id || r.line >= roads.size()) continue;
      const auto it = edits.speed_factor.find(roads[r.line].highway);
      if (it == edits.speed_factor.end() || it->second == 1.0) continue;
      r.speed_factor = it->second;
      ++report.slowed_edges;
    }
  }
  if (report_out) *report_out = report;
  return pack(std::move(g.vertex_ids), std::move(g.vertex_xy), g.edges);
}

Network network_from_edges(EdgeSet edges) {
  if (edges.edge_count() == 0) {
    throw InvalidValue("the edits leave no walkable edge");
  }
  Network network;
  network.edges = std::move(edges);
  network.graph = std::make_unique<StreetGraph>(network.edges);
  return network;
}

std::vector<std::int64_t> unknown_road_ids(const std::vector<RoadLine>& roads,
                                           const std::vector<std::int64_t>& ids) {
  std::unordered_set<std::int64_t> known;
  for (const RoadLine& r : roads) known.insert(r.feature_id);
  std::vector<std::int64_t> out;
  for (std::int64_t id : ids) {
    if (!known.contains(id)) out.push_back(id);
  }
  return out;
}

std::vector<std::string> unknown_road_classes(const std::vector<RoadLine>& roads,
                                              const std::vector<std::string>& classes) {
  std::unordered_set<std::string> known;
  for (const RoadLine& r : roads) known.insert(r.highway);
  std::vector<std::string> out;
  for (const std::string& c : classes) {
    if (!known.contains(c)) out.push_back(c);
  }
  return out;
}

std::vector<std::string> road_classes(const std::vector<RoadLine>& roads) {
  std::set<std::string> classes;
  for (const RoadLine& r : roads) {
    if (!r.highway.empty()) classes.insert(r.highway);
  }
  return {classes.begin(), classes.end()};
}

std::vector<Center> edit_centers(const std::vector<Center>& base, const CenterEdits& edits) {
  const std::set<std::string> closed(edits.close.begin(), edits.close.end());
  std::vector<Center> out;
  for (const Center& c : base) {
    if (!closed.contains(c.id)) out.push_back(c);
  }
  out.insert(out.end(), edits.add.begin(), edits.add.end());
  for (const auto& [id, capacity] : edits.set_capacity) {
    for (Center& c : out) {
      if (c.id == id) c.capacity = capacity;
    }
  }
  return out;
}

std::vector<std::string> unknown_center_ids(const std::vector<Center>& centers,
                                            const std::vector<std::string>& ids) {
  std::set<std::string> known;
  for (const Center& c : centers) known.insert(c.id);
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    if (!known.contains(id)) out.push_back(id);
  }
  return out;
}

}  // namespace planner
