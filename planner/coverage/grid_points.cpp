// The grids' (网格) outcomes of compliance.h: blocks and population by the grid assignment,
// the service points inside each grid ("一网格一站点": does every grid hold one?) and the
// complying share of its blocks.
#include <cstdint>
#include <optional>
#include <vector>

#include "planner/coverage/compliance.h"
#include "planner/coverage/valid_shape.h"
#include "planner/geos/geos_convert.h"

namespace planner {
namespace {

/// Per center: the first input grid (in input order) whose polygon covers its position,
/// boundary included, or invalid_id. So a point on a boundary two grids share counts once.
std::vector<std::uint32_t> grid_of_centers(const std::vector<Boundary>& grids,
                                           const std::vector<Center>& centers) {
  std::vector<std::uint32_t> out(centers.size(), invalid_id);
  if (grids.empty()) return out;
  GeosContext ctx;
  std::vector<GeomPtr> shapes;
  std::vector<PreparedPtr> prepared;
  std::vector<std::optional<Box>> boxes;
  for (const Boundary& g : grids) {
    shapes.push_back(valid_shape(ctx, g.shape));
    prepared.push_back(prepare(ctx, shapes.back().get()));
    boxes.push_back(bounding_box(ctx, shapes.back().get()));
  }
  for (std::size_t c = 0; c < centers.size(); ++c) {
    const GeomPtr point = to_geos(ctx, centers[c].pos);
    for (std::uint32_t g = 0; g < grids.size(); ++g) {
      if (!boxes[g] || !boxes[g]->contains(centers[c].pos)) continue;
      if (GEOSPreparedCovers_r(ctx.get(), prepared[g].get(), point.get()) == 1) {
        out[c] = g;
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<GridOutcome> grid_outcomes(const Inputs& inputs, const CommunityAssignment& grids,
                                       const StandardOutcome* standard, bool has_population) {
  std::vector<GridOutcome> out(grids.ids.size());
  std::vector<double> comply_pop(out.size(), 0.0);
  std::vector<std::uint32_t> comply_blocks(out.size(), 0);
  for (std::size_t b = 0; b < grids.block_community.size(); ++b) {
    const std::uint32_t g = grids.block_community[b];
    if (g == invalid_id) continue;
    const double pop = inputs.blocks[b].pop.value_or(0.0);
    ++out[g].blocks;
    out[g].pop += pop;
    if (standard && standard->comply[b]) {
      ++comply_blocks[g];
      comply_pop[g] += pop;
    }
  }
  // The input grids are the assignment's first units, in input order (assign_units).
  for (std::uint32_t g : grid_of_centers(inputs.grids, inputs.centers)) {
    if (g != invalid_id && g < out.size()) ++out[g].points;
  }
  for (std::size_t g = 0; g < out.size(); ++g) {
    out[g].has_point = out[g].points > 0;
    if (!standard) continue;
    if (has_population) {
      out[g].comply_share = out[g].pop > 0.0 ? comply_pop[g] / out[g].pop : 0.0;
    } else {
      out[g].comply_share =
          out[g].blocks > 0 ? static_cast<double>(comply_blocks[g]) / out[g].blocks : 0.0;
    }
  }
  return out;
}

std::vector<std::string> grids_without_point(const CommunityAssignment& grids,
                                             const std::vector<GridOutcome>& outcomes) {
  std::vector<std::string> ids;
  for (std::size_t g = 0; g < outcomes.size(); ++g) {
    if (!outcomes[g].has_point) ids.push_back(grids.ids[g]);
  }
  return ids;
}

}  // namespace planner
