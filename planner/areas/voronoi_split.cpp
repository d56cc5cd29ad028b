#include "planner/areas/voronoi_split.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "planner/geos/geos_convert.h"

namespace planner {
namespace {

struct Site {
  XY xy;
  std::uint32_t label;
};

std::vector<Site> sites_along(const EdgeSet& edges, std::span<const ReachPiece> pieces,
                              std::uint32_t max_band, double spacing_m) {
  std::vector<Site> sites;
  for (const ReachPiece& p : pieces) {
    if (p.band > max_band) continue;
    const double a = std::min(p.from_m, p.to_m), b = std::max(p.from_m, p.to_m);
    const int steps = std::max(1, static_cast<int>(std::ceil((b - a) / spacing_m)));
    for (int i = 0; i <= steps; ++i) {
      sites.push_back({edge_point_at(edges, p.edge, a + (b - a) * i / steps), p.label});
    }
  }
  // One site per location; where two labels meet at one point the smaller label keeps it.
  std::sort(sites.begin(), sites.end(), [](const Site& l, const Site& r) {
    if (l.xy.x != r.xy.x) return l.xy.x < r.xy.x;
    if (l.xy.y != r.xy.y) return l.xy.y < r.xy.y;
    return l.label < r.label;
  });
  sites.erase(std::unique(sites.begin(), sites.end(),
                          [](const Site& l, const Site& r) { return l.xy == r.xy; }),
              sites.end());
  return sites;
}

// STRtree callbacks: items are site indices + 1 stored in the pointer.
struct NearestQuery {
  const std::vector<Site>* sites;
  XY point;
};
const char voronoi_query_tag = 0;

int site_distance(const void* a, const void* b, double* d, void* userdata) {
  const auto* q = static_cast<const NearestQuery*>(userdata);
  const void* item = (a == &voronoi_query_tag) ? b : a;
  const Site& s = (*q->sites)[reinterpret_cast<std::uintptr_t>(item) - 1];
  *d = std::hypot(s.xy.x - q->point.x, s.xy.y - q->point.y);
  return 1;
}

}  // namespace

std::vector<std::pair<std::uint32_t, GeomPtr>> voronoi_split(
    const GeosContext& ctx, const EdgeSet& edges, std::span<const ReachPiece> pieces,
    std::uint32_t max_band, const GEOSGeometry* dissolved, double spacing_m) {
  std::vector<std::pair<std::uint32_t, GeomPtr>> out;
  const std::vector<Site> sites = sites_along(edges, pieces, max_band, spacing_m);
  if (sites.empty()) return out;

  std::vector<GeomPtr> points;
  points.reserve(sites.size());
  TreePtr tree = make_tree(ctx);
  for (std::size_t i = 0; i < sites.size(); ++i) {
    points.push_back(to_geos(ctx, sites[i].xy));
    GEOSSTRtree_insert_r(ctx.get(), tree.get(), points.back().get(),
                         reinterpret_cast<void*>(i + 1));
  }
  // The tree keeps the points' envelopes: the multipoint holds the same points, so it must
  // outlive the tree's queries below, as it does.
  GeomPtr multipoint = make_collection(ctx, GEOS_MULTIPOINT, std::move(points), "multipoint");
  GeomPtr cells =
      own(ctx, GEOSVoronoiDiagram_r(ctx.get(), multipoint.get(), dissolved, 0.0, 0), "voronoi");

  // Each cell belongs to the site nearest any of its interior points.
  std::map<std::uint32_t, std::vector<const GEOSGeometry*>> by_label;
  const int n = GEOSGetNumGeometries_r(ctx.get(), cells.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(ctx.get(), cells.get(), i);
    NearestQuery q{&sites, point_on_surface(ctx, cell)};
    GeomPtr probe = to_geos(ctx, q.point);
    const void* found = GEOSSTRtree_nearest_generic_r(ctx.get(), tree.get(), &voronoi_query_tag,
                                                      probe.get(), &site_distance, &q);
    if (!found) throw std::runtime_error("GEOS: no Voronoi site for a cell");
    by_label[sites[reinterpret_cast<std::uintptr_t>(found) - 1].label].push_back(cell);
  }
  for (auto& [label, group] : by_label) {
    std::vector<GeomPtr> copies;
    for (const GEOSGeometry* c : group) copies.push_back(clone(ctx, c));
    GeomPtr collection = make_collection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(copies));
    // Voronoi cells share edges exactly, which is what coverage union is for.
    GeomPtr region(GEOSCoverageUnion_r(ctx.get(), collection.get()), GeomDeleter{ctx.get()});
    if (!region) region = own(ctx, GEOSUnaryUnion_r(ctx.get(), collection.get()), "union");
    out.emplace_back(
        label, own(ctx, GEOSIntersection_r(ctx.get(), region.get(), dissolved), "intersection"));
  }
  return out;
}

}  // namespace planner
