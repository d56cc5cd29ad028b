// The `reach_edges` layer: the reached network, in one of two shapes. Merged (the default): one
// MultiLineString per center and band, or per band and tier for a dissolved or split run, so a
// city's reach is thousands of rows rather than millions. Pieces: one row per reached street
// piece per center (the table before merging, for edge-by-edge analysis).
#pragma once

#include <vector>

#include "io/gdal/output_layer.h"
#include "planner/areas/service_areas.h"
#include "planner/inputs.h"
#include "planner/network/network.h"

namespace io {

/// --reach-edges (and the scenario key reach-edges): which reach_edges layer is written.
enum class ReachEdges { merged, pieces, none };

/// Merged reach_edges: center_id, tier, from_min, to_min, length_m. With Overlap::per_center one
/// row per center and band (centers in the order of areas.reach_edges, bands ascending); with
/// dissolve or split one row per tier and band (tiers by name, center_id null), from the group's
/// multi-source search, so each street piece appears once, at the least time from any center of
/// the group. Bands are always rings (a piece lies in one band): from_min is the previous value
/// of `minutes` (0 for the first), to_min the band's own. length_m sums the pieces' network
/// lengths (metres, the length model's), not the projected lines'. Bands without pieces give no
/// row.
OutputLayer merged_reach_edges_layer(const planner::Network& network, const planner::Inputs& inputs,
                                     const planner::ServiceAreas& areas,
                                     const std::vector<double>& minutes, planner::Overlap overlap);

/// Pieces reach_edges: edge_id (input road feature id), part, from_min, to_min (minutes at the
/// line's first and last point), center_id; one row per per-center piece, whatever the overlap.
OutputLayer reach_pieces_layer(const planner::Network& network, const planner::Inputs& inputs,
                               const planner::ServiceAreas& areas);

}  // namespace io
