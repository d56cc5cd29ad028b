// The words of --bands, --overlap and --hull (and the same scenario-file keys) as planner modes.
#pragma once

#include <string>

#include "planner/areas/service_areas.h"

namespace app {

/// The words are checked by the command line or scenario parser before this is called; an
/// unknown word falls back to the default mode.
inline void set_area_modes(planner::ServiceAreaParams& a, const std::string& bands,
                           const std::string& overlap, const std::string& hull) {
  a.bands = bands == "disks" ? planner::BandMode::disks : planner::BandMode::rings;
  a.overlap = overlap == "dissolve" ? planner::Overlap::dissolve
              : overlap == "split"  ? planner::Overlap::split
                                    : planner::Overlap::per_center;
  a.hull = hull == "convex" ? planner::Hull::convex : planner::Hull::none;
}

}  // namespace app
