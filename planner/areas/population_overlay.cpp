#include "planner/areas/population_overlay.h"

#include "planner/geos/geos_convert.h"

namespace planner {
namespace {

bool bounds(const GeosContext& ctx, const GEOSGeometry* g, double& xmin, double& ymin, double& xmax,
            double& ymax) {
  return GEOSGeom_getXMin_r(ctx.get(), g, &xmin) && GEOSGeom_getYMin_r(ctx.get(), g, &ymin) &&
         GEOSGeom_getXMax_r(ctx.get(), g, &xmax) && GEOSGeom_getYMax_r(ctx.get(), g, &ymax);
}

}  // namespace

PopulationOverlay::PopulationOverlay(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    if (!b.pop || *b.pop <= 0.0 || b.shape.empty()) continue;
    GeomPtr g = to_geos(m_ctx, b.shape);
    if (GEOSisValid_r(m_ctx.get(), g.get()) != 1)
      g = own(m_ctx, GEOSMakeValid_r(m_ctx.get(), g.get()), "make valid");
    Box box{};
    if (!bounds(m_ctx, g.get(), box.xmin, box.ymin, box.xmax, box.ymax)) continue;
    const double a = area_m2(m_ctx, g.get());
    if (a <= 0.0) continue;
    m_area.push_back(a);
    m_pop.push_back(*b.pop);
    m_box.push_back(box);
    m_shapes.push_back(std::move(g));
  }
}

double PopulationOverlay::population_in(const GEOSGeometry* area) const {
  if (m_shapes.empty() || GEOSisEmpty_r(m_ctx.get(), area)) return 0.0;
  Box box{};
  if (!bounds(m_ctx, area, box.xmin, box.ymin, box.xmax, box.ymax)) return 0.0;
  PreparedPtr prepared = prepare(m_ctx, area);
  double total = 0.0;
  for (std::size_t i = 0; i < m_shapes.size(); ++i) {
    const Box& b = m_box[i];
    if (b.xmax < box.xmin || b.xmin > box.xmax || b.ymax < box.ymin || b.ymin > box.ymax) continue;
    if (GEOSPreparedContains_r(m_ctx.get(), prepared.get(), m_shapes[i].get()) == 1) {
      total += m_pop[i];
    } else if (GEOSPreparedIntersects_r(m_ctx.get(), prepared.get(), m_shapes[i].get()) == 1) {
      GeomPtr inside =
          own(m_ctx, GEOSIntersection_r(m_ctx.get(), area, m_shapes[i].get()), "intersection");
      total += m_pop[i] * area_m2(m_ctx, inside.get()) / m_area[i];
    }
  }
  return total;
}

}  // namespace planner
