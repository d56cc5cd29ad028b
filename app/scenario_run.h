// Running one scenario file (docs/scenarios.md): load and project the inputs once, build the
// network once, evaluate the base and every variant with its edits applied to that loaded data,
// and write each result, the comparisons with the base and the HTML report into one folder.
// Shared by `circleplan run` (one file) and `circleplan batch` (many).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct ScenarioRunOptions {
  std::string out;  ///< the scenario's output folder
  bool overwrite = false;
  unsigned threads = 0;  ///< evaluation threads (0: all cores)
  bool quiet = false;    ///< no per-variant lines on stdout (batch)
  /// Held around every GDAL/PROJ/OSM read and write, so scenarios may run on several threads
  /// while file access stays on one. Null: no lock (one scenario at a time).
  std::mutex* io_lock = nullptr;
};

/// Headline figures of one tier.
struct TierRow {
  std::string tier;
  std::uint32_t centers = 0, blocks = 0, covered = 0;
  double covered_pop = 0.0;
  double covered_share = 0.0;
};

/// One row of summary.csv / summary.json: one variant (or the base) of one scenario.
struct VariantRow {
  std::string scenario;  ///< the scenario file's stem
  std::string variant;   ///< "base" or the variant's name
  std::string error;     ///< non-empty: the scenario failed and no figures follow
  // Parameters.
  double speed_kmh = 0.0;
  std::vector<double> minutes;
  double cover_minutes = 0.0;
  double max_snap_m = 0.0;
  std::string edits;  ///< a short description of the edits, e.g. "close-centers 1; site mclp k=2"
  // Headline figures.
  std::uint32_t centers = 0, network_edges = 0;
  std::uint32_t blocks = 0, covered = 0, uncovered = 0, unreachable = 0;
  bool has_population = false;
  double pop = 0.0, covered_pop = 0.0;
  double covered_share = 0.0;  ///< covered_pop / pop, or covered / blocks without population
  // Against the base (0 for the base itself).
  std::uint32_t newly_covered = 0, newly_uncovered = 0, minutes_changed = 0;
  std::vector<TierRow> tiers;
};

/// Runs the scenario and writes everything into options.out. Returns one row per base and
/// variant. Throws io::InputError (bad scenario or data, naming file, line and column where the
/// scenario is at fault), app::UsageError, io::OutputError.
std::vector<VariantRow> run_scenario(const std::string& scenario_path,
                                     const ScenarioRunOptions& options);

/// summary.csv: a header and one line per row; tier columns for the union of tiers of all rows
/// (sorted). Deterministic bytes.
std::string summary_csv(const std::vector<VariantRow>& rows);
/// summary.json: {"rows": [...]} with the same content.
std::string summary_json(const std::vector<VariantRow>& rows);

}  // namespace app
