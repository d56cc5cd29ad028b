// `circleplan osm`: reads an OSM extract by docs/walkable.md, cuts the walkable ways into edges
// and writes roads (with source/target OSM node ids), blocks (landuse=residential) and centers
// (civic stand-ins, docs/osm.md) in WGS84 lon/lat, with the network's health report
// (diagnostics layer: components, long, zero-length and duplicate edges; docs/diagnostics.md).
#include "app/osm_command.h"

#include <cstdio>
#include <memory>

#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "app/output_options.h"
#include "io/crs/crs.h"
#include "io/crs/length_model.h"
#include "io/osm/osm_layers.h"
#include "io/osm/osm_reader.h"
#include "io/run/output_over_input.h"
#include "io/run/stage_timer.h"
#include "io/styles/default_styles.h"
#include "io/tables/diagnostics_layer.h"
#include "io/tables/json_writer.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/network/edge_set.h"
#include "planner/network/network.h"
#include "planner/scenario/memory_estimate.h"

namespace app {
namespace {

struct OsmConfig {
  std::string extract;
  std::string length_model = "ellipsoid";
  OutputOptions output;
  std::string max_memory;
};

std::string osm_summary(const OsmConfig& cfg, const io::OsmExtract& extract,
                        const planner::EdgeSet& edges,
                        const planner::NetworkDiagnostics& diagnostics) {
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
  json.key("diagnostics");
  io::diagnostics_json(json, diagnostics);
  json.key("attribution").value("© OpenStreetMap contributors, ODbL");
  json.end_object();
  return json.str();
}

void run_osm(const OsmConfig& cfg) {
  io::StageTimer timer;
  io::refuse_output_over_input({{"EXTRACT", cfg.extract}}, io::output_paths(cfg.output));
  io::check_output(cfg.output);  // refuse now, not after reading the extract
  const MemoryGuard memory(cfg.max_memory);
  timer.start("read");
  io::OsmExtract extract = io::read_osm(cfg.extract);
  memory.before_stage("network", planner::network_bytes(extract.roads));
  timer.start("network");
  auto model = io::parse_length_model(cfg.length_model);
  if (!model || *model == io::LengthModel::planar) {
    throw std::invalid_argument("--length-model for osm must be ellipsoid or haversine");
  }
  io::measure_lonlat(extract.roads, *model);
  planner::Network network;
  network.edges = planner::split_into_edges(extract.roads);
  const planner::EdgeSet& edges = network.edges;
  memory.before_stage("diagnostics");
  timer.start("diagnostics");
  network.graph = std::make_unique<planner::StreetGraph>(edges);
  const planner::NetworkDiagnostics diagnostics = planner::diagnose_network(network);
  memory.before_stage("write");
  timer.start("write");
  std::vector<io::OutputLayer> layers{io::osm_roads_layer(extract, edges),
                                      io::osm_blocks_layer(extract), io::osm_centers_layer(extract),
                                      io::diagnostics_layer(network, nullptr, diagnostics)};
  io::attach_default_styles(layers, {});
  const std::string summary = io::write_results(cfg.output, layers, io::crs_to_wkt("EPSG:4326"),
                                                osm_summary(cfg, extract, edges, diagnostics));
  timer.stop();
  io::write_timings(cfg.output, timer.json());
  std::fprintf(stderr, "timings:\n%s", timer.report().c_str());
  std::printf("walking network: %zu vertices, %zu edges (%zu missing node references skipped)\n",
              edges.vertex_count(), edges.edge_count(), extract.missing_node_refs);
  std::printf("residential blocks: %zu, center stand-ins: %zu\n", extract.blocks.size(),
              extract.centers.size());
  const std::string health = io::diagnostics_text(diagnostics);
  std::printf("network health: %s", health.empty() ? "no findings\n" : "\n");
  std::printf("%s", health.c_str());
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
  add_memory_option(*cmd, cfg->max_memory);
  return {cmd, [cfg] {
            settle_output(cfg->output);
            run_osm(*cfg);
          }};
}

}  // namespace app
