// Point lookups over a network's edges and faces, for build_network_faces: which edges lie
// within a tolerance of a point, and which face holds a point. Both hash into square cells
// once, as sorted arrays of (cell, item) rather than hash maps of vectors.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/geometry.h"
#include "planner/network/edge_set.h"

namespace planner {

/// Edge segments hashed into square cells, to find the edges a face's boundary segment lies on.
class SegmentGrid {
 public:
  /// With `use` (one flag per edge), only the flagged edges.
  SegmentGrid(const EdgeSet& edges, std::span<const std::uint8_t> use, double cell_m);

  /// Edges with a segment within tol of point q, appended to out (may repeat).
  void edges_near(XY q, double tol, std::vector<EdgeId>& out) const;

  /// edges_near, sorted and without repeats, into out (cleared first).
  void distinct_edges_near(XY q, double tol, std::vector<EdgeId>& out) const;

 private:
  struct Entry {
    std::uint64_t key;
    std::uint32_t point;  ///< segment points[point] .. points[point + 1]
    EdgeId edge;
  };

  std::int64_t cell(double v) const;

  const EdgeSet* m_edges;
  double m_cell;
  std::vector<Entry> m_entries;
};

/// Which face holds a point: faces hashed by their bounding boxes into square cells.
class FaceLocator {
 public:
  FaceLocator(const std::vector<MultiPolygon>& faces, double cell_m);

  /// The face whose interior holds p, or invalid_id.
  std::uint32_t face_at(XY p) const;

 private:
  struct Entry {
    std::uint64_t key;
    std::uint32_t face;
  };
  std::int64_t cell(double v) const;

  const std::vector<MultiPolygon>* m_faces;
  double m_cell;
  std::vector<Entry> m_entries;
};

}  // namespace planner
