#include "planner/areas/face_locator.h"

#include <algorithm>
#include <cmath>

#include "planner/network/segment_grid.h"

namespace planner {
namespace {

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
