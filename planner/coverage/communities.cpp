#include "planner/coverage/communities.h"

#include <unordered_map>

#include "planner/geos/geos_convert.h"

namespace planner {
namespace {

GeomPtr valid(const GeosContext& ctx, const MultiPolygon& shape) {
  GeomPtr g = to_geos(ctx, shape);
  if (GEOSisValid_r(ctx.get(), g.get()) != 1) {
    g = own(ctx, GEOSMakeValid_r(ctx.get(), g.get()), "make valid");
  }
  return g;
}

}  // namespace

CommunityAssignment assign_communities(const std::vector<Block>& blocks,
                                       const std::vector<Community>& communities) {
  CommunityAssignment out;
  std::unordered_map<std::string, std::uint32_t> index;
  for (const Community& c : communities) {
    index.emplace(c.id, static_cast<std::uint32_t>(out.ids.size()));
    out.ids.push_back(c.id);
    out.names.push_back(c.name);
    out.has_shape.push_back(true);
  }
  out.block_community.assign(blocks.size(), invalid_id);

  GeosContext ctx;
  std::vector<GeomPtr> shapes;
  std::vector<PreparedPtr> prepared;
  for (const Community& c : communities) {
    shapes.push_back(valid(ctx, c.shape));
    prepared.push_back(prepare(ctx, shapes.back().get()));
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (!block.community.empty()) {
      auto [it, added] = index.emplace(block.community, static_cast<std::uint32_t>(out.ids.size()));
      if (added) {
        out.ids.push_back(block.community);
        out.names.push_back("");
        out.has_shape.push_back(false);
      }
      out.block_community[b] = it->second;
      continue;
    }
    if (communities.empty()) continue;
    GeomPtr g = valid(ctx, block.shape);
    double best = 0.0;
    for (std::uint32_t c = 0; c < communities.size(); ++c) {
      if (GEOSPreparedIntersects_r(ctx.get(), prepared[c].get(), g.get()) != 1) continue;
      GeomPtr overlap =
          own(ctx, GEOSIntersection_r(ctx.get(), shapes[c].get(), g.get()), "intersection");
      const double a = area_m2(ctx, overlap.get());
      if (a > best) {
        best = a;
        out.block_community[b] = c;
      }
    }
  }
  return out;
}

}  // namespace planner
