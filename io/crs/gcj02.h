// GCJ-02 ("Mars coordinates", used by Chinese web maps) to WGS84. PROJ does not know GCJ-02; the
// offset is a published obfuscation polynomial of several hundred metres, which matters for a
// 1,125 m walk. See docs/coordinates.md.
#pragma once

#include "planner/geometry.h"

namespace io {

/// True for lon/lat inside mainland China's rough bounding box, where GCJ-02 applies.
bool in_gcj02_area(planner::XY lonlat);

/// WGS84 -> GCJ-02 (the forward obfuscation). Outside China the point is returned unchanged.
planner::XY wgs84_to_gcj02(planner::XY lonlat);

/// GCJ-02 -> WGS84 by iterating the forward formula to below 1e-9 degrees (about 0.1 mm).
planner::XY gcj02_to_wgs84(planner::XY lonlat);

}  // namespace io
