// The reached network of a finished search as edge pieces: every part of every edge within
// the limit, cut exactly where the time runs out (mid-edge), and cut again at each band
// threshold, so a piece lies wholly in one band (e.g. 0-5, 5-10, 10-15 minutes).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/areas/edge_envelope.h"
#include "planner/network/network.h"
#include "planner/search/access_time.h"
#include "planner/search/bounded_search.h"
#include "planner/search/walk_times.h"

namespace planner {

struct ReachPiece {
  EdgeId edge = invalid_id;
  double from_m = 0.0, to_m = 0.0;   ///< offsets along the edge from its tail (model length)
  double from_s = 0.0, to_s = 0.0;   ///< walking seconds at from_m and to_m
  std::uint32_t label = invalid_id;  ///< the nearest source (center)
  std::uint32_t band = 0;            ///< index into the ascending thresholds
};

/// Collects reach pieces; keeps its scratch arrays between calls (one per thread).
class ReachCollector {
 public:
  explicit ReachCollector(const Network& network);

  /// Pieces reached by `search` (run with add_sources(sources)) within thresholds_s.back(),
  /// cut at every threshold (ascending, seconds). `same_edge` indexes these sources or a
  /// superset of them (all centers): with a single source only that source's label is used.
  /// Pieces come edge by edge in the order the search settled their vertices, so the output
  /// is deterministic.
  std::vector<ReachPiece> collect(const BoundedSearch& search,
                                  std::span<const SnappedSource> sources,
                                  const SourcesByEdge& same_edge,
                                  std::span<const double> thresholds_s, const WalkTimes& walk);

 private:
  void add_edge(EdgeId e, const BoundedSearch& search, const SourcesByEdge& same_edge,
                std::uint32_t only_label, std::span<const double> thresholds_s,
                const WalkTimes& walk, std::vector<ReachPiece>& out);

  const Network* m_network;
  std::vector<std::uint32_t> m_edge_stamp;  ///< == m_stamp: edge already collected this call
  std::uint32_t m_stamp = 0;
  std::vector<TimeV> m_vs;
  std::vector<EnvelopePiece> m_pieces;
  std::vector<double> m_cuts;
  std::vector<double> m_breakpoints;
  std::vector<ReachPiece> m_out;
};

/// The points of edge e between two offsets (model length), as a line in the run CRS.
LineString edge_sub_line(const EdgeSet& edges, EdgeId e, double from_m, double to_m);

/// The point at an offset along edge e.
XY edge_point_at(const EdgeSet& edges, EdgeId e, double offset_m);

}  // namespace planner
