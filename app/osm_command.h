// `circleplan osm EXTRACT --out city.gpkg`: an OpenStreetMap extract as roads, blocks and
// centers layers for GIS and for `evaluate`.
#pragma once

#include "app/command.h"

namespace app {

Command register_osm(CLI::App& root);

}  // namespace app
