#include "planner/areas/population_overlay.h"

#include "planner/geos/geos_convert.h"

namespace planner {

PopulationOverlay::PopulationOverlay(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    if (!b.pop || *b.pop <= 0.0 || b.shape.empty()) continue;
    GeomPtr g = to_geos(m_ctx, b.shape);
    if (GEOSisValid_r(m_ctx.get(), g.get()) != 1)
      g = own(m_ctx, GEOSMakeValid_r(m_ctx.get(), g.get()), "make valid");
    const std::optional<Box> box = bounding_box(m_ctx, g.get());
    if (!box) continue;
    const double a = area_m2(m_ctx, g.get());
    if (a <= 0.0) continue;
    m_area.push_back(a);
    m_pop.push_back(*b.pop);
    m_box.push_back(*box);
    m_shapes.push_back(std::move(g));
  }
}

double PopulationOverlay::population_in(const GEOSGeometry* area) const {
  if (m_shapes.empty() || GEOSisEmpty_r(m_ctx.get(), area)) return 0.0;
  const std::optional<Box> box = bounding_box(m_ctx, area);
  if (!box) return 0.0;
  PreparedPtr prepared = prepare(m_ctx, area);
  double total = 0.0;
  for (std::size_t i = 0; i < m_shapes.size(); ++i) {
    if (!box->intersects(m_box[i])) continue;
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
