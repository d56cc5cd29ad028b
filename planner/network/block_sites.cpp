#include "planner/network/block_sites.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "planner/errors.h"
#include "planner/geos/geos_convert.h"
#include "planner/parallel.h"

namespace planner {
namespace {

constexpr double entrance_tolerance_m = 1.0;

/// The shape as a valid GEOS geometry; invalid input is repaired (MakeValid) and flagged.
GeomPtr valid_geometry(const GeosContext& ctx, const MultiPolygon& shape, bool& repaired) {
  GeomPtr g = to_geos(ctx, shape);
  repaired = false;
  if (GEOSisValid_r(ctx.get(), g.get()) != 1) {
    g = own(ctx, GEOSMakeValid_r(ctx.get(), g.get()), "make valid");
    repaired = true;
  }
  return g;
}

/// Grid points at ((i + 0.5) * spacing, (j + 0.5) * spacing) inside the shape: anchored to the
/// CRS origin so the same block gives the same samples in every run and scenario.
std::vector<XY> grid_inside(const GeosContext& ctx, const GEOSGeometry* g, double spacing) {
  std::vector<XY> out;
  const std::optional<Box> box = bounding_box(ctx, g);
  if (!box) return out;
  PreparedPtr prepared = prepare(ctx, g);
  const long i0 = static_cast<long>(std::floor(box->min_x / spacing - 0.5));
  const long i1 = static_cast<long>(std::ceil(box->max_x / spacing - 0.5));
  const long j0 = static_cast<long>(std::floor(box->min_y / spacing - 0.5));
  const long j1 = static_cast<long>(std::ceil(box->max_y / spacing - 0.5));
  for (long j = j0; j <= j1; ++j) {
    for (long i = i0; i <= i1; ++i) {
      const XY p{(i + 0.5) * spacing, (j + 0.5) * spacing};
      if (!box->contains(p)) continue;
      GeomPtr point = to_geos(ctx, p);
      if (GEOSPreparedContains_r(ctx.get(), prepared.get(), point.get()) == 1) out.push_back(p);
    }
  }
  return out;
}

}  // namespace

std::vector<std::uint32_t> link_entrances(const std::vector<Block>& blocks,
                                          const std::vector<Entrance>& entrances) {
  std::vector<std::uint32_t> owner(entrances.size(), invalid_id);
  std::unordered_map<std::string, std::uint32_t> by_id;
  for (std::uint32_t b = 0; b < blocks.size(); ++b) by_id.emplace(blocks[b].id, b);

  GeosContext ctx;
  std::vector<GeomPtr> shapes;
  std::vector<PreparedPtr> prepared;
  bool needs_geometry = false;
  for (const Entrance& e : entrances) needs_geometry |= e.block_id.empty();
  if (needs_geometry) {
    for (const Block& b : blocks) {
      bool repaired = false;
      shapes.push_back(valid_geometry(ctx, b.shape, repaired));
      prepared.push_back(prepare(ctx, shapes.back().get()));
    }
  }
  for (std::size_t i = 0; i < entrances.size(); ++i) {
    const Entrance& e = entrances[i];
    if (!e.block_id.empty()) {
      auto it = by_id.find(e.block_id);
      if (it != by_id.end()) owner[i] = it->second;
      continue;
    }
    // Nearest block within the tolerance; a gate drawn on the wall belongs to its compound.
    GeomPtr point = to_geos(ctx, e.pos);
    double best = entrance_tolerance_m;
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
      if (GEOSPreparedDistanceWithin_r(ctx.get(), prepared[b].get(), point.get(), best) != 1) {
        continue;
      }
      double d = 0.0;
      GEOSDistance_r(ctx.get(), shapes[b].get(), point.get(), &d);
      if (owner[i] == invalid_id || d < best) {
        best = d;
        owner[i] = b;
      }
    }
  }
  return owner;
}

std::vector<BlockSite> build_block_sites(const Network& network, const std::vector<Block>& blocks,
                                         const std::vector<Entrance>& entrances,
                                         std::span<const std::uint32_t> entrance_block,
                                         const BlockSiteOptions& options) {
  // One index shared by every thread (built before they start): a copy per thread would hold
  // every segment once per core.
  const SnapIndex snapper(network.edges, small_island_edges(network, options.islands));
  return build_block_sites(snapper, blocks, entrances, entrance_block, options);
}

std::vector<BlockSite> build_block_sites(const SnapIndex& snapper, const std::vector<Block>& blocks,
                                         const std::vector<Entrance>& entrances,
                                         std::span<const std::uint32_t> entrance_block,
                                         const BlockSiteOptions& options) {
  if (!(options.sample_spacing_m > 0.0)) {
    throw InternalError("the sample spacing must be positive");
  }
  std::vector<std::vector<XY>> gates(blocks.size());
  for (std::size_t i = 0; i < entrances.size(); ++i) {
    if (entrance_block[i] != invalid_id) gates[entrance_block[i]].push_back(entrances[i].pos);
  }
  std::vector<BlockSite> sites(blocks.size());
  parallel_for(
      blocks.size(), resolve_threads(options.threads),
      [] { return std::make_unique<GeosContext>(); },
      [&](std::unique_ptr<GeosContext>& thread_ctx, std::size_t b) {
        options.cancel.check();
        const GeosContext& ctx = *thread_ctx;
        BlockSite& site = sites[b];
        GeomPtr g = valid_geometry(ctx, blocks[b].shape, site.repaired);
        site.area_m2 = area_m2(ctx, g.get());
        site.representative = point_on_surface(ctx, g.get());
        site.from_entrances = !gates[b].empty();
        const std::vector<XY> access =
            site.from_entrances ? gates[b] : std::vector<XY>{site.representative};
        for (const XY& p : access) site.access.push_back({p, snapper.snap(p, options.max_snap_m)});
        std::vector<XY> grid = grid_inside(ctx, g.get(), options.sample_spacing_m);
        if (grid.empty()) grid.push_back(site.representative);
        site.samples.reserve(grid.size());
        for (const XY& p : grid) {
          site.samples.push_back(
              {p, site.from_entrances ? std::nullopt : snapper.snap(p, options.max_snap_m)});
        }
      });
  return sites;
}

}  // namespace planner
