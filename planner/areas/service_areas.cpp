#include "planner/areas/service_areas.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "planner/areas/population_overlay.h"
#include "planner/areas/reach_polygon.h"
#include "planner/geos/geos_convert.h"
#include "planner/parallel.h"

namespace planner {
namespace {

struct SearchWorker {
  explicit SearchWorker(const Network& network) : search(*network.graph), collector(network) {}
  BoundedSearch search;
  ReachCollector collector;
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
                        ? difference(ctx, disk.get(), previous.get())
                        : GeomPtr(GEOSGeom_clone_r(ctx.get(), disk.get()), GeomDeleter{ctx.get()});
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
  if (p.minutes.empty()) throw std::invalid_argument("--minutes needs at least one threshold");
  if (!std::is_sorted(p.minutes.begin(), p.minutes.end()) ||
      std::adjacent_find(p.minutes.begin(), p.minutes.end()) != p.minutes.end()) {
    throw std::invalid_argument("--minutes must be strictly ascending, e.g. 5,10,15");
  }
  if (!(p.buffer_m > 0.0 && p.buffer_m <= 500.0))
    throw std::invalid_argument("--buffer-m must be in (0, 500]");
  if (!(p.simplify_m >= 0.0)) throw std::invalid_argument("--simplify-m must be >= 0");
  if (p.quadrant_segments < 1) throw std::invalid_argument("quadrant segments must be >= 1");
}

ServiceAreas build_service_areas(const Network& network, const Inputs& inputs,
                                 const std::vector<SnappedSource>& sources,
                                 const std::vector<BlockSite>& sites, double cover_s,
                                 const ServiceAreaParams& params) {
  validate(params);
  const EdgeSet& edges = network.edges;
  const std::vector<double> bands_s = thresholds_s(params);
  const double limit_s = std::max(bands_s.back(), cover_s);
  const std::vector<double> arc_time = arc_times_s(*network.graph, edges, params.speed_mps);
  const SourcesByEdge same_edge(sources, edges.edge_count());

  ServiceAreas out;
  out.reach.assign(inputs.centers.size(), CenterReach{});
  std::vector<std::vector<ReachPiece>> pieces(sources.size());
  std::vector<std::vector<ServiceAreaPolygon>> polygons(sources.size());
  const bool per_center = params.polygons && params.overlap == Overlap::per_center;
  const unsigned threads = resolve_threads(params.threads);

  parallel_for(
      sources.size(), threads, [&] { return std::make_unique<SearchWorker>(network); },
      [&](std::unique_ptr<SearchWorker>& w, std::size_t i) {
        params.cancel.check();
        const SnappedSource& src = sources[i];
        add_sources(w->search.reset(), edges, std::span(&src, 1), params.speed_mps);
        w->search.run(arc_time, limit_s);
        if (params.polygons) {
          pieces[i] = w->collector.collect(w->search, std::span(&src, 1), same_edge, bands_s,
                                           params.speed_mps);
        }
        CenterReach& reach = out.reach[src.label];
        for (std::size_t b = 0; b < sites.size(); ++b) {
          for (const SnappedPoint& access : sites[b].access) {
            if (!access.snap) continue;
            const TimedLabel t =
                time_at(w->search, edges, same_edge, *access.snap, params.speed_mps, src.label);
            if (t.time_s <= cover_s) {
              ++reach.blocks;
              reach.pop += inputs.blocks[b].pop.value_or(0.0);
              break;
            }
          }
        }
      });
  if (!params.polygons) return out;

  // Faces of the part of the network some center reaches (group searches reach no more than
  // all centers together), shared by every polygon; see network_faces.h.
  std::vector<std::uint8_t> reached(edges.edge_count(), 0);
  for (const auto& center_pieces : pieces) {
    for (const ReachPiece& p : center_pieces) reached[p.edge] = 1;
  }
  const NetworkFaces faces =
      build_network_faces(edges, params.buffer_m, params.quadrant_segments, threads, reached);

  if (per_center) {
    parallel_for(
        sources.size(), threads,
        [&] { return std::make_unique<PolygonWorker>(network, inputs.blocks, faces); },
        [&](std::unique_ptr<PolygonWorker>& w, std::size_t i) {
          params.cancel.check();
          const SnappedSource& src = sources[i];
          polygons_for(w->overlay.context(), w->overlay, w->polygons, pieces[i], params, src.label,
                       inputs.centers[src.label].tier, polygons[i]);
        });
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    out.reach_edges.insert(out.reach_edges.end(), pieces[i].begin(), pieces[i].end());
    for (auto& p : polygons[i]) out.polygons.push_back(std::move(p));
  }
  if (per_center) return out;

  // dissolve / split: one multi-source search per group (all centers, or each tier).
  std::map<std::string, std::vector<SnappedSource>> groups;
  for (const SnappedSource& s : sources) groups[inputs.centers[s.label].tier].push_back(s);
  SearchWorker w(network);
  PolygonWorker pw(network, inputs.blocks, faces);
  const GeosContext& ctx = pw.overlay.context();
  for (const auto& [tier, group] : groups) {
    params.cancel.check();
    add_sources(w.search.reset(), edges, group, params.speed_mps);
    w.search.run(arc_time, bands_s.back());
    const SourcesByEdge group_edges(group, edges.edge_count());
    const std::vector<ReachPiece> group_pieces =
        w.collector.collect(w.search, group, group_edges, bands_s, params.speed_mps);
    std::vector<ServiceAreaPolygon> dissolved;
    polygons_for(ctx, pw.overlay, pw.polygons, group_pieces, params, invalid_id, tier, dissolved);
    if (params.overlap == Overlap::dissolve) {
      for (auto& p : dissolved) out.polygons.push_back(std::move(p));
      continue;
    }
    for (const ServiceAreaPolygon& band_area : dissolved) {
      params.cancel.check();
      GeomPtr area = to_geos(ctx, band_area.shape);
      // Rings are split by the pieces of their own band, disks by everything up to it.
      std::vector<ReachPiece> band_pieces;
      for (const ReachPiece& p : group_pieces) {
        if (p.band == band_area.band ||
            (params.bands == BandMode::disks && p.band <= band_area.band)) {
          band_pieces.push_back(p);
        }
      }
      for (auto& [label, part] : voronoi_split(ctx, edges, band_pieces, band_area.band, area.get(),
                                               std::max(5.0, params.buffer_m / 2.0))) {
        ServiceAreaPolygon poly = band_area;
        poly.center = label;
        poly.tier = inputs.centers[label].tier;
        poly.area_m2 = area_m2(ctx, part.get());
        poly.pop = pw.overlay.population_in(part.get());
        poly.shape = multipolygon_from_geos(ctx, part.get());
        out.polygons.push_back(std::move(poly));
      }
    }
  }
  return out;
}

}  // namespace planner
