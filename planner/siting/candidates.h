// Candidate sites for new stations: given as points, or generated on the walking network where
// a station could help, i.e. at network vertices from which some uncovered block lies within
// the cover threshold. Generated vertices are thinned to a spacing (nearest to that demand
// first, then by vertex id, so the same inputs give the same candidates) and may be kept to
// allowed land (polygons).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "planner/coverage/coverage.h"
#include "planner/network/block_sites.h"
#include "planner/network/network.h"
#include "planner/search/walk_times.h"

namespace planner {

struct SiteCandidate {
  std::string id;
  XY pos;
  double cost = 1.0;      ///< opening cost (lscp minimises their sum)
  bool existing = false;  ///< an existing center offered for removal (or kept open: cmclp...)
  /// Capacitated models: what the site can serve, in weight units (--site-capacity-field);
  /// nullopt: none given.
  std::optional<double> capacity{};
};

struct CandidateGeneration {
  double spacing_m = 100.0;  ///< --candidate-spacing: no two generated candidates closer
  double cover_s = 900.0;
};

/// Vertices within cover_s of an uncovered block of positive weight (an access point that
/// snapped), kept when inside some `allowed` polygon (none given: everywhere), thinned by
/// spacing. Ids are "v" + the vertex's external id (the OSM node id for OSM data).
std::vector<SiteCandidate> generate_candidates(const Network& network, const WalkTimes& walk,
                                               const std::vector<BlockSite>& sites,
                                               const std::vector<BlockCoverage>& base,
                                               std::span<const double> weights,
                                               const std::vector<MultiPolygon>& allowed,
                                               const CandidateGeneration& options);

/// Every vertex of the network (kept to `allowed` land), thinned by spacing in vertex order.
/// For "anywhere on the network" runs and benchmarks; ids as above.
std::vector<SiteCandidate> vertex_candidates(const Network& network,
                                             const std::vector<MultiPolygon>& allowed,
                                             double spacing_m);

/// The candidates lying inside some allowed polygon (boundary included); all when none given.
std::vector<SiteCandidate> keep_allowed(std::vector<SiteCandidate> candidates,
                                        const std::vector<MultiPolygon>& allowed);

}  // namespace planner
