// Rough upper estimates of what the big stages add to memory, from the input sizes, so a run
// over --max-memory stops before a stage rather than in the middle of it. Deliberately simple
// (bytes per point, per edge, per sample, per reached edge); the watchdog in app/memory_limit.h
// catches what an estimate misses. The service-area constants are measured on data/osm-porto
// (docs/interrupts-and-limits.md).
#pragma once

#include <cstdint>
#include <vector>

#include "planner/areas/service_areas.h"
#include "planner/coverage/evaluation.h"
#include "planner/inputs.h"
#include "planner/network/network.h"

namespace planner {

/// Edges, vertices, geometry, CSR graph and snapping index for these road lines.
std::uint64_t network_bytes(const std::vector<RoadLine>& roads);

/// Block sites (sample grids from the blocks' bounding boxes), search arrays, coverage.
std::uint64_t evaluation_bytes(const Network& network, const Inputs& inputs,
                               const EvaluationParams& params);

/// Reach pieces and polygons of every snapped center and band (none without polygons).
std::uint64_t service_area_bytes(const Network& network, std::size_t snapped_centers,
                                 const ServiceAreaParams& params);

}  // namespace planner
