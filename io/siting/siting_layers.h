// Siting in and out of files: reading candidate sites (points with an optional cost field), and
// turning a siting run into the layers of DESIGN.md's schema (sites, site_blocks), the coverage
// curve table (site_curve), the one-row summary and summary.json; and the JSON object of the
// matrix mode. Field names fit in 10 characters so GeoPackage and Shapefile read the same.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/gdal/layer_reader.h"
#include "io/gdal/output_layer.h"
#include "io/siting/matrix_reader.h"
#include "io/tables/result_layers.h"
#include "planner/siting/network.h"

namespace io {

/// Candidate sites: points (polygons by their point on surface), ids as for centers. With a
/// cost field, each candidate's opening cost (a number >= 0; anything else is an InputError
/// naming the layer and field); without, cost 1. With fields.capacity (--site-capacity-field),
/// each candidate's capacity when it has a value (checked like a center's); without, none.
std::vector<planner::SiteCandidate> read_candidates(const LayerRef& ref, const FieldMap& fields,
                                                    const std::string& cost_field,
                                                    const ReadSettings& settings);
/// The same, also reporting what was left out (as read_centers does).
std::vector<planner::SiteCandidate> read_candidates(const LayerRef& ref, const FieldMap& fields,
                                                    const std::string& cost_field,
                                                    const ReadSettings& settings,
                                                    ReadReport& report);

/// rank, site_id, model, gain, cum_gain, cum_share, cost, new_blk, snap_m, existing (+ point
/// geometry); cmclp and cpmedian add capacity and assigned (the weight the site serves).
/// gain and cum_gain are in the model's unit: covered weight (lscp, mclp), weighted minutes
/// saved (pmedian), minutes off the worst walk (pcenter); cum_share is the share of all weight
/// within the threshold once the sites up to this rank are open (the existing ones included).
OutputLayer sites_layer(const planner::NetworkSiting& run);

/// site_id, block_id, rank, minutes: each newly covered block with the new site serving it;
/// cmclp and cpmedian: each block a new site serves, with `assigned` (the weight it serves).
OutputLayer site_blocks_layer(const planner::NetworkSiting& run, const planner::Inputs& inputs);

/// k, greedy_w, greedy_sh, best_w, best_sh, bound_w, bound_sh: the coverage curve.
OutputLayer site_curve_layer(const planner::NetworkSiting& run);

/// One row: the run's model, objective, bound, gap and covered figures (cmclp and cpmedian add
/// served_w, unasgn_w and open_cap).
OutputLayer site_summary_layer(const planner::NetworkSiting& run);

/// summary.json of a network run: inputs, parameters, candidates, solution, curve. No timings.
/// With demand (--demand-points): parameters.demand_weight and request_weight, and a
/// demand_points object last (io/tables/demand_layers.h).
std::string site_summary_json(const RunInfo& info, const planner::NetworkSitingParams& params,
                              const planner::NetworkSiting& run,
                              const DemandPointsReport* demand = nullptr);

/// The matrix mode's answer: model, objective, bound, gap, optimal, selected (ids in rank
/// order), covered_weight/covered_count (null without a threshold), and more; cmclp and
/// cpmedian add the served and unassigned weight and each site's assigned weight.
std::string matrix_result_json(const MatrixInput& input, const planner::SitingOptions& options,
                               const planner::SitingSolution& solution,
                               const planner::SitingProblem& problem);

}  // namespace io
