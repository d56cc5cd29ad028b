// Which face of the network holds a point, for build_network_faces: faces hashed by their
// bounding boxes into square cells once, as a sorted array of (cell, face) rather than a hash map
// of vectors (the edges near a point are planner/network/segment_grid.h's).
#pragma once

#include <cstdint>
#include <vector>

#include "planner/geometry.h"

namespace planner {

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
