#include "planner/coverage/demand_points.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "planner/coverage/valid_shape.h"
#include "planner/errors.h"
#include "planner/geos/geos_convert.h"
#include "planner/ids.h"

namespace planner {
namespace {

/// Every block's valid shape, prepared, and one STRtree over their envelopes: built once, then
/// asked once per point. Tree items are block indices + 1 stored in the pointer (none is null).
class BlockLookup {
 public:
  BlockLookup(const GeosContext& ctx, const std::vector<Block>& blocks)
      : m_ctx(ctx), m_tree(make_tree(ctx)) {
    m_shapes.reserve(blocks.size());
    m_prepared.reserve(blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      m_shapes.push_back(valid_shape(ctx, blocks[b].shape));
      m_prepared.push_back(prepare(ctx, m_shapes.back().get()));
      // A shape MakeValid left empty has no envelope: no point can be in or near it.
      if (GEOSisEmpty_r(ctx.get(), m_shapes.back().get()) == 1) continue;
      GEOSSTRtree_insert_r(ctx.get(), m_tree.get(), m_shapes.back().get(),
                           reinterpret_cast<void*>(static_cast<std::uintptr_t>(b) + 1));
    }
  }

  /// The first listed block whose shape holds `point` (interior or boundary), or invalid_id.
  std::uint32_t containing(const GEOSGeometry* point) {
    query(point);
    std::uint32_t best = invalid_id;
    for (const std::uint32_t b : m_found) {
      if (b < best && GEOSPreparedIntersects_r(m_ctx.get(), m_prepared[b].get(), point) == 1) {
        best = b;
      }
    }
    return best;
  }

  /// The block at the least distance from `xy`, if at most snap_m (ties: the first listed),
  /// with that distance; invalid_id when none is that close.
  std::pair<std::uint32_t, double> nearest(XY xy, double snap_m) {
    GeomPtr box = own(m_ctx,
                      GEOSGeom_createRectangle_r(m_ctx.get(), xy.x - snap_m, xy.y - snap_m,
                                                 xy.x + snap_m, xy.y + snap_m),
                      "demand point search box");
    query(box.get());
    const GeomPtr point = to_geos(m_ctx, xy);
    std::pair<std::uint32_t, double> best{invalid_id, snap_m};
    for (const std::uint32_t b : m_found) {
      double d = 0.0;
      if (GEOSPreparedDistance_r(m_ctx.get(), m_prepared[b].get(), point.get(), &d) != 1) {
        throw std::runtime_error(std::string("GEOS distance failed: ") + m_ctx.last_error());
      }
      if (d < best.second || (d == best.second && b < best.first)) best = {b, d};
    }
    return best;
  }

 private:
  static void collect(void* item, void* userdata) {
    static_cast<std::vector<std::uint32_t>*>(userdata)->push_back(
        static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item) - 1));
  }

  void query(const GEOSGeometry* g) {
    m_found.clear();
    GEOSSTRtree_query_r(m_ctx.get(), m_tree.get(), g, &BlockLookup::collect, &m_found);
  }

  const GeosContext& m_ctx;
  std::vector<GeomPtr> m_shapes;
  std::vector<PreparedPtr> m_prepared;  // declared after m_shapes: destroyed before them
  TreePtr m_tree;
  std::vector<std::uint32_t> m_found;  // reused by every query
};

void check_demand_points(const DemandPoints& demand, double snap_m) {
  check_range(demand_snap_range, snap_m);
  if (demand.weights.size() != demand.points.size()) {
    throw InvalidValue("demand points: " + std::to_string(demand.weights.size()) + " weights for " +
                       std::to_string(demand.points.size()) + " points; give one weight per point");
  }
  for (std::size_t p = 0; p < demand.weights.size(); ++p) {
    const double w = demand.weights[p];
    if (!std::isfinite(w) || w < 0.0) {
      throw InvalidValue("demand point " + std::to_string(p) +
                         ": a weight must be a finite number >= 0");
    }
  }
}

}  // namespace

DemandAggregation aggregate_demand_points(const std::vector<Block>& blocks,
                                          const DemandPoints& demand, double snap_m) {
  check_demand_points(demand, snap_m);
  DemandAggregation out;
  out.block_weight.assign(blocks.size(), 0.0);
  out.block_points.assign(blocks.size(), 0);
  out.point_block.assign(demand.points.size(), invalid_id);
  out.point_assignment.assign(demand.points.size(), DemandAssignment::unassigned);

  GeosContext ctx;
  BlockLookup lookup(ctx, blocks);
  for (std::size_t p = 0; p < demand.points.size(); ++p) {
    const XY xy = demand.points[p];
    const GeomPtr point = to_geos(ctx, xy);
    std::uint32_t block = lookup.containing(point.get());
    DemandAssignment how = DemandAssignment::inside;
    if (block == invalid_id) {
      block = lookup.nearest(xy, snap_m).first;
      how = block == invalid_id ? DemandAssignment::unassigned : DemandAssignment::nearest;
    }
    const double w = demand.weights[p];
    DemandTally& tally = how == DemandAssignment::inside    ? out.inside
                         : how == DemandAssignment::nearest ? out.nearest
                                                            : out.unassigned;
    ++tally.points;
    tally.weight += w;
    out.point_block[p] = block;
    out.point_assignment[p] = how;
    if (block != invalid_id) {
      out.block_weight[block] += w;
      ++out.block_points[block];
    }
  }
  return out;
}

}  // namespace planner
