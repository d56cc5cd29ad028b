// `circleplan osm`: reads an OSM extract by docs/walkable.md, cuts the walkable ways into edges
// and writes roads (with source/target OSM node ids), blocks (landuse=residential) and centers
// (civic stand-ins, docs/osm.md) in WGS84 lon/lat.
#include "app/osm_command.h"

#include <cstdio>
#include <memory>

#include "app/output_options.h"
#include "app/stage_timer.h"
#include "io/crs.h"
#include "io/json_writer.h"
#include "io/length_model.h"
#include "io/osm_layers.h"
#include "io/osm_reader.h"
#include "planner/edge_set.h"

namespace app {
namespace {

struct OsmConfig {
  std::string extract;
  std::string length_model = "ellipsoid";
  OutputOptions output;
};

std::string osm_summary(const OsmConfig& cfg, const io::OsmExtract& extract,
                        const planner::EdgeSet& edges) {
  io::JsonWriter json;
  json.begin_object();
  json.key("extract").value(cfg.extract);
  json.key("length_model").value(cfg.length_model);
  json.key("vertices").value(static_cast<std::int64_t>(edges.vertex_count()));
  json.key("edges").value(static_cast<std::int64_t>(edges.edge_count()));
  json.key("walkable_lines").value(static_cast<std::int64_t>(extract.roads.size()));
  json.key("missing_node_refs").value(static_cast<std::int64_t>(extract.missing_node_refs));
  json.key("blocks").value(static_cast<std::int64_t>(extract.blocks.size()));
  json.key("centers").value(static_cast<std::int64_t>(extract.centers.size()));
  json.key("attribution").value("© OpenStreetMap contributors, ODbL");
  json.end_object();
  return json.str();
}

void run_osm(const OsmConfig& cfg) {
  StageTimer timer;
  timer.start("read");
  io::OsmExtract extract = io::read_osm(cfg.extract);
  timer.start("network");
  auto model = io::parse_length_model(cfg.length_model);
  if (!model || *model == io::LengthModel::planar) {
    throw std::invalid_argument("--length-model for osm must be ellipsoid or haversine");
  }
  io::measure_lonlat(extract.roads, *model);
  const planner::EdgeSet edges = planner::split_into_edges(extract.roads);
  timer.start("write");
  std::vector<io::OutputLayer> layers{io::osm_roads_layer(extract, edges),
                                      io::osm_blocks_layer(extract),
                                      io::osm_centers_layer(extract)};
  const std::string summary = write_results(cfg.output, layers, io::crs_to_wkt("EPSG:4326"),
                                            osm_summary(cfg, extract, edges));
  timer.stop();
  io::write_text_file(timings_path(cfg.output), timer.json());
  std::fprintf(stderr, "timings:\n%s", timer.report().c_str());
  std::printf("walking network: %zu vertices, %zu edges (%zu missing node references skipped)\n",
              edges.vertex_count(), edges.edge_count(), extract.missing_node_refs);
  std::printf("residential blocks: %zu, center stand-ins: %zu\n", extract.blocks.size(),
              extract.centers.size());
  std::printf("written: %s (summary %s)\n", cfg.output.out.c_str(), summary.c_str());
  std::printf("data: © OpenStreetMap contributors, ODbL\n");
}

}  // namespace

Command register_osm(CLI::App& root) {
  auto cfg = std::make_shared<OsmConfig>();
  CLI::App* cmd = root.add_subcommand(
      "osm", "Turn an OpenStreetMap extract into roads, blocks and centers layers.");
  cmd->footer(
      "Example:\n  circleplan osm data/osm-porto/porto-2020-07.osm.pbf --out out/porto.gpkg "
      "--overwrite\nSee docs/osm.md for what is extracted and docs/walkable.md for the rule.");
  cmd->add_option("extract", cfg->extract, "OSM file: .osm.pbf, .osm, .osm.bz2")->required();
  cmd->add_option("--length-model", cfg->length_model, "edge lengths: ellipsoid | haversine")
      ->check(CLI::IsMember({"ellipsoid", "haversine"}))
      ->capture_default_str();
  add_output_options(*cmd, cfg->output, "city.gpkg");
  return {cmd, [cfg] { run_osm(*cfg); }};
}

}  // namespace app
