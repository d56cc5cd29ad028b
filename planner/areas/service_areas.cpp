#include "planner/areas/service_areas.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "planner/areas/population_overlay.h"
#include "planner/areas/reach_polygon.h"
#include "planner/geos/geos_convert.h"
#include "planner/network/blocks_by_vertex.h"
#include "planner/parallel.h"

namespace planner {
namespace {

struct SearchWorker {
  SearchWorker(const Network& network, std::size_t block_count)
      : search(*network.graph), collector(network), blocks(block_count) {}
  BoundedSearch search;
  ReachCollector collector;
  ReachedBlocks blocks;
};

struct PolygonWorker {
  PolygonWorker(const Network& network, const std::vector<Block>& blocks, const NetworkFaces& faces)
      : overlay(blocks), polygons(faces, network.edges) {}
  PopulationOverlay overlay;  ///< also the GEOS context of this thread
  FacePolygonBuilder polygons;
};

/// Disks (band <= b) for every band, finished as the params say (hull, simplify), then turned
/// into rings when asked. Appends one polygon per band.
void polygons_for(const GeosContext& ctx, const PopulationOverlay& overlay,
                  FacePolygonBuilder& builder, std::span<const ReachPiece> pieces,
                  const ServiceAreaParams& params, std::uint32_t center, const std::string& tier,
                  std::vector<ServiceAreaPolygon>& out) {
  GeomPtr previous;
  for (std::uint32_t b = 0; b < params.minutes.size(); ++b) {
    params.cancel.check();  // a dissolved band over a whole city can take seconds
    GeomPtr disk = builder.build(ctx, pieces, b);
    if (params.hull == Hull::convex) disk = convex_hull(ctx, disk.get());
    if (params.simplify_m > 0.0) disk = simplify(ctx, disk.get(), params.simplify_m);
    GeomPtr shape = (params.bands == BandMode::rings && previous)
                        ? difference(ctx, disk.get(), previous.get(), ring_grid_m)
                        : clone(ctx, disk.get());
    ServiceAreaPolygon poly;
    poly.center = center;
    poly.tier = tier;
    poly.band = b;
    poly.from_min = (params.bands == BandMode::rings && b > 0) ? params.minutes[b - 1] : 0.0;
    poly.to_min = params.minutes[b];
    poly.area_m2 = area_m2(ctx, shape.get());
    poly.pop = overlay.population_in(shape.get());
    poly.shape = multipolygon_from_geos(ctx, shape.get());
    out.push_back(std::move(poly));
    previous = std::move(disk);
  }
}

std::vector<double> thresholds_s(const ServiceAreaParams& params) {
  std::vector<double> t;
  for (double m : params.minutes) t.push_back(m * 60.0);
  return t;
}

}  // namespace

void validate(const ServiceAreaParams& p) {
  if (p.minutes.empty()) throw InvalidValue("--minutes needs at least one threshold");
  if (!std::is_sorted(p.minutes.begin(), p.minutes.end()) ||
      std::adjacent_find(p.minutes.begin(), p.minutes.end()) != p.minutes.end()) {
    throw InvalidValue("--minutes must be strictly ascending, e.g. 5,10,15");
  }
  check_range(buffer_range, p.buffer_m);
  check_range(simplify_range, p.simplify_m);
  if (p.quadrant_segments < 1) throw InvalidValue("quadrant segments must be >= 1");
}

namespace {

/// What every phase of build_service_areas shares.
struct AreaRun {
  const Network& network;
  const Inputs& inputs;
  const ServiceAreaParams& params;
  const WalkTimes& walk;
  std::vector<double> bands_s;
  unsigned threads;
};

/// One search per center, in parallel: its reach within cover_s (blocks and population) and,
/// with polygons, its pieces per band.
void search_centers(const AreaRun& run, const std::vector<SnappedSource>& sources,
                    const std::vector<BlockSite>& sites, double cover_s,
                    std::vector<std::vector<ReachPiece>>& pieces, ServiceAreas& out) {
  const ServiceAreaParams& params = run.params;
  const EdgeSet& edges = run.network.edges;
  const double limit_s = std::max(run.bands_s.back(), cover_s);
  const SourcesByEdge same_edge(sources, edges.edge_count());
  const BlocksByVertex blocks_at(edges, sites);
  parallel_for(
      sources.size(), run.threads,
      [&] { return std::make_unique<SearchWorker>(run.network, sites.size()); },
      [&](std::unique_ptr<SearchWorker>& w, std::size_t i) {
        params.cancel.check();
        const SnappedSource& src = sources[i];
        add_sources(w->search.reset(), edges, std::span(&src, 1), run.walk);
        w->search.run(run.walk.arc_s(), limit_s);
        if (params.polygons) {
          pieces[i] =
              w->collector.collect(w->search, std::span(&src, 1), same_edge, run.bands_s, run.walk);
        }
        // Counted locally and stored once: centers next to each other in out.reach share a
        // cache line and are handed to different threads, so counting in place made the two
        // threads write the same line for every reached block (false sharing).
        CenterReach reach;
        // Only blocks beside a reached junction or on the center's own edge can be in reach.
        w->blocks.clear();
        w->blocks.add(blocks_at, edges.edge_tail[src.pos.edge]);
        w->blocks.add(blocks_at, edges.edge_head[src.pos.edge]);
        for (NodeId v : w->search.settled()) w->blocks.add(blocks_at, v);
        for (std::uint32_t b : w->blocks.sorted()) {
          for (const SnappedPoint& access : sites[b].access) {
            if (!access.snap) continue;
            const TimedLabel t =
                time_at(w->search, edges, same_edge, *access.snap, run.walk, src.label);
            if (t.time_s <= cover_s) {
              ++reach.blocks;
              reach.pop += run.inputs.blocks[b].pop.value_or(0.0);
              break;
            }
          }
        }
        out.reach[src.label] = reach;
      });
}

/// Faces of the part of the network some center reaches (group searches reach no more than
/// all centers together), shared by every polygon; see network_faces.h.
NetworkFaces reached_faces(const AreaRun& run, const std::vector<std::vector<ReachPiece>>& pieces) {
  const EdgeSet& edges = run.network.edges;
  std::vector<std::uint8_t> reached(edges.edge_count(), 0);
  for (const auto& center_pieces : pieces) {
    for (const ReachPiece& p : center_pieces) reached[p.edge] = 1;
  }
  return build_network_faces(edges, run.params.buffer_m, run.params.quadrant_segments, run.threads,
                             reached);
}

/// Per-center polygons, in parallel, appended in center order with the pieces.
void per_center_polygons(const AreaRun& run, const std::vector<SnappedSource>& sources,
                         const NetworkFaces& faces, std::vector<std::vector<ReachPiece>>& pieces,
                         ServiceAreas& out) {
  std::vector<std::vector<ServiceAreaPolygon>> polygons(sources.size());
  parallel_for(
      sources.size(), run.threads,
      [&] { return std::make_unique<PolygonWorker>(run.network, run.inputs.blocks, faces); },
      [&](std::unique_ptr<PolygonWorker>& w, std::size_t i) {
        run.params.cancel.check();
        const SnappedSource& src = sources[i];
        polygons_for(w->overlay.context(), w->overlay, w->polygons, pieces[i], run.params,
                     src.label, run.inputs.centers[src.label].tier, polygons[i]);
      });
  for (std::size_t i = 0; i < sources.size(); ++i) {
    out.reach_edges.insert(out.reach_edges.end(), pieces[i].begin(), pieces[i].end());
    for (auto& p : polygons[i]) out.polygons.push_back(std::move(p));
  }
}

/// A group's band area split among its centers by the Voronoi cells of their pieces. Rings are
/// split by the pieces of their own band, disks by everything up to it.
void split_band(const AreaRun& run, PolygonWorker& pw, const ServiceAreaPolygon& band_area,
                const std::vector<ReachPiece>& group_pieces, ServiceAreas& out) {
  const GeosContext& ctx = pw.overlay.context();
  GeomPtr area = to_geos(ctx, band_area.shape);
  std::vector<ReachPiece> band_pieces;
  for (const ReachPiece& p : group_pieces) {
    if (p.band == band_area.band ||
        (run.params.bands == BandMode::disks && p.band <= band_area.band)) {
      band_pieces.push_back(p);
    }
  }
  for (auto& [label, part] : voronoi_split(ctx, run.network.edges, band_pieces, band_area.band,
                                           area.get(), std::max(5.0, run.params.buffer_m / 2.0))) {
    ServiceAreaPolygon poly = band_area;
    poly.center = label;
    poly.tier = run.inputs.centers[label].tier;
    poly.area_m2 = area_m2(ctx, part.get());
    poly.pop = pw.overlay.population_in(part.get());
    poly.shape = multipolygon_from_geos(ctx, part.get());
    out.polygons.push_back(std::move(poly));
  }
}

/// dissolve / split: one multi-source search per group (all centers, or each tier).
void group_polygons(const AreaRun& run, const std::vector<SnappedSource>& sources,
                    const NetworkFaces& faces, ServiceAreas& out) {
  const ServiceAreaParams& params = run.params;
  const EdgeSet& edges = run.network.edges;
  std::map<std::string, std::vector<SnappedSource>> groups;
  for (const SnappedSource& s : sources) groups[run.inputs.centers[s.label].tier].push_back(s);
  SearchWorker w(run.network, 0);
  PolygonWorker pw(run.network, run.inputs.blocks, faces);
  for (const auto& [tier, group] : groups) {
    params.cancel.check();
    add_sources(w.search.reset(), edges, group, run.walk);
    w.search.run(run.walk.arc_s(), run.bands_s.back());
    const SourcesByEdge group_edges(group, edges.edge_count());
    const std::vector<ReachPiece> group_pieces =
        w.collector.collect(w.search, group, group_edges, run.bands_s, run.walk);
    out.group_reach.push_back({tier, group_pieces});
    std::vector<ServiceAreaPolygon> dissolved;
    polygons_for(pw.overlay.context(), pw.overlay, pw.polygons, group_pieces, params, invalid_id,
                 tier, dissolved);
    if (params.overlap == Overlap::dissolve) {
      for (auto& p : dissolved) out.polygons.push_back(std::move(p));
      continue;
    }
    for (const ServiceAreaPolygon& band_area : dissolved) {
      params.cancel.check();
      split_band(run, pw, band_area, group_pieces, out);
    }
  }
}

}  // namespace

ServiceAreas build_service_areas(const Network& network, const Inputs& inputs,
                                 const std::vector<SnappedSource>& sources,
                                 const std::vector<BlockSite>& sites, double cover_s,
                                 const ServiceAreaParams& params) {
  validate(params);
  return build_service_areas(network, WalkTimes(network, params.speed_mps), inputs, sources, sites,
                             cover_s, params);
}

ServiceAreas build_service_areas(const Network& network, const WalkTimes& walk,
                                 const Inputs& inputs, const std::vector<SnappedSource>& sources,
                                 const std::vector<BlockSite>& sites, double cover_s,
                                 const ServiceAreaParams& params) {
  const AreaRun run{
      network, inputs, params, walk, thresholds_s(params), resolve_threads(params.threads)};
  ServiceAreas out;
  out.reach.assign(inputs.centers.size(), CenterReach{});
  std::vector<std::vector<ReachPiece>> pieces(sources.size());
  search_centers(run, sources, sites, cover_s, pieces, out);
  if (!params.polygons) return out;

  const NetworkFaces faces = reached_faces(run, pieces);
  if (params.overlap == Overlap::per_center) {
    per_center_polygons(run, sources, faces, pieces, out);
    return out;
  }
  for (std::size_t i = 0; i < sources.size(); ++i)
    out.reach_edges.insert(out.reach_edges.end(), pieces[i].begin(), pieces[i].end());
  group_polygons(run, sources, faces, out);
  return out;
}

}  // namespace planner
