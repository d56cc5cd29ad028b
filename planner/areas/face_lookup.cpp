#include "planner/areas/face_lookup.h"

#include <algorithm>
#include <cmath>

namespace planner {
namespace {

std::uint64_t cell_key(std::int64_t x, std::int64_t y) {
  return (static_cast<std::uint64_t>(x) << 32) ^ static_cast<std::uint32_t>(y);
}

double segment_distance(XY q, XY a, XY b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0.0 ? ((q.x - a.x) * dx + (q.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(q.x - (a.x + t * dx), q.y - (a.y + t * dy));
}

bool point_in_ring(const Ring& ring, XY p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const XY a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

bool point_in_face(const MultiPolygon& shape, XY p) {
  for (const Polygon& poly : shape) {
    if (!point_in_ring(poly.outer, p)) continue;
    bool in_hole = false;
    for (const Ring& h : poly.holes) in_hole = in_hole || point_in_ring(h, p);
    if (!in_hole) return true;
  }
  return false;
}

}  // namespace

SegmentGrid::SegmentGrid(const EdgeSet& edges, std::span<const std::uint8_t> use, double cell_m)
    : m_edges(&edges), m_cell(cell_m) {
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
  std::sort(m_entries.begin(), m_entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

std::int64_t SegmentGrid::cell(double v) const {
  return static_cast<std::int64_t>(std::floor(v / m_cell));
}

void SegmentGrid::edges_near(XY q, double tol, std::vector<EdgeId>& out) const {
  const std::uint64_t k = cell_key(cell(q.x), cell(q.y));
  auto it = std::lower_bound(m_entries.begin(), m_entries.end(), k,
                             [](const Entry& a, std::uint64_t v) { return a.key < v; });
  for (; it != m_entries.end() && it->key == k; ++it) {
    const XY a = m_edges->points[it->point], b = m_edges->points[it->point + 1];
    if (segment_distance(q, a, b) <= tol) out.push_back(it->edge);
  }
}

void SegmentGrid::distinct_edges_near(XY q, double tol, std::vector<EdgeId>& out) const {
  out.clear();
  edges_near(q, tol, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

FaceLocator::FaceLocator(const std::vector<MultiPolygon>& faces, double cell_m)
    : m_faces(&faces), m_cell(cell_m) {
  for (std::uint32_t f = 0; f < faces.size(); ++f) {
    Box box;
    for (const Polygon& poly : faces[f]) {
      for (XY p : poly.outer) box.add(p);
    }
    for (std::int64_t x = cell(box.min_x); x <= cell(box.max_x); ++x) {
      for (std::int64_t y = cell(box.min_y); y <= cell(box.max_y); ++y)
        m_entries.push_back({cell_key(x, y), f});
    }
  }
  std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.face < b.face;
  });
}

std::int64_t FaceLocator::cell(double v) const {
  return static_cast<std::int64_t>(std::floor(v / m_cell));
}

std::uint32_t FaceLocator::face_at(XY p) const {
  const std::uint64_t k = cell_key(cell(p.x), cell(p.y));
  auto it = std::lower_bound(m_entries.begin(), m_entries.end(), k,
                             [](const Entry& a, std::uint64_t v) { return a.key < v; });
  for (; it != m_entries.end() && it->key == k; ++it) {
    if (point_in_face((*m_faces)[it->face], p)) return it->face;
  }
  return invalid_id;
}

}  // namespace planner
