// One scenario run, phase by phase (docs/scenarios.md): read the file, load and project the
// inputs, build the network and resolve the variants once (prepare), then evaluate and write the
// base and each variant, then the report and the summaries. `run_scenario` runs every phase in
// order; the distributed batch (io/run/scenario_tasks.h) runs prepare once per worker and the
// evaluations as separate tasks, handing each task the state it reads (the base's snapshot, the
// rows and kept variants) through RunState.
#pragma once

#include <cstddef>
#include <deque>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/gdal/atomic_output.h"
#include "io/run/evaluation_layers.h"
#include "io/run/load_inputs.h"
#include "io/run/scenario_run.h"
#include "io/run/stage_timer.h"
#include "io/scenario/scenario_file.h"
#include "planner/network/network.h"
#include "planner/scenario/run.h"

namespace io {

/// A variant as the report keeps it once it is written: all of it for the mapped ones, the
/// headline figures (scopes, compliance, counts) for the rest.
struct KeptVariant {
  std::string name;
  planner::ResultSnapshot snapshot;
  planner::Comparison comparison;
};

/// What the report and the summaries read of the evaluated base and variants.
struct ScenarioRunState {
  planner::ResultSnapshot base;                         ///< what every variant is compared with
  std::vector<planner::ServiceAreaPolygon> base_areas;  ///< the base's, for the report map
  std::deque<KeptVariant> kept;           ///< per variant, for the report (stable addresses)
  std::vector<planner::VariantRow> rows;  ///< the base, then each variant
};

/// What a scenario file reads (itself, its layers and standards, its variants' layers), each
/// named as "'roads' in <file>" for refuse_output_over_input.
std::vector<NamedPath> scenario_inputs_of(const std::string& path, const ScenarioFile& file);

class ScenarioDriver {
 public:
  ScenarioDriver(std::string path, ScenarioRunOptions options);

  /// Every phase: what run_scenario does.
  std::vector<planner::VariantRow> run();

  /// Reads the file and the city, builds the network, resolves every variant's edits and snaps
  /// the blocks: everything the evaluations share. Writes nothing. Throws InputError (a bad
  /// scenario, bad data, a bad variant: the first in file order), UsageError.
  void prepare();
  /// Where the next phases write (created when missing); the caller stages it (batch).
  void set_folder(const std::filesystem::path& folder);
  std::size_t variant_count() const { return m_variants.size(); }
  /// Evaluates and writes the base: rows[0], base and base_areas of the state.
  void evaluate_base();
  /// Evaluates, writes and compares variant `i` (0-based) with state().base: appends its row and
  /// its kept figures (the whole snapshot for the first ReportInput::max_mapped_variants).
  void evaluate_variant(std::size_t i);
  /// Writes report.html, summary.csv and summary.json from the state, and timings.json.
  void write_summaries();

  ScenarioRunState& state() { return m_state; }
  StageTimer& timer() { return m_timer; }

 private:
  template <class Fn>
  auto with_io(Fn&& fn);
  std::string in_out(const std::string& name) const { return (m_folder / name).string(); }
  void stage(const std::string& name, std::uint64_t estimate_bytes);
  [[noreturn]] void variant_error(std::size_t i, const std::string& what) const;

  void read_file();
  void refuse_and_open_folder();
  void load_city();
  void resolve_variants();
  void prepare_core();
  void write_variant(const planner::VariantRun& r, const planner::Network& network);
  void compare_and_keep(planner::VariantRun& r, std::size_t index);
  planner::StageHook hook();

  std::string m_path;
  ScenarioRunOptions m_o;
  StageTimer m_timer;
  ScenarioFile m_file;
  planner::EvaluationParams m_base_params;
  std::optional<detail::StagedOutput> m_staged;  ///< empty when the caller stages (batch)
  std::filesystem::path m_folder;                ///< where files go: the staged temporary
  InputOptions m_inputs;
  LoadedInputs m_loaded;
  std::optional<planner::Network> m_network;
  std::optional<planner::ScenarioCore> m_core;
  std::vector<planner::VariantSpec> m_variants;
  std::vector<std::string> m_descriptions;  ///< per run: "" for the base, then each variant's
  std::string m_crs_wkt;
  RunInfo m_info;
  ScenarioRunState m_state;
  std::set<std::string> m_warned;  ///< standard warnings already given
};

}  // namespace io
