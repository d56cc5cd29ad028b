#include "io/run/scenario_driver.h"

#include <cstdio>
#include <utility>

#include "io/crs/crs.h"
#include "io/errors.h"
#include "io/gdal/layer_writer.h"
#include "io/osm/osm_reader.h"
#include "io/report/html_report.h"
#include "io/run/match_warnings.h"
#include "io/run/output_files.h"
#include "io/run/output_over_input.h"
#include "io/run/variant_resolver.h"
#include "io/tables/comparison_outputs.h"
#include "io/tables/result_layers.h"
#include "io/tables/scenario_summary.h"
#include "io/tables/standard_layers.h"
#include "planner/scenario/memory_estimate.h"

namespace io {
namespace {

namespace fs = std::filesystem;

InputOptions input_options(const ScenarioInputs& s) {
  InputOptions o;
  o.roads = s.roads;
  o.centers = s.centers;
  o.blocks = s.blocks;
  o.entrances = s.entrances;
  o.communities = s.communities;
  o.grids = s.grids;
  o.subdistricts = s.subdistricts;
  o.road_fields = s.road_fields;
  o.center_fields = s.center_fields;
  o.block_fields = s.block_fields;
  o.entrance_fields = s.entrance_fields;
  o.community_fields = s.community_fields;
  o.grid_fields = s.grid_fields;
  o.subdistrict_fields = s.subdistrict_fields;
  o.settings = s.settings;
  o.crs = s.crs;
  o.gcj02 = s.gcj02;
  o.length_model = s.length_model;
  o.node_tolerance_m = s.node_tolerance_m;
  return o;
}

/// Drops what only the maps and the tables of changed blocks read, and the figures per
/// community, grid and subdistrict (the report lists those for the base only): what is left does
/// not grow with the city.
void keep_figures_only(KeptVariant& kept) {
  std::vector<planner::BlockResult>().swap(kept.snapshot.blocks);
  std::vector<planner::CenterResult>().swap(kept.snapshot.centers);
  std::vector<std::string>().swap(kept.snapshot.grids_without_point);
  std::erase_if(kept.snapshot.scopes, [](const planner::ScopeFigures& f) {
    return f.scope != "all" && f.scope.rfind("tier:", 0) != 0;
  });
  kept.snapshot.scopes.shrink_to_fit();
  std::erase_if(kept.snapshot.compliance,
                [](const planner::ComplianceRow& r) { return r.scope != "all"; });
  kept.snapshot.compliance.shrink_to_fit();
  std::vector<planner::BlockChange>().swap(kept.comparison.blocks);
  std::vector<planner::CenterChange>().swap(kept.comparison.centers);
  std::vector<planner::ScopeChange>().swap(kept.comparison.scopes);
}

}  // namespace

ScenarioDriver::ScenarioDriver(std::string path, ScenarioRunOptions options)
    : m_path(std::move(path)), m_o(std::move(options)) {}

std::vector<planner::VariantRow> ScenarioDriver::run() {
  read_file();
  refuse_and_open_folder();
  load_city();
  resolve_variants();
  prepare_core();
  evaluate_base();
  for (std::size_t i = 0; i < m_variants.size(); ++i) evaluate_variant(i);
  write_summaries();
  m_o.cancel.check();  // a stop asked while writing the last files: the previous output stays
  if (m_staged) m_staged->commit();
  return std::move(m_state.rows);
}

void ScenarioDriver::prepare() {
  read_file();
  load_city();
  resolve_variants();
  prepare_core();
}

void ScenarioDriver::prepare_core() {
  // Blocks snapped and the network diagnosed once, for the base and every variant that keeps
  // its roads (docs/scenarios.md, "Work done once").
  m_core.emplace(*m_network, m_loaded.inputs.roads, m_loaded.inputs);
  stage("snap blocks", 0);
  m_core->prepare(m_base_params);
}

template <class Fn>
auto ScenarioDriver::with_io(Fn&& fn) {
  if (!m_o.io_lock) return fn();
  std::lock_guard<std::mutex> lock(*m_o.io_lock);
  return fn();
}

void ScenarioDriver::stage(const std::string& name, std::uint64_t estimate_bytes) {
  if (m_o.before_stage) m_o.before_stage(name, estimate_bytes);
  m_o.cancel.check();
  m_timer.start(name);
}

void ScenarioDriver::variant_error(std::size_t i, const std::string& what) const {
  throw_scenario_error(m_path, m_file.variants[i].pos,
                       "variant '" + m_file.variants[i].name + "': " + what);
}

void ScenarioDriver::read_file() {
  m_timer.start("read scenario");
  m_file = read_scenario(m_path);
  apply_params(m_file.params, m_base_params, m_path, SourcePos{1, 1}, "the scenario");
  m_base_params.threads = m_o.threads;
  m_base_params.cancel = m_o.cancel;
}

void ScenarioDriver::refuse_and_open_folder() {
  if (m_o.out.empty()) throw UsageError("--out is required");
  std::vector<NamedPath> outputs{{"--out", m_o.out, true}};
  if (!m_o.batch_out.empty()) outputs.push_back({"--out", m_o.batch_out, true});
  refuse_output_over_input(scenario_inputs_of(m_path, m_file), outputs);
  if (m_o.staged) {
    m_staged.emplace(m_o.out, detail::StagedOutput::Kind::run_folder, m_o.overwrite);
    m_folder = m_staged->temp_path();
    return;
  }
  set_folder(m_o.out);
}

void ScenarioDriver::set_folder(const fs::path& folder) {
  std::error_code ec;
  m_folder = folder;
  fs::create_directories(m_folder, ec);
  if (ec) {
    throw OutputError("cannot create output folder '" + folder.string() + "': " + ec.message() +
                      "; check the path and that you may write there");
  }
}

void ScenarioDriver::load_city() {
  m_inputs = input_options(m_file.inputs);
  stage("read", 0);
  m_loaded = with_io([&] { return load_inputs(m_inputs, m_timer, m_o.warn); });
  stage("network", planner::network_bytes(m_loaded.inputs.roads));
  planner::SplitOptions split;
  split.node_tolerance_m = m_file.inputs.node_tolerance_m;
  m_network = planner::build_network(m_loaded.inputs.roads, split);
  m_crs_wkt = with_io([&] { return crs_to_wkt(m_loaded.run_crs); });
  m_info.inputs = {{"scenario", m_path}, {"roads", layer_label(m_inputs.roads)}};
  if (!m_inputs.centers.path.empty()) {
    m_info.inputs.emplace_back("centers", layer_label(m_inputs.centers));
  }
  for (const auto& [role, ref] :
       {std::pair<const char*, const LayerRef*>{"blocks", &m_inputs.blocks},
        {"entrances", &m_inputs.entrances},
        {"communities", &m_inputs.communities},
        {"grids", &m_inputs.grids},
        {"subdistricts", &m_inputs.subdistricts}}) {
    if (!ref->path.empty()) m_info.inputs.emplace_back(role, layer_label(*ref));
  }
  m_info.layers = m_loaded.layers;
  if (m_o.on_layers_read) m_o.on_layers_read(m_loaded.layers);
  m_info.run_crs = m_loaded.run_crs;
  m_info.length_model = to_string(m_loaded.length_model);
  m_info.missing_osm_node_refs = m_loaded.missing_osm_node_refs;
}

void ScenarioDriver::resolve_variants() {
  m_timer.start("resolve edits");
  VariantResolver resolver(m_file, m_loaded);
  m_descriptions.emplace_back();
  for (const ScenarioVariant& v : m_file.variants) {
    m_variants.push_back(with_io([&] { return resolver.resolve(v, m_base_params); }));
    m_descriptions.push_back(describe_edits(v));
    std::vector<std::string> classes;
    for (const auto& [cls, factor] : v.speed_factor) classes.push_back(cls);
    const std::string unused = unknown_speed_classes_text(m_loaded.inputs.roads, classes);
    if (!unused.empty()) warn(m_o.warn, m_file.name + ": " + v.name + ": " + unused);
  }
  // Footpaths that cannot be joined are errors in the file: found before anything is written.
  for (std::size_t i = 0; i < m_variants.size(); ++i) {
    if (m_variants[i].network.footpaths.empty()) continue;
    try {
      planner::edit_edges(m_network->edges, m_loaded.inputs.roads, m_variants[i].network);
    } catch (const std::invalid_argument& e) {
      variant_error(i, e.what());
    }
  }
}

planner::StageHook ScenarioDriver::hook() {
  return [this](const std::string& name, std::uint64_t bytes) { stage(name, bytes); };
}

void ScenarioDriver::evaluate_base() {
  planner::VariantSpec base_spec;
  base_spec.name = "base";
  base_spec.params = m_base_params;
  base_spec.areas = scenario_areas(m_file.areas);
  planner::VariantRun base = m_core->evaluate(base_spec, hook());
  // Blocks and boundaries are the same in every variant: said once, for the base.
  warn_unmatched_units(m_loaded, base.run.ev, m_o.warn, m_file.name + ": base: ");
  write_variant(base, *m_network);
  m_state.rows.push_back(planner::variant_row(m_file.name, base, m_descriptions[0],
                                              static_cast<std::uint32_t>(base.network_edges),
                                              nullptr));
  m_state.base = std::move(base.snapshot);
  m_state.base_areas = std::move(base.run.areas.polygons);  // the report's base map draws them
}

void ScenarioDriver::evaluate_variant(std::size_t i) {
  std::optional<planner::VariantRun> r;
  try {
    r = m_core->evaluate(m_variants[i], hook());
  } catch (const std::invalid_argument& e) {
    variant_error(i, e.what());
  }
  write_variant(*r, r->network(*m_network));
  r->drop_written_parts();
  compare_and_keep(*r, i + 1);
}  // the variant's result is freed here, before the next one is evaluated

void ScenarioDriver::write_variant(const planner::VariantRun& r, const planner::Network& network) {
  if (r.run.ev.unsnapped_centers > 0) {
    warn(m_o.warn, m_file.name + ": " + r.name + ": " + std::to_string(r.run.ev.unsnapped_centers) +
                       " centers are farther than max-snap from every road; they serve nobody");
  }
  stage("write", 0);
  RunInfo info = m_info;
  add_network_info(info, network);
  const EvaluationLayerChoice choice{r.areas.polygons, r.areas.overlap, m_file.areas.reach_edges,
                                     false};
  const std::vector<OutputLayer> layers =
      evaluation_layers(network, r.inputs, r.params, r.run, choice);
  OutputOptions out;
  out.out = in_out(r.name + ".gpkg");
  out.cancel = m_o.cancel;
  with_io([&] {
    write_results(out, layers, m_crs_wkt,
                  summary_json(info, r.params, r.inputs, r.run.ev, &r.run.diagnostics));
    write_compliance_csv(out, r.run.ev.standard ? compliance_csv(r.run.ev) : "");
    return 0;
  });
  if (r.run.ev.standard) {  // each mismatch once, not once per variant sharing the standard
    for (const std::string& w : r.run.ev.standard->warnings) {
      if (m_warned.insert(w).second) warn(m_o.warn, m_file.name + ": " + r.name + ": " + w);
    }
  }
  if (r.sited) {  // a `site` edit that chose fewer than its k says why
    FewerSitesFacts f;
    f.reason = r.sited->fewer;
    f.k_option = "site k =";
    f.k = r.sited->k;
    f.sites = r.sited->sites;
    f.candidates = r.sited->candidates;
    f.threshold = minutes_text(r.sited->cover_s);
    const std::string text = fewer_sites_text(f);
    if (!text.empty()) warn(m_o.warn, m_file.name + ": " + r.name + ": " + text);
  }
  if (m_o.on_variant) m_o.on_variant(r);
}

void ScenarioDriver::compare_and_keep(planner::VariantRun& r, std::size_t index) {
  stage("compare", 0);
  KeptVariant kept{r.name, std::move(r.snapshot), {}};
  kept.comparison = planner::compare(m_state.base, kept.snapshot);
  m_state.rows.push_back(planner::variant_row(m_file.name, r, m_descriptions[index],
                                              static_cast<std::uint32_t>(r.network_edges),
                                              &kept.comparison));
  stage("write comparison", 0);
  ComparisonFiles files;
  files.folder = in_out("changes-" + r.name);
  files.before_label = "base";
  files.after_label = r.name;
  files.crs_wkt = m_crs_wkt;
  with_io([&] {
    write_comparison(files, kept.comparison, m_state.base, kept.snapshot);
    return 0;
  });
  // By index, not by how many were kept before: a distributed task keeps the same figures.
  if (index > ReportInput{}.max_mapped_variants) keep_figures_only(kept);
  m_state.kept.push_back(std::move(kept));
}

void ScenarioDriver::write_summaries() {
  stage("write report", 0);
  ReportInput report;
  report.title = m_file.name;
  report.base = &m_state.base;
  report.cover_minutes = m_base_params.cover_threshold_minutes();
  report.crs = m_loaded.run_crs;
  report.osm_data = is_osm_path(m_inputs.roads.path);
  report.minutes = m_base_params.minutes;
  report.streets = &m_network->edges;
  if (!m_state.base_areas.empty()) report.base_areas = &m_state.base_areas;
  std::string no_leaflet;
  report.leaflet = load_leaflet_assets(no_leaflet);
  if (!report.leaflet) {
    warn(m_o.warn, m_file.name + ": report.html has static SVG maps: " + no_leaflet +
                       "; install libjs-leaflet for interactive maps");
  }
  for (const KeptVariant& v : m_state.kept) {
    report.variants.push_back({v.name, &v.snapshot, &v.comparison});
  }
  const std::string html = html_report(report);
  with_io([&] {
    write_text_file(in_out("report.html"), html);
    write_csv_text_file(in_out("summary.csv"), summary_csv(m_state.rows));
    write_text_file(in_out("summary.json"), summary_json(m_state.rows));
    return 0;
  });
  m_timer.stop();
  write_text_file(in_out("timings.json"), m_timer.json());
}

}  // namespace io
