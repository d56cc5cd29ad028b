// The faces of the walking network (the city blocks it encloses), built once per network and
// shared by every service-area polygon.
//
// Why: inside a face whose whole boundary (and every edge inside it) is reached, the buffer of
// the reached network is the whole face less one fixed "hole" (the part farther than the
// buffer from every edge), precomputed here. So a center's polygon is the coverage union of
// its wholly reached faces, unioned with the buffers of its frontier (pieces bordering a face
// that is not wholly reached, dangles, cut edges), with the holes put back as interior rings:
// the overlay work grows with the perimeter of the reach, not its area.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "planner/geometry.h"
#include "planner/network/edge_set.h"

namespace planner {

struct NetworkFaces {
  double buffer_m = 0.0;      ///< holes were built for this buffer ...
  int quadrant_segments = 0;  ///< ... and this many arc segments per quarter circle

  /// Per face: its polygon (faces tile the area the network encloses, sharing boundaries
  /// exactly, so a set of them can be coverage-unioned).
  std::vector<MultiPolygon> faces;
  /// Per face: the part farther than buffer_m from every edge on or inside it (the face's
  /// inward buffer minus the buffers of the edges inside it); empty when the face is narrow.
  /// When the whole face and everything inside it is reached, this is what the polygon lacks.
  std::vector<MultiPolygon> holes;

  /// Per face, the stretches of its boundary (rings split at every segment), each as the list
  /// of network edges lying on it (more than one where ways are drawn on top of each other).
  /// Stretches of face f: stretch_edges[first_stretch_edge[s] .. first_stretch_edge[s+1]) for
  /// s in [first_stretch[f], first_stretch[f+1]).
  std::vector<std::uint32_t> first_stretch;       ///< faces + 1
  std::vector<std::uint32_t> first_stretch_edge;  ///< stretches + 1
  std::vector<EdgeId> stretch_edges;
  /// Per face, the edges inside it (dangles, cut edges, loose pieces), wholly or in part:
  /// interior_edges[first_interior[f] .. first_interior[f+1]).
  std::vector<std::uint32_t> first_interior;  ///< faces + 1
  std::vector<EdgeId> interior_edges;

  /// Per edge, the faces whose boundary it lies on: edge_faces[first_edge_face[e] ..
  /// first_edge_face[e+1]).
  std::vector<std::uint32_t> first_edge_face;  ///< edges + 1
  std::vector<std::uint32_t> edge_faces;
  /// Parallel to edge_faces: 1 when the edge lies wholly on that face's boundary.
  std::vector<std::uint8_t> on_ring;
  /// Per edge: the face it lies in wholly (inside, not on its boundary), else invalid_id.
  std::vector<std::uint32_t> inside_face;

  std::size_t face_count() const { return faces.size(); }
  std::span<const std::uint32_t> faces_of(EdgeId e) const {
    return {edge_faces.data() + first_edge_face[e], edge_faces.data() + first_edge_face[e + 1]};
  }
  std::span<const EdgeId> interior_of(std::uint32_t f) const {
    return {interior_edges.data() + first_interior[f],
            interior_edges.data() + first_interior[f + 1]};
  }
};

/// Nodes the network's edges (a GEOS unary union, so crossings without a shared vertex, e.g.
/// bridges, split both lines), polygonizes them into faces, maps every boundary segment back to
/// the edges it lies on, finds the edges inside each face, and builds each face's hole.
/// `threads` build the holes in parallel. With `use` (one flag per edge), only the flagged edges
/// count: faces of the part of the network some center reaches are fewer and larger, and
/// polygons only ever use reached edges, so the rest can be left out.
NetworkFaces build_network_faces(const EdgeSet& edges, double buffer_m, int quadrant_segments,
                                 unsigned threads = 1, std::span<const std::uint8_t> use = {});

}  // namespace planner
