// Population inside a polygon from the blocks it overlaps, area-weighted: a block contributes
// pop x (area of block inside the polygon / block area), assuming residents spread evenly over
// their block. One per thread (own GEOS context and prepared block geometries).
#pragma once

#include <vector>

#include "planner/geos/geos_handle.h"
#include "planner/inputs.h"

namespace planner {

class PopulationOverlay {
 public:
  explicit PopulationOverlay(const std::vector<Block>& blocks);
  /// Area-weighted population of the blocks inside `area` (built in this overlay's context()).
  double population_in(const GEOSGeometry* area) const;
  const GeosContext& context() const { return m_ctx; }

 private:
  GeosContext m_ctx;
  std::vector<GeomPtr> m_shapes;
  std::vector<double> m_area;
  std::vector<double> m_pop;
  std::vector<Box> m_box;
};

}  // namespace planner
