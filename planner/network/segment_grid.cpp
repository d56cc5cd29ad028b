#include "planner/network/segment_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace planner {

double closest_fraction(XY p, XY a, XY b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  if (len2 == 0.0) return 0.0;
  return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
}

XY closest_point(XY p, XY a, XY b) {
  const double f = closest_fraction(p, a, b);
  return {a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)};
}

double segment_distance(XY p, XY a, XY b) {
  const XY c = closest_point(p, a, b);
  return std::hypot(p.x - c.x, p.y - c.y);
}

std::uint64_t cell_key(std::int64_t x, std::int64_t y) {
  // Offset into unsigned 32-bit halves so that keys sort by column, then row, negative cells
  // included: the rows of one column form one range.
  const auto half = [](std::int64_t v) {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(v + (std::int64_t{1} << 31)));
  };
  return (half(x) << 32) | half(y);
}

SegmentGrid::SegmentGrid(const EdgeSet& edges, std::span<const std::uint8_t> use, double cell_m)
    : m_edges(&edges), m_cell(cell_m) {
  m_entries.reserve(edges.points.size());
  for (EdgeId e = 0; e < edges.edge_count(); ++e) {
    if (!use.empty() && !use[e]) continue;
    for (std::uint32_t p = edges.first_point[e]; p + 1 < edges.first_point[e + 1]; ++p) {
      const XY a = edges.points[p], b = edges.points[p + 1];
      const std::int64_t x0 = cell(std::min(a.x, b.x)), x1 = cell(std::max(a.x, b.x));
      const std::int64_t y0 = cell(std::min(a.y, b.y)), y1 = cell(std::max(a.y, b.y));
      for (std::int64_t x = x0; x <= x1; ++x) {
        for (std::int64_t y = y0; y <= y1; ++y) m_entries.push_back({cell_key(x, y), p, e});
      }
    }
  }
  std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.point < b.point;
  });
  m_entries.shrink_to_fit();
}

std::int64_t SegmentGrid::cell(double v) const {
  return static_cast<std::int64_t>(std::floor(v / m_cell));
}

std::span<const SegmentGrid::Entry> SegmentGrid::column(std::int64_t x, std::int64_t y0,
                                                        std::int64_t y1) const {
  const auto below = [](const Entry& a, std::uint64_t v) { return a.key < v; };
  const auto first = std::lower_bound(m_entries.begin(), m_entries.end(), cell_key(x, y0), below);
  auto last = first;
  const std::uint64_t end_key = cell_key(x, y1);
  while (last != m_entries.end() && last->key <= end_key) ++last;
  return {first, last};
}

void SegmentGrid::edges_near(XY q, double tol, std::vector<EdgeId>& out) const {
  const std::int64_t x = cell(q.x), y = cell(q.y);
  for (const Entry& entry : column(x, y, y)) {
    const XY a = m_edges->points[entry.point], b = m_edges->points[entry.point + 1];
    if (segment_distance(q, a, b) <= tol) out.push_back(entry.edge);
  }
}

void SegmentGrid::distinct_edges_near(XY q, double tol, std::vector<EdgeId>& out) const {
  out.clear();
  edges_near(q, tol, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::optional<SegmentGrid::Nearest> SegmentGrid::nearest(XY q, double max_m) const {
  if (m_entries.empty() || !(max_m >= 0.0)) return std::nullopt;
  const std::int64_t cx = cell(q.x), cy = cell(q.y);
  // Compared as squared distances: std::hypot's care for overflow made it a tenth of a city's
  // evaluation, and metres cannot overflow. The winner's distance is taken with hypot, as
  // segment_distance gives it.
  std::uint32_t best_point = invalid_id;
  EdgeId best_edge = invalid_id;
  double best_d2 = std::numeric_limits<double>::infinity();
  const auto consider = [&](std::span<const Entry> entries) {
    for (const Entry& entry : entries) {
      const XY c = closest_point(q, m_edges->points[entry.point], m_edges->points[entry.point + 1]);
      const double dx = q.x - c.x, dy = q.y - c.y;
      const double d2 = dx * dx + dy * dy;
      if (d2 < best_d2 || (d2 == best_d2 && entry.point < best_point)) {
        best_d2 = d2;
        best_point = entry.point;
        best_edge = entry.edge;
      }
    }
  };
  // Ring k holds the cells k steps from q's cell; every point of them is at least (k - 1)
  // cells away from q. A segment is listed in every cell its box touches, so the nearest one
  // is found by the first ring that reaches its nearest point: stop once no ring can hold
  // anything nearer than the best so far, or within max_m.
  const double reach = std::min(max_m, 1e9);
  for (std::int64_t k = 0;; ++k) {
    const double ring_floor = static_cast<double>(std::max<std::int64_t>(0, k - 1)) * m_cell;
    if (ring_floor * ring_floor > best_d2 || ring_floor > reach) break;
    if (k == 0) {
      consider(column(cx, cy, cy));
      continue;
    }
    consider(column(cx - k, cy - k, cy + k));
    consider(column(cx + k, cy - k, cy + k));
    for (std::int64_t x = cx - k + 1; x <= cx + k - 1; ++x) {
      consider(column(x, cy - k, cy - k));
      consider(column(x, cy + k, cy + k));
    }
  }
  if (best_point == invalid_id) return std::nullopt;
  const double distance =
      segment_distance(q, m_edges->points[best_point], m_edges->points[best_point + 1]);
  if (distance > max_m) return std::nullopt;
  return Nearest{best_point, best_edge, distance};
}

}  // namespace planner
