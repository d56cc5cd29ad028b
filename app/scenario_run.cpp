#include "app/scenario_run.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "app/input_options.h"
#include "app/output_options.h"
#include "app/service_area_words.h"
#include "app/stage_timer.h"
#include "app/usage_error.h"
#include "io/crs/crs.h"
#include "io/crs/projection.h"
#include "io/errors.h"
#include "io/gdal/layer_writer.h"
#include "io/osm/osm_reader.h"
#include "io/report/html_report.h"
#include "io/scenario/scenario_file.h"
#include "io/tables/comparison_outputs.h"
#include "io/tables/diagnostics_layer.h"
#include "io/tables/json_writer.h"
#include "io/tables/result_layers.h"
#include "io/tables/service_area_layers.h"
#include "planner/areas/service_areas.h"
#include "planner/coverage/evaluation.h"
#include "planner/coverage/network_diagnostics.h"
#include "planner/network/network.h"
#include "planner/scenario/comparison.h"
#include "planner/scenario/edits.h"
#include "planner/siting/network.h"

namespace app {
namespace {

namespace fs = std::filesystem;

/// Runs fn under the io lock when there is one.
template <class Fn>
auto with_io(const ScenarioRunOptions& o, Fn&& fn) {
  if (!o.io_lock) return fn();
  std::lock_guard<std::mutex> lock(*o.io_lock);
  return fn();
}

InputOptions input_options(const io::ScenarioInputs& s) {
  InputOptions o;
  o.roads = s.roads;
  o.centers = s.centers;
  o.blocks = s.blocks;
  o.entrances = s.entrances;
  o.communities = s.communities;
  o.road_fields = s.road_fields;
  o.center_fields = s.center_fields;
  o.block_fields = s.block_fields;
  o.entrance_fields = s.entrance_fields;
  o.community_fields = s.community_fields;
  o.settings = s.settings;
  o.crs = s.crs;
  o.gcj02 = s.gcj02;
  o.length_model = s.length_model;
  o.node_tolerance_m = s.node_tolerance_m;
  return o;
}

void apply_params(const io::ScenarioParams& s, planner::EvaluationParams& p) {
  if (s.speed_kmh) p.speed_kmh = *s.speed_kmh;
  if (s.minutes) p.minutes = *s.minutes;
  if (s.cover_minutes) p.cover_minutes = *s.cover_minutes;
  if (s.max_snap_m) p.max_snap_m = *s.max_snap_m;
  if (s.sample_spacing_m) p.sample_spacing_m = *s.sample_spacing_m;
  if (s.search_limit_minutes) p.search_limit_minutes = *s.search_limit_minutes;
}

/// evaluate's service-area options from the file, with the run's speed, bands and threads.
planner::ServiceAreaParams area_params(const io::ScenarioAreas& a,
                                       const planner::EvaluationParams& p) {
  planner::ServiceAreaParams out;
  out.minutes = p.minutes;
  out.speed_mps = p.speed_mps();
  out.threads = p.threads;
  if (a.buffer_m) out.buffer_m = *a.buffer_m;
  if (a.simplify_m) out.simplify_m = *a.simplify_m;
  set_area_modes(out, a.bands, a.overlap, a.hull);
  out.polygons = a.service_areas;
  return out;
}

/// One variant's edits in the run CRS, checked against the loaded data.
struct ResolvedVariant {
  std::string name;
  planner::EvaluationParams params;
  planner::CenterEdits centers;
  planner::NetworkEdits network;
  std::optional<io::SiteSpec> site;
  std::string description;
};

std::string describe_edits(const io::ScenarioVariant& v) {
  std::vector<std::string> parts;
  auto count = [&](const char* what, std::size_t n) {
    if (n > 0) parts.push_back(std::string(what) + " " + std::to_string(n));
  };
  count("close-centers", v.close_centers.size());
  count("add-centers", v.add_centers.size() + v.add_center_layers.size());
  count("close-roads", v.close_roads.size());
  count("close-crossing", v.barriers.size() + v.barrier_layers.size());
  count("add-footpaths", v.footpaths.size() + v.footpath_layers.size());
  for (const auto& [cls, f] : v.speed_factor) {
    std::ostringstream s;
    s << "speed-factor " << cls << "=" << f;
    parts.push_back(s.str());
  }
  auto param = [&](const char* key, const std::optional<double>& value) {
    if (!value) return;
    std::ostringstream s;
    s << key << "=" << *value;
    parts.push_back(s.str());
  };
  param("speed-kmh", v.params.speed_kmh);
  if (v.params.minutes) {
    std::ostringstream s;
    s << "minutes=";
    for (std::size_t i = 0; i < v.params.minutes->size(); ++i) {
      s << (i ? " " : "") << (*v.params.minutes)[i];
    }
    parts.push_back(s.str());
  }
  param("cover-minutes", v.params.cover_minutes);
  param("max-snap", v.params.max_snap_m);
  param("sample-spacing", v.params.sample_spacing_m);
  param("search-limit", v.params.search_limit_minutes);
  if (v.site) parts.push_back("site " + v.site->model + " k=" + std::to_string(v.site->k));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

/// Lines or polygons from a layer: tried as lines first, then as polygons.
void read_barrier_layer(const io::LayerSpec& spec, const io::ReadSettings& settings,
                        planner::Inputs& lonlat) {
  try {
    for (planner::RoadLine& r : io::read_roads(spec.ref, {}, settings)) {
      lonlat.roads.push_back(std::move(r));
    }
  } catch (const io::InputError&) {
    for (planner::Community& c : io::read_communities(spec.ref, {}, settings)) {
      lonlat.communities.push_back(std::move(c));
    }
  }
}

class VariantResolver {
 public:
  VariantResolver(const io::ScenarioFile& file, const LoadedInputs& loaded)
      : m_file(file), m_loaded(loaded) {}

  ResolvedVariant resolve(const io::ScenarioVariant& v, const planner::EvaluationParams& base) {
    ResolvedVariant r;
    r.name = v.name;
    r.params = base;
    apply_params(v.params, r.params);
    try {
      planner::validate(r.params);
      planner::validate(area_params(m_file.areas, r.params));
    } catch (const std::invalid_argument& e) {
      io::throw_scenario_error(m_file.path, v.pos, "variant '" + v.name + "': " + e.what());
    }
    r.site = v.site;
    r.description = describe_edits(v);

    for (const auto& c : v.close_centers) {
      if (!planner::unknown_center_ids(m_loaded.inputs.centers, {c.value}).empty()) {
        io::throw_scenario_error(
            m_file.path, c.pos,
            "variant '" + v.name + "': close-centers: no center has id '" + c.value +
                "' (ids are the centers layer's id field; see the base result's centers layer)");
      }
      r.centers.close.push_back(c.value);
    }
    for (const auto& road : v.close_roads) {
      if (!planner::unknown_road_ids(m_loaded.inputs.roads, {road.value}).empty()) {
        io::throw_scenario_error(m_file.path, road.pos,
                                 "variant '" + v.name + "': close-roads: no road has id " +
                                     std::to_string(road.value) +
                                     " (the road id field, or the OSM way id)");
      }
      r.network.close_roads.push_back(road.value);
    }
    for (const io::CenterSpec& c : v.add_centers) {
      const planner::XY xy =
          to_run(c.lonlat ? std::string("EPSG:4326") : m_file.edit_crs, c.xy, c.pos, v.name);
      r.centers.add.push_back({c.id, c.name, c.tier, xy});
    }
    for (const io::ShapeSpec& s : v.barriers) {
      for (planner::LineString l : s.lines) {
        for (planner::XY& p : l) p = to_run(m_file.edit_crs, p, s.pos, v.name);
        r.network.barrier_lines.push_back(std::move(l));
      }
      for (planner::Polygon poly : s.polygons) {
        for (planner::XY& p : poly.outer) p = to_run(m_file.edit_crs, p, s.pos, v.name);
        for (auto& hole : poly.holes) {
          for (planner::XY& p : hole) p = to_run(m_file.edit_crs, p, s.pos, v.name);
        }
        r.network.barrier_polygons.push_back(std::move(poly));
      }
    }
    for (const io::ShapeSpec& s : v.footpaths) {
      for (planner::LineString l : s.lines) {
        for (planner::XY& p : l) p = to_run(m_file.edit_crs, p, s.pos, v.name);
        r.network.footpaths.push_back(std::move(l));
      }
    }
    if (v.footpath_snap_m) r.network.footpath_snap_m = *v.footpath_snap_m;
    r.network.speed_factor = v.speed_factor;

    // Layers: read in lon/lat like every input, then projected into the run CRS.
    if (!v.add_center_layers.empty() || !v.barrier_layers.empty() || !v.footpath_layers.empty()) {
      planner::Inputs barriers, footpaths;
      const io::ReadSettings& settings = m_file.inputs.settings;
      // Each layer projected on its own, so a point that cannot be names its file and layer.
      auto project_layer = [&](planner::Inputs& read, const io::LayerSpec& l,
                               planner::Inputs& into) {
        if (m_file.inputs.gcj02) io::convert_gcj02_to_wgs84(read);
        const io::InputSource source{
            "", io::DataLocation{l.ref.path, l.ref.layer, std::nullopt, ""}, ""};
        io::project_inputs(read, m_loaded.run_crs, io::InputSources::all(source));
        for (planner::Center& c : read.centers) into.centers.push_back(std::move(c));
        for (planner::RoadLine& r : read.roads) into.roads.push_back(std::move(r));
        for (planner::Community& c : read.communities) into.communities.push_back(std::move(c));
      };
      for (const io::LayerSpec& l : v.add_center_layers) {
        planner::Inputs read;
        read.centers = io::read_centers(l.ref, l.fields, settings);
        project_layer(read, l, barriers);
      }
      for (const io::LayerSpec& l : v.barrier_layers) {
        planner::Inputs read;
        read_barrier_layer(l, settings, read);
        project_layer(read, l, barriers);
      }
      for (const io::LayerSpec& l : v.footpath_layers) {
        planner::Inputs read;
        read.roads = io::read_roads(l.ref, {}, settings);
        project_layer(read, l, footpaths);
      }
      for (planner::Center& c : barriers.centers) r.centers.add.push_back(std::move(c));
      for (planner::RoadLine& l : barriers.roads) r.network.barrier_lines.push_back(l.points);
      for (planner::Community& c : barriers.communities) {
        for (planner::Polygon& p : c.shape) r.network.barrier_polygons.push_back(std::move(p));
      }
      for (planner::RoadLine& l : footpaths.roads) r.network.footpaths.push_back(l.points);
    }
    return r;
  }

 private:
  planner::XY to_run(const std::string& crs, planner::XY p, io::SourcePos pos,
                     const std::string& variant) {
    auto it = m_transforms.find(crs);
    try {
      if (it == m_transforms.end()) {
        it = m_transforms.emplace(crs, io::CrsTransform::create(crs, m_loaded.run_crs)).first;
      }
      return it->second.apply(p);
    } catch (const io::CrsError& e) {
      io::throw_scenario_error(m_file.path, pos,
                               "variant '" + variant +
                                   "': coordinates cannot be put in the run "
                                   "CRS (edit-crs is " +
                                   m_file.edit_crs + "): " + e.what());
    }
  }

  const io::ScenarioFile& m_file;
  const LoadedInputs& m_loaded;
  std::map<std::string, io::CrsTransform> m_transforms;
};

/// The chosen sites of a `site` edit become centers named site-1, site-2... (rank order).
std::vector<planner::Center> sited_centers(const planner::Network& network,
                                           const planner::Inputs& inputs,
                                           const planner::EvaluationParams& params,
                                           const io::SiteSpec& site) {
  planner::NetworkSitingParams np;
  np.evaluation = params;
  np.siting.model = *planner::parse_siting_model(site.model);
  np.siting.k = site.k;
  np.siting.cover_cost = params.cover_threshold_minutes() * 60.0;
  const planner::NetworkSiting run = planner::site_on_network(network, inputs, {}, {}, np);
  std::vector<planner::Center> out;
  for (std::size_t r = 0; r < run.solution.sites.size(); ++r) {
    const planner::SiteCandidate& c = run.candidates[run.solution.sites[r].candidate];
    out.push_back({"site-" + std::to_string(r + 1), "new site " + c.id, "", c.pos});
  }
  return out;
}

struct VariantResult {
  std::string name;
  planner::Inputs inputs;  ///< roads left empty: evaluation reads the network instead
  planner::Evaluation ev;
  planner::ResultSnapshot snapshot;
  planner::EvaluationParams params;
  std::size_t network_edges = 0;
};

double share(const planner::Totals& t, bool has_pop) {
  if (has_pop) return t.pop > 0 ? t.covered_pop / t.pop : 0.0;
  return t.blocks > 0 ? static_cast<double>(t.covered) / t.blocks : 0.0;
}

VariantRow row_of(const std::string& scenario, const VariantResult& r, const std::string& edits) {
  VariantRow row;
  row.scenario = scenario;
  row.variant = r.name;
  row.speed_kmh = r.params.speed_kmh;
  row.minutes = r.params.minutes;
  row.cover_minutes = r.params.cover_threshold_minutes();
  row.max_snap_m = r.params.max_snap_m;
  row.edits = edits;
  row.centers = static_cast<std::uint32_t>(r.inputs.centers.size());
  row.network_edges = static_cast<std::uint32_t>(r.network_edges);
  const planner::Totals& t = r.ev.totals;
  row.blocks = t.blocks;
  row.covered = t.covered;
  row.uncovered = t.uncovered;
  row.unreachable = t.unreachable;
  row.has_population = r.ev.has_population;
  row.pop = t.pop;
  row.covered_pop = t.covered_pop;
  row.covered_share = share(t, r.ev.has_population);
  for (const planner::TierTotals& tier : r.ev.tiers) {
    row.tiers.push_back({tier.tier, tier.centers, tier.totals.blocks, tier.totals.covered,
                         tier.totals.covered_pop, share(tier.totals, r.ev.has_population)});
  }
  return row;
}

void check_out_folder(const ScenarioRunOptions& o) {
  std::error_code ec;
  if (o.out.empty()) throw UsageError("--out is required");
  if (fs::exists(o.out, ec) && !fs::is_directory(o.out, ec)) {
    throw io::OutputError(
        "output '" + o.out +
        "' exists and is not a folder; give --out a folder path, or move the file "
        "away");
  }
  if (!o.overwrite && fs::exists(o.out, ec) && !fs::is_empty(o.out, ec)) {
    throw io::OutputError("output folder '" + o.out +
                          "' exists and is not empty; use --overwrite to replace its files");
  }
  fs::create_directories(o.out, ec);
  if (ec)
    throw io::OutputError("cannot create output folder '" + o.out + "': " + ec.message() +
                          "; check the path and that you may write there");
}

}  // namespace

std::vector<VariantRow> run_scenario(const std::string& path, const ScenarioRunOptions& o) {
  StageTimer timer;
  timer.start("read scenario");
  const io::ScenarioFile file = io::read_scenario(path);
  planner::EvaluationParams base_params;
  apply_params(file.params, base_params);
  base_params.threads = o.threads;
  try {
    planner::validate(base_params);
    planner::validate(area_params(file.areas, base_params));
  } catch (const std::invalid_argument& e) {
    io::throw_scenario_error(path, {}, e.what());
  }
  check_out_folder(o);

  const InputOptions inputs = input_options(file.inputs);
  LoadedInputs loaded = with_io(o, [&] { return load_inputs(inputs, timer); });
  timer.start("network");
  planner::SplitOptions split;
  split.node_tolerance_m = file.inputs.node_tolerance_m;
  const planner::Network base_network = planner::build_network(loaded.inputs.roads, split);

  timer.start("resolve edits");
  std::vector<ResolvedVariant> variants;
  {
    VariantResolver resolver(file, loaded);
    for (const io::ScenarioVariant& v : file.variants) {
      variants.push_back(with_io(o, [&] { return resolver.resolve(v, base_params); }));
    }
  }
  // Footpaths that cannot be joined are errors in the file: found before anything is written.
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (variants[i].network.footpaths.empty()) continue;
    try {
      planner::edit_edges(base_network.edges, loaded.inputs.roads, variants[i].network);
    } catch (const std::invalid_argument& e) {
      io::throw_scenario_error(path, file.variants[i].pos,
                               "variant '" + variants[i].name + "': " + e.what());
    }
  }
  // The variants do not need the road lines any more than the base does: only the network.
  planner::Inputs shared = loaded.inputs;
  shared.roads.clear();

  const std::string crs_wkt = with_io(o, [&] { return io::crs_to_wkt(loaded.run_crs); });
  io::RunInfo info;
  info.inputs = {{"scenario", path}, {"roads", io::layer_label(inputs.roads)}};
  if (!inputs.centers.path.empty())
    info.inputs.emplace_back("centers", io::layer_label(inputs.centers));
  if (!inputs.blocks.path.empty())
    info.inputs.emplace_back("blocks", io::layer_label(inputs.blocks));
  info.run_crs = loaded.run_crs;
  info.length_model = io::to_string(loaded.length_model);
  info.missing_osm_node_refs = loaded.missing_osm_node_refs;

  std::vector<VariantResult> results;
  std::vector<std::string> descriptions;
  auto evaluate_one = [&](const std::string& name, const planner::Network& network,
                          planner::Inputs in, const planner::EvaluationParams& params) {
    timer.start("evaluate " + name);
    VariantResult r;
    r.name = name;
    r.params = params;
    r.inputs = std::move(in);
    r.network_edges = network.edges.edge_count();
    r.ev = planner::evaluate(network, r.inputs, params);
    const planner::ServiceAreaParams sa = area_params(file.areas, params);
    const planner::ServiceAreas areas =
        planner::build_service_areas(network, r.inputs, r.ev.sources, r.ev.sites, r.ev.cover_s, sa);
    r.snapshot = planner::snapshot_of(r.inputs, r.ev, &areas.reach);
    // The same network health report as `evaluate` (default rules), so base.gpkg is evaluate's.
    planner::NetworkDiagnostics diagnostics = planner::diagnose_network(network);
    planner::diagnose_snapping(diagnostics, network, r.inputs, r.ev);
    if (r.ev.unsnapped_centers > 0) {
      std::fprintf(stderr,
                   "circleplan: warning: %s: %s: %u centers are farther than max-snap from every "
                   "road; they serve nobody\n",
                   file.name.c_str(), name.c_str(), r.ev.unsnapped_centers);
    }

    timer.start("write " + name);
    io::RunInfo run = info;
    run.network_vertices = network.edges.vertex_count();
    run.network_edges = network.edges.edge_count();
    run.network_components = network.graph->component_size().size();
    run.largest_component_vertices =
        network.graph->component_size()[network.graph->largest_component()];
    std::vector<io::OutputLayer> layers;
    layers.push_back(io::blocks_layer(r.inputs, r.ev));
    layers.push_back(io::centers_layer(r.inputs, r.ev, areas.reach));
    if (sa.polygons) {
      layers.push_back(io::service_areas_layer(r.inputs, areas, r.ev.has_population));
      layers.push_back(io::reach_edges_layer(network, r.inputs, areas));
    }
    layers.push_back(io::communities_layer(r.inputs, r.ev));
    layers.push_back(io::summary_layer(r.ev, &diagnostics));
    layers.push_back(io::diagnostics_layer(network, &r.inputs, diagnostics));
    OutputOptions out;
    out.out = (fs::path(o.out) / (name + ".gpkg")).string();
    out.overwrite = o.overwrite;
    with_io(o, [&] {
      return write_results(out, layers, crs_wkt,
                           io::summary_json(run, params, r.inputs, r.ev, &diagnostics));
    });
    if (!o.quiet) {
      const planner::Totals& t = r.ev.totals;
      std::printf("%s: %zu centers, %u of %u blocks covered within %g minutes", name.c_str(),
                  r.inputs.centers.size(), t.covered, t.blocks, r.ev.cover_s / 60.0);
      if (r.ev.has_population) {
        std::printf(", population %.0f of %.0f (%.1f%%)", t.covered_pop, t.pop,
                    t.pop > 0 ? 100.0 * t.covered_pop / t.pop : 0.0);
      }
      std::printf("\n");
    }
    results.push_back(std::move(r));
  };

  evaluate_one("base", base_network, shared, base_params);
  descriptions.emplace_back();
  for (const ResolvedVariant& v : variants) {
    timer.start("edit " + v.name);
    planner::Inputs in = shared;
    in.centers = planner::edit_centers(shared.centers, v.centers);
    std::optional<planner::Network> edited;
    if (!v.network.empty()) {
      try {
        edited = planner::network_from_edges(
            planner::edit_edges(base_network.edges, loaded.inputs.roads, v.network));
      } catch (const std::invalid_argument& e) {
        const auto& spec = file.variants[&v - variants.data()];
        io::throw_scenario_error(path, spec.pos, "variant '" + v.name + "': " + e.what());
      }
    }
    const planner::Network& network = edited ? *edited : base_network;
    if (v.site) {
      timer.start("site " + v.name);
      for (planner::Center& c : sited_centers(network, in, v.params, *v.site)) {
        in.centers.push_back(std::move(c));
      }
    }
    evaluate_one(v.name, network, std::move(in), v.params);
    descriptions.push_back(v.description);
  }

  timer.start("compare");
  std::vector<planner::Comparison> comparisons;
  for (std::size_t i = 1; i < results.size(); ++i) {
    comparisons.push_back(planner::compare(results[0].snapshot, results[i].snapshot));
  }
  timer.start("write comparison");
  std::vector<VariantRow> rows;
  io::ReportInput report;
  report.title = file.name;
  report.base = &results[0].snapshot;
  report.cover_minutes = base_params.cover_threshold_minutes();
  report.crs = loaded.run_crs;
  report.osm_data = io::is_osm_path(inputs.roads.path);
  for (std::size_t i = 0; i < results.size(); ++i) {
    rows.push_back(row_of(file.name, results[i], descriptions[i]));
    if (i == 0) continue;
    const planner::Comparison& c = comparisons[i - 1];
    rows.back().newly_covered = c.counts.newly_covered;
    rows.back().newly_uncovered = c.counts.newly_uncovered;
    rows.back().minutes_changed = c.counts.minutes_lower + c.counts.minutes_higher;
    io::ComparisonFiles files;
    files.folder = (fs::path(o.out) / ("changes-" + results[i].name)).string();
    files.before_label = "base";
    files.after_label = results[i].name;
    files.crs_wkt = crs_wkt;
    files.overwrite = o.overwrite;
    with_io(o, [&] {
      io::write_comparison(files, c, results[0].snapshot, results[i].snapshot);
      return 0;
    });
    report.variants.push_back({results[i].name, &results[i].snapshot, &c});
  }
  const std::string html = io::html_report(report);
  with_io(o, [&] {
    io::write_text_file((fs::path(o.out) / "report.html").string(), html);
    io::write_text_file((fs::path(o.out) / "summary.csv").string(), summary_csv(rows));
    io::write_text_file((fs::path(o.out) / "summary.json").string(), summary_json(rows));
    return 0;
  });
  timer.stop();
  io::write_text_file((fs::path(o.out) / "timings.json").string(), timer.json());
  return rows;
}

namespace {

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string minutes_text(const std::vector<double>& m) {
  std::string out;
  for (double x : m) out += (out.empty() ? "" : " ") + number(x);
  return out;
}

std::vector<std::string> tier_names(const std::vector<VariantRow>& rows) {
  std::set<std::string> names;
  for (const VariantRow& r : rows) {
    for (const TierRow& t : r.tiers) names.insert(t.tier);
  }
  return {names.begin(), names.end()};
}

}  // namespace

std::string summary_csv(const std::vector<VariantRow>& rows) {
  const std::vector<std::string> tiers = tier_names(rows);
  std::string out =
      "scenario,variant,status,error,speed_kmh,minutes,cover_minutes,max_snap,edits,centers,"
      "edges,blocks,covered,uncovered,unreachable,pop,covered_pop,cov_share,newly_covered,"
      "newly_uncovered,minutes_changed";
  for (const std::string& t : tiers) {
    out += "," + csv_cell("tier_" + t + "_covered") + "," + csv_cell("tier_" + t + "_cov_pop") +
           "," + csv_cell("tier_" + t + "_cov_share");
  }
  out += "\n";
  for (const VariantRow& r : rows) {
    out += csv_cell(r.scenario) + "," + csv_cell(r.variant) + ",";
    if (!r.error.empty()) {
      out += "failed," + csv_cell(r.error) + std::string(17 + 3 * tiers.size(), ',') + "\n";
      continue;
    }
    out += "ok,," + number(r.speed_kmh) + "," + minutes_text(r.minutes) + "," +
           number(r.cover_minutes) + "," + number(r.max_snap_m) + "," + csv_cell(r.edits) + "," +
           std::to_string(r.centers) + "," + std::to_string(r.network_edges) + "," +
           std::to_string(r.blocks) + "," + std::to_string(r.covered) + "," +
           std::to_string(r.uncovered) + "," + std::to_string(r.unreachable) + ",";
    out += (r.has_population ? number(r.pop) : "") + "," +
           (r.has_population ? number(r.covered_pop) : "") + "," + number(r.covered_share) + "," +
           std::to_string(r.newly_covered) + "," + std::to_string(r.newly_uncovered) + "," +
           std::to_string(r.minutes_changed);
    for (const std::string& name : tiers) {
      const auto it = std::find_if(r.tiers.begin(), r.tiers.end(),
                                   [&](const TierRow& t) { return t.tier == name; });
      if (it == r.tiers.end()) {
        out += ",,,";
      } else {
        out += "," + std::to_string(it->covered) + "," +
               (r.has_population ? number(it->covered_pop) : "") + "," + number(it->covered_share);
      }
    }
    out += "\n";
  }
  return out;
}

std::string summary_json(const std::vector<VariantRow>& rows) {
  io::JsonWriter j;
  j.begin_object().key("rows").begin_array();
  for (const VariantRow& r : rows) {
    j.begin_object();
    j.key("scenario").value(r.scenario);
    j.key("variant").value(r.variant);
    j.key("status").value(r.error.empty() ? "ok" : "failed");
    if (!r.error.empty()) {
      j.key("error").value(r.error);
      j.end_object();
      continue;
    }
    j.key("parameters").begin_object();
    j.key("speed_kmh").value(r.speed_kmh);
    j.key("minutes").begin_array();
    for (double m : r.minutes) j.value(m);
    j.end_array();
    j.key("cover_minutes").value(r.cover_minutes);
    j.key("max_snap_m").value(r.max_snap_m);
    j.end_object();
    j.key("edits").value(r.edits);
    j.key("centers").value(r.centers);
    j.key("network_edges").value(r.network_edges);
    j.key("blocks").value(r.blocks);
    j.key("covered").value(r.covered);
    j.key("uncovered").value(r.uncovered);
    j.key("unreachable").value(r.unreachable);
    if (r.has_population) {
      j.key("pop").value(r.pop);
      j.key("covered_pop").value(r.covered_pop);
    } else {
      j.key("pop").null();
      j.key("covered_pop").null();
    }
    j.key("cov_share").value(r.covered_share);
    j.key("newly_covered").value(r.newly_covered);
    j.key("newly_uncovered").value(r.newly_uncovered);
    j.key("minutes_changed").value(r.minutes_changed);
    j.key("tiers").begin_array();
    for (const TierRow& t : r.tiers) {
      j.begin_object();
      j.key("tier").value(t.tier);
      j.key("centers").value(t.centers);
      j.key("blocks").value(t.blocks);
      j.key("covered").value(t.covered);
      if (r.has_population) {
        j.key("covered_pop").value(t.covered_pop);
      } else {
        j.key("covered_pop").null();
      }
      j.key("cov_share").value(t.covered_share);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array().end_object();
  return j.str();
}

}  // namespace app
