// A real OSM extract loaded as the command line loads it (ellipsoid lengths, the UTM zone of its
// centre, the network built), for tests that check the engine on real data.
#pragma once

#include <string>
#include <utility>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/inputs.h"
#include "planner/network/network.h"

namespace testing_support {

struct OsmCity {
  planner::Inputs inputs;
  planner::Network network;
};

inline OsmCity load_osm_city(const std::string& path) {
  OsmCity city;
  io::OsmExtract extract = io::read_osm(path);
  city.inputs.roads = std::move(extract.roads);
  city.inputs.blocks = std::move(extract.blocks);
  city.inputs.centers = std::move(extract.centers);
  io::measure_lonlat(city.inputs.roads, io::LengthModel::ellipsoid);
  io::project_inputs(city.inputs, io::choose_run_crs("", city.inputs));
  city.network = planner::build_network(city.inputs.roads);
  return city;
}

}  // namespace testing_support
