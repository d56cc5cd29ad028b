// The network's segments hashed into square cells, once, as one sorted array of (cell, segment)
// rather than a hash map of vectors: which edges lie within a tolerance of a point (the faces of
// planner/areas), and the nearest segment to a point (snapping, snap_index.h).
//
// Why not GEOS's STRtree for the nearest segment: GEOS 3.11's nearest-neighbour query has no
// distance bound and keeps a priority queue per query, and its tree of a city's segment
// envelopes took about 100 MB (Malta tiled 4 x 4). Snapping that city's block samples spent
// about half of the evaluation there; cells scanned ring by ring around the point stop as soon as
// no nearer segment can lie farther out (docs/performance.md).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "planner/geometry.h"
#include "planner/network/edge_set.h"

namespace planner {

/// Closest point to p on segment a-b, as the fraction along it (0..1).
double closest_fraction(XY p, XY a, XY b);

/// Closest point to p on segment a-b.
XY closest_point(XY p, XY a, XY b);

/// Distance from p to segment a-b.
double segment_distance(XY p, XY a, XY b);

class SegmentGrid {
 public:
  /// With `use` (one flag per edge), only the flagged edges. Every segment is listed in each
  /// cell its bounding box touches.
  SegmentGrid(const EdgeSet& edges, std::span<const std::uint8_t> use, double cell_m);

  /// Edges with a segment within tol of point q, appended to out (may repeat). Looks in q's own
  /// cell only, so tol must be far below the cell size.
  void edges_near(XY q, double tol, std::vector<EdgeId>& out) const;

  /// edges_near, sorted and without repeats, into out (cleared first).
  void distinct_edges_near(XY q, double tol, std::vector<EdgeId>& out) const;

  struct Nearest {
    std::uint32_t point;  ///< the segment: points[point] .. points[point + 1]
    EdgeId edge;
    double distance;
  };
  /// The segment nearest to q, if one lies within max_m. Segments are ranked by the squared
  /// distance of their closest point (dx² + dy²), ties to the lowest point index (so to the
  /// lowest edge): the answer depends on nothing but the network. `distance` is that point's
  /// segment_distance.
  std::optional<Nearest> nearest(XY q, double max_m) const;

  bool empty() const { return m_entries.empty(); }

 private:
  struct Entry {
    std::uint64_t key;
    std::uint32_t point;  ///< segment points[point] .. points[point + 1]
    EdgeId edge;
  };

  std::int64_t cell(double v) const;
  /// Entries of the cells (x, y0) .. (x, y1): one range, cells sorted by column then row.
  std::span<const Entry> column(std::int64_t x, std::int64_t y0, std::int64_t y1) const;

  const EdgeSet* m_edges;
  double m_cell;
  std::vector<Entry> m_entries;
};

/// Sort key of cell (x, y): by column, then row.
std::uint64_t cell_key(std::int64_t x, std::int64_t y);

}  // namespace planner
