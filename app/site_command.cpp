// `circleplan site`: recommends new stations (DESIGN.md §8, issue #4). Two modes:
//   network: reads the city like evaluate, keeps the existing centers open, takes or generates
//            candidate sites, builds the candidate x block walk times and writes the layers
//            sites, site_blocks, site_curve and summary (+ summary.json);
//   matrix:  reads a precomputed cost matrix (CSV) and prints the answer (--json: one object),
//            so results can be checked against other tools.
// Both run in io/run/site_run.h; this file parses, checks the command line and prints.
#include "app/site_command.h"

#include <cstdio>
#include <memory>
#include <optional>

#include "app/input_options.h"
#include "app/interrupt.h"
#include "app/memory_limit.h"
#include "app/output_options.h"
#include "app/range_check.h"
#include "app/usage_error.h"
#include "io/run/load_inputs.h"
#include "io/run/site_run.h"
#include "io/siting/siting_layers.h"
#include "io/tables/demand_layers.h"
#include "planner/siting/demand_weight.h"
#include "planner/siting/model.h"

namespace app {
namespace {

std::optional<double> site_capacity(const SiteCli& cfg) {
  if (cfg.site_capacity_option->count() == 0) return std::nullopt;
  return cfg.site_capacity;
}

planner::SitingOptions siting_options(const SiteCli& cfg) {
  planner::SitingOptions o;
  o.model = *planner::parse_siting_model(cfg.model);
  if (o.model != planner::SitingModel::lscp && cfg.k_option->count() == 0) {
    throw UsageError("--model " + cfg.model + " needs --k (how many new sites)");
  }
  o.k = cfg.k;
  o.exact = cfg.exact;
  o.time_limit_s = cfg.time_limit_s;
  o.split_demand = cfg.split_demand;
  if (cfg.split_demand && o.model != planner::SitingModel::cpmedian) {
    throw UsageError("--split-demand is for --model cpmedian (cmclp always splits demand)");
  }
  return o;
}

void take_fields(const std::vector<std::string>& given, std::initializer_list<std::string*> slots,
                 const char* option) {
  if (given.empty()) return;
  if (given.size() != slots.size()) {
    throw UsageError(std::string(option) + " takes " + std::to_string(slots.size()) +
                     " column names separated by commas");
  }
  std::size_t i = 0;
  for (std::string* s : slots) *s = given[i++];
}

void print_matrix_result(const SiteCli& cfg, const planner::SitingOptions& options,
                         const io::MatrixSiteOutcome& out) {
  const planner::SitingSolution& s = out.solution;
  if (cfg.json) {
    std::fputs(io::matrix_result_json(out.input, options, s, out.problem).c_str(), stdout);
    return;
  }
  std::printf("%s: objective %.10g, bound %.10g, gap %.4g%%%s (%s)\n", cfg.model.c_str(),
              s.objective, s.bound, 100.0 * s.gap, s.optimal ? ", optimal" : "", s.method.c_str());
  const bool capacity = planner::capacitated(s.model);
  for (std::size_t r = 0; r < s.sites.size(); ++r) {
    std::printf("  %zu. %s (gain %.10g", r + 1,
                out.input.candidate_ids[s.sites[r].candidate].c_str(), s.sites[r].gain);
    if (capacity) std::printf(", assigned %.10g", s.sites[r].assigned);
    std::printf(")\n");
  }
  if (capacity) {
    std::printf(
        "served: weight %.10g of capacity %.10g; unassigned (reached, no capacity left): "
        "weight %.10g, %u demands\n",
        s.served_weight, s.total_capacity, s.unassigned_weight, s.unassigned_count);
  }
  if (s.has_coverage) {
    std::printf(
        "covered: weight %.10g, %u demands; no candidate within reach: weight %.10g, %u demands\n",
        s.covered_weight, s.covered_count, s.uncoverable_weight, s.uncoverable_count);
  }
}

void run_matrix(SiteCli cfg) {
  take_fields(cfg.matrix_fields,
              {&cfg.matrix.matrix_demand, &cfg.matrix.matrix_candidate, &cfg.matrix.matrix_cost},
              "--matrix-fields");
  take_fields(cfg.demand_fields, {&cfg.matrix.demand_id, &cfg.matrix.demand_weight},
              "--demand-fields");
  take_fields(cfg.site_cost_fields, {&cfg.matrix.site_id, &cfg.matrix.site_cost},
              "--site-cost-fields");
  if (cfg.matrix.demand.empty()) throw UsageError("--matrix needs --demand (demand_id,weight)");
  const MemoryGuard memory(cfg.max_memory);  // the watchdog guards reading and solving
  io::MatrixSiteConfig run;
  run.files = cfg.matrix;
  planner::SitingOptions& options = run.options;
  options = siting_options(cfg);
  if (cfg.max_cost_option->count() > 0) options.cover_cost = cfg.max_cost;
  options.curve_k = cfg.curve_option->count() > 0 ? cfg.curve : 0;
  // A covering model without --max-cost is a command line that cannot run: a usage error.
  const bool covering = options.model == planner::SitingModel::lscp ||
                        options.model == planner::SitingModel::mclp ||
                        options.model == planner::SitingModel::cmclp;
  if (planner::capacitated(options.model) && cfg.site_capacity_option->count() == 0) {
    throw UsageError(cfg.model + " in --matrix mode needs --site-capacity (every site's capacity)");
  }
  run.site_capacity = site_capacity(cfg);
  if (covering && !options.cover_cost) {
    throw UsageError(cfg.model + " needs a coverage threshold (--max-cost, or --cover-minutes)");
  }
  if (options.curve_k > 0 && !options.cover_cost) {
    throw UsageError("the coverage curve needs a coverage threshold");
  }
  run.before_stage = [&](const std::string& stage, std::uint64_t bytes) {
    memory.before_stage(stage, bytes);
  };
  run.cancel = cancel_token();
  print_matrix_result(cfg, options, io::run_matrix_site(run));
}

/// What the weights count, for the printout: people, blocks, requests or both.
const char* weight_words(const planner::NetworkSiting& run) {
  switch (run.weight_kind) {
    case planner::DemandWeight::requests:
      return "requests";
    case planner::DemandWeight::both:
      return "people + weighted requests";
    case planner::DemandWeight::population:
      break;
  }
  return run.weights_are_population ? "people" : "blocks";
}

void print_network_summary(const io::SiteOutcome& out) {
  const planner::NetworkSiting& run = out.run;
  const planner::SitingSolution& s = run.solution;
  const double total = run.problem.total_weight();
  const char* what = weight_words(run);
  std::fputs(io::layers_read_text(out.info.layers).c_str(), stdout);
  if (out.demand) std::printf("%s\n", io::demand_points_text(*out.demand).c_str());
  std::printf(
      "candidates: %zu (%s), %u beyond --max-snap, %u only on small islands; %zu "
      "candidate-block pairs\n",
      run.candidates.size(), run.generated ? "generated on the network" : "given",
      run.unsnapped_candidates, run.island_candidates, run.entries);
  const bool minutes = s.model == planner::SitingModel::pmedian ||
                       s.model == planner::SitingModel::pcenter ||
                       s.model == planner::SitingModel::cpmedian;
  std::printf("%s: %zu new sites, objective %.10g, bound %.10g, gap %.4g%%%s\n",
              std::string(planner::to_string(s.model)).c_str(), s.sites.size(),
              minutes ? s.objective / 60.0 : s.objective, minutes ? s.bound / 60.0 : s.bound,
              100.0 * s.gap, s.optimal ? " (optimal)" : "");
  if (planner::capacitated(s.model)) {
    std::printf(
        "served within capacity: %.0f of %.0f %s (open capacity %.0f); unassigned: %.0f "
        "%s (%u blocks) within reach of open sites that are full\n",
        s.served_weight, total, what, s.total_capacity, s.unassigned_weight, what,
        s.unassigned_count);
  }
  std::printf("covered within %g minutes: %.0f of %.0f %s before, %.0f (%.1f%%) after\n",
              run.cover_s / 60.0, s.fixed_weight, total, what, s.covered_weight,
              total > 0 ? 100.0 * s.covered_weight / total : 0.0);
  if (s.uncoverable_count > 0 &&
      (run.weights_are_population || run.weight_kind != planner::DemandWeight::population)) {
    std::printf("no candidate within reach of %u blocks (%.0f %s)\n", s.uncoverable_count,
                s.uncoverable_weight, what);
  } else if (s.uncoverable_count > 0) {
    std::printf("no candidate within reach of %u blocks\n", s.uncoverable_count);
  }
  std::printf("summary: %s\n", out.summary_path.c_str());
}

void run_network(const SiteCli& cfg) {
  io::SiteRunConfig run = site_run_config(cfg);
  run.params.cancel = cancel_token();
  const MemoryGuard memory(cfg.max_memory);
  run.before_stage = [&](const std::string& stage, std::uint64_t bytes) {
    memory.before_stage(stage, bytes);
  };
  const io::SiteOutcome out = io::run_site(run);
  std::fprintf(stderr, "timings:\n%s", out.timer.report().c_str());
  print_network_summary(out);
}

/// Both modes: the model and how to solve it.
void add_model_options(CLI::App* cmd, SiteCli& cfg) {
  cmd->add_option("--model", cfg.model, "lscp | mclp | pmedian | pcenter | cmclp | cpmedian")
      ->required()
      ->check(CLI::IsMember({"lscp", "mclp", "pmedian", "pcenter", "cmclp", "cpmedian"}));
  cfg.k_option = cmd->add_option("--k", cfg.k,
                                 "new sites to open (all models but lscp); at most this many: "
                                 "a site that adds nothing is left out, with a warning saying why")
                     ->check(CLI::PositiveNumber);
  cfg.site_capacity_option =
      cmd->add_option("--site-capacity", cfg.site_capacity,
                      "cmclp, cpmedian: the capacity (in people, or blocks) of every site without "
                      "its own value; the only way in --matrix mode")
          ->check(in_range(planner::site_capacity_range));
  cmd->add_flag("--split-demand", cfg.split_demand,
                "cpmedian: a block may be served by several sites (default: whole, by one)");
  cmd->add_flag("--exact", cfg.exact, "solve exactly with COIN-OR CBC (within --time-limit)");
  cmd->add_option("--time-limit", cfg.time_limit_s, "seconds for the exact solve")
      ->check(in_range(planner::time_limit_range))
      ->capture_default_str();
  cfg.curve_option = cmd->add_option(
      "--curve", cfg.curve, "coverage curve for k = 1..K (network mode default 10; 0: none)");
}

/// Matrix mode: the CSV files and their columns.
void add_matrix_options(CLI::App* cmd, SiteCli& cfg) {
  cmd->add_option("--matrix", cfg.matrix.matrix, "matrix mode: CSV demand_id,candidate_id,cost");
  cmd->add_option("--demand", cfg.matrix.demand, "matrix mode: CSV demand_id,weight");
  cmd->add_option("--site-costs", cfg.matrix.site_costs, "matrix mode: CSV candidate_id,cost");
  cmd->add_option("--matrix-fields", cfg.matrix_fields,
                  "column names of --matrix: DEMAND,CANDIDATE,COST")
      ->delimiter(',');
  cmd->add_option("--demand-fields", cfg.demand_fields, "column names of --demand: ID,WEIGHT")
      ->delimiter(',');
  cmd->add_option("--site-cost-fields", cfg.site_cost_fields,
                  "column names of --site-costs: ID,COST")
      ->delimiter(',');
  cfg.max_cost_option = cmd->add_option("--max-cost", cfg.max_cost,
                                        "matrix mode: coverage threshold in the matrix's unit")
                            ->check(in_range(planner::max_cost_range));
  cmd->add_flag("--json", cfg.json, "matrix mode: print one JSON object");
}

/// Network mode: what a block weighs (docs/siting.md). --demand-points itself is an input
/// option (app/input_options.cpp).
void add_demand_weight_options(CLI::App* cmd, SiteCli& cfg) {
  cmd->add_option("--demand-weight", cfg.demand_weight,
                  "what a block weighs: population | requests (the --demand-points summed per "
                  "block) | both (population + requests x --request-weight)")
      ->check(CLI::IsMember({"population", "requests", "both"}))
      ->capture_default_str();
  cmd->add_option("--request-weight", cfg.run.request_weight,
                  "with --demand-weight both: what one request weighs against one resident")
      ->check(in_range(planner::request_weight_range))
      ->capture_default_str();
}

/// Network mode: the city, the candidates, the output; and --max-memory, for both modes.
void add_network_options(CLI::App* cmd, SiteCli& cfg) {
  add_input_options(*cmd, cfg.run.inputs);
  cfg.existing_option = cmd->add_option("--existing", cfg.run.inputs.centers.path,
                                        "existing centers, kept open (same as --centers)");
  cmd->add_option("--existing-layer", cfg.run.inputs.centers.layer, "layer of --existing");
  add_output_options(*cmd, cfg.run.output, "sites.gpkg");
  add_memory_option(*cmd, cfg.max_memory);
  cmd->get_option("--out")->required(false);
  cmd->add_option("--speed-kmh", cfg.run.params.speed_kmh, "walking speed in km/h")
      ->check(in_range(planner::speed_kmh_range))
      ->capture_default_str();
  cmd->add_option("--cover-minutes", cfg.run.cover_minutes, "a block is covered within this walk")
      ->check(in_range(planner::cover_minutes_range))
      ->capture_default_str();
  cmd->add_option("--max-snap", cfg.run.params.max_snap_m,
                  "metres a center, candidate or block access point may lie from the network")
      ->check(in_range(planner::max_snap_range))
      ->capture_default_str();
  cmd->add_option("--search-limit", cfg.run.params.search_limit_minutes,
                  "minutes walks are measured to (pmedian and pcenter charge farther blocks this)")
      ->check(in_range(planner::search_limit_range))
      ->capture_default_str();
  cmd->add_option("--threads", cfg.run.params.threads, "threads (default 0: all cores)")
      ->capture_default_str();
  cmd->add_option("--candidates", cfg.run.candidates.path,
                  "candidate sites (points); default: generated");
  cmd->add_option("--candidates-layer", cfg.run.candidates.layer, "layer of --candidates");
  add_layer_encoding(*cmd, "candidates", cfg.run.candidates);
  cmd->add_option("--candidate-id-field", cfg.run.candidate_fields.id,
                  "candidate id field (default: id; else FID)");
  cmd->add_option("--site-cost-field", cfg.run.site_cost_field,
                  "candidate opening cost field (default: 1 each)");
  cmd->add_option("--site-capacity-field", cfg.run.candidate_fields.capacity,
                  "cmclp, cpmedian: candidate capacity field (existing centers: --capacity-field)");
  cmd->add_option("--allowed", cfg.run.allowed.path, "polygons of land where a site may go");
  cmd->add_option("--allowed-layer", cfg.run.allowed.layer, "layer of --allowed");
  add_layer_encoding(*cmd, "allowed", cfg.run.allowed);
  cmd->add_option("--candidate-spacing", cfg.run.candidate_spacing_m,
                  "metres between generated candidates (network vertices near uncovered blocks)")
      ->check(in_range(planner::candidate_spacing_range))
      ->capture_default_str();
  cmd->add_flag(
      "--all-vertices", cfg.run.all_vertices,
      "generate candidates at every network vertex (thinned), not only near uncovered blocks");
  cmd->add_flag("--existing-removable", cfg.run.existing_removable,
                "existing centers become candidates instead of staying open");
  cmd->add_flag("--island-sites", cfg.run.island_sites,
                "keep candidates that reach only a small island of the network (a gap in the road "
                "data); default: leave them out");
  add_demand_weight_options(cmd, cfg);
}

}  // namespace

io::SiteRunConfig site_run_config(const SiteCli& cfg) {
  io::SiteRunConfig run = cfg.run;
  if (run.output.out.empty()) throw UsageError("--out is required (or use --matrix mode)");
  run.siting = siting_options(cfg);
  run.demand_weight = *planner::parse_demand_weight(cfg.demand_weight);
  run.siting.curve_k = planner::capacitated(run.siting.model) ? 0 : cfg.curve;
  run.site_capacity = site_capacity(cfg);
  return run;
}

bool settle_site_mode(SiteCli& cfg) {
  const bool matrix = !cfg.matrix.matrix.empty();
  if (matrix && !cfg.run.inputs.roads.path.empty()) {
    throw UsageError("give either --matrix (matrix mode) or --roads (network mode)");
  }
  if (!matrix && cfg.run.inputs.roads.path.empty()) {
    throw UsageError("give --roads (network mode) or --matrix (matrix mode)");
  }
  // Messages about the existing centers name the option the user wrote.
  if (cfg.existing_option->count() > 0) cfg.run.inputs.centers_option = "--existing";
  if (matrix &&
      (!cfg.run.inputs.demand_points.points.path.empty() || cfg.demand_weight != "population")) {
    throw UsageError(
        "--demand-points and --demand-weight are network mode options; in matrix "
        "mode the weights are the --demand file's");
  }
  return matrix;
}

CLI::App* add_site_options(CLI::App& root, SiteCli& cli) {
  CLI::App* cmd = root.add_subcommand(
      "site",
      "Where new stations should go: fewest sites to cover everyone (lscp), most people "
      "covered by k sites (mclp), least total walk (pmedian), shortest worst walk (pcenter); "
      "with capacities (each site serves at most its capacity, existing centers included): "
      "most people served (cmclp), least total walk (cpmedian).");
  cmd->footer(
      "Examples:\n  circleplan site --roads city.gpkg --roads-layer roads --centers city.gpkg "
      "--centers-layer centers --blocks city.gpkg --blocks-layer blocks --model mclp --k 5 "
      "--out sites.gpkg\n  circleplan site --matrix M.csv --demand D.csv --model pmedian --k 4 "
      "--json\n  circleplan site ... --existing c.gpkg --capacity-field staff --candidates s.gpkg "
      "--site-capacity-field staff --model cmclp --k 3 --out cap.gpkg\nSee docs/siting.md for the "
      "models, options and outputs.");
  add_model_options(cmd, cli);
  add_matrix_options(cmd, cli);
  add_network_options(cmd, cli);
  return cmd;
}

Command register_site(CLI::App& root) {
  auto cfg = std::make_shared<SiteCli>();
  CLI::App* cmd = add_site_options(root, *cfg);
  return {cmd, [cfg] {
            settle_output(cfg->run.output);
            if (settle_site_mode(*cfg)) {
              run_matrix(*cfg);
            } else {
              run_network(*cfg);
            }
          }};
}

}  // namespace app
