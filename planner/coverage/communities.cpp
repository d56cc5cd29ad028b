#include "planner/coverage/communities.h"

#include <unordered_map>

#include "planner/coverage/valid_shape.h"
#include "planner/geos/geos_convert.h"

namespace planner {
namespace {

/// The boundaries as valid GEOS shapes, prepared for the overlap test.
class BoundaryShapes {
 public:
  BoundaryShapes(const GeosContext& ctx, const std::vector<Boundary>& boundaries) {
    for (const Boundary& u : boundaries) {
      m_shapes.push_back(valid_shape(ctx, u.shape));
      m_prepared.push_back(prepare(ctx, m_shapes.back().get()));
    }
  }

  /// The boundary the block overlaps most by area (ties: the earlier), or invalid_id.
  std::uint32_t most_overlapped(const GeosContext& ctx, const MultiPolygon& block) const {
    if (m_shapes.empty()) return invalid_id;
    GeomPtr g = valid_shape(ctx, block);
    double best = 0.0;
    std::uint32_t best_unit = invalid_id;
    for (std::uint32_t u = 0; u < m_shapes.size(); ++u) {
      if (GEOSPreparedIntersects_r(ctx.get(), m_prepared[u].get(), g.get()) != 1) continue;
      GeomPtr overlap =
          own(ctx, GEOSIntersection_r(ctx.get(), m_shapes[u].get(), g.get()), "intersection");
      const double a = area_m2(ctx, overlap.get());
      if (a > best) {
        best = a;
        best_unit = u;
      }
    }
    return best_unit;
  }

 private:
  std::vector<GeomPtr> m_shapes;
  std::vector<PreparedPtr> m_prepared;
};

}  // namespace

UnitAssignment assign_units(const std::vector<Block>& blocks, std::string Block::*unit_field,
                            const std::vector<Boundary>& boundaries) {
  UnitAssignment out;
  std::unordered_map<std::string, std::uint32_t> index;
  for (const Boundary& u : boundaries) {
    index.emplace(u.id, static_cast<std::uint32_t>(out.ids.size()));
    out.ids.push_back(u.id);
    out.names.push_back(u.name);
    out.has_shape.push_back(true);
  }
  out.block_community.assign(blocks.size(), invalid_id);

  GeosContext ctx;
  const BoundaryShapes shapes(ctx, boundaries);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const std::string& named = blocks[b].*unit_field;
    if (named.empty()) {
      out.block_community[b] = shapes.most_overlapped(ctx, blocks[b].shape);
      continue;
    }
    auto [it, added] = index.emplace(named, static_cast<std::uint32_t>(out.ids.size()));
    if (added) {
      out.ids.push_back(named);
      out.names.push_back("");
      out.has_shape.push_back(false);
    }
    out.block_community[b] = it->second;
  }
  return out;
}

CommunityAssignment assign_communities(const std::vector<Block>& blocks,
                                       const std::vector<Community>& communities) {
  return assign_units(blocks, &Block::community, communities);
}

UnmatchedUnits unmatched_units(const UnitAssignment& a) {
  UnmatchedUnits out;
  for (const bool shape : a.has_shape) out.boundaries += shape ? 1 : 0;
  if (out.boundaries == 0) return out;
  std::vector<bool> used(a.ids.size(), false);
  for (const std::uint32_t unit : a.block_community) {
    if (unit == invalid_id) continue;
    used[unit] = true;
    if (!a.has_shape[unit]) ++out.blocks;
  }
  // Units are numbered boundaries first, then field names in order of first mention.
  for (std::size_t u = 0; u < a.ids.size(); ++u) {
    if (!a.has_shape[u]) {
      out.ids.push_back(a.ids[u]);
    } else if (!used[u]) {
      ++out.empty_boundaries;
    }
  }
  return out;
}
}  // namespace planner
