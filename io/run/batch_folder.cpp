#include "io/run/batch_folder.h"

#include <set>
#include <system_error>

#include "io/errors.h"
#include "io/gdal/layer_writer.h"
#include "io/run/output_over_input.h"
#include "io/run/scenario_run.h"
#include "io/tables/scenario_summary.h"

namespace io {
namespace {

namespace fs = std::filesystem;

/// Checked before the staging is made: the member initialiser order runs this first.
const std::string& refused_or(const std::vector<std::string>& files, const std::string& out) {
  if (out.empty()) throw UsageError("--out is required");
  // Every scenario file and what it reads against the whole output folder (docs/errors.md §6).
  std::vector<NamedPath> inputs;
  for (const std::string& file : files) {
    for (NamedPath& in : scenario_input_paths(file)) inputs.push_back(std::move(in));
  }
  refuse_output_over_input(inputs, {{"--out", out, true}});
  return out;
}

}  // namespace

BatchFolder::BatchFolder(const std::vector<std::string>& files, const std::string& out,
                         bool overwrite)
    : m_out(refused_or(files, out)),
      m_staged(m_out, detail::StagedOutput::Kind::run_folder, overwrite) {
  std::set<std::string> seen;
  for (const std::string& file : files) {
    BatchScenario s;
    s.file = file;
    s.name = fs::path(file).stem().string();
    s.folder = (fs::path(out) / s.name).string();
    if (!seen.insert(s.name).second) {
      s.error = "another scenario file given earlier has the same name '" + s.name +
                "' (outputs go to <out>/<name>/); rename one";
    }
    m_result.scenarios.push_back(std::move(s));
  }
  m_rows.resize(files.size());
}

fs::path BatchFolder::staged_folder(std::size_t i) const {
  return m_staged.temp_path() / m_result.scenarios.at(i).name;
}

void BatchFolder::fail(std::size_t i, const std::string& error) {
  BatchScenario& s = m_result.scenarios.at(i);
  const bool clash = !s.error.empty();  // its name is another scenario's: that folder stays
  s.error = error;
  s.results = 0;
  m_rows.at(i).clear();
  if (clash) return;
  std::error_code ignored;
  fs::remove_all(staged_folder(i), ignored);
}

void BatchFolder::succeed(std::size_t i, std::vector<planner::VariantRow> rows) {
  m_result.scenarios.at(i).results = rows.size();
  m_rows.at(i) = std::move(rows);
}

BatchResult BatchFolder::commit(const planner::CancelToken& cancel) {
  BatchResult& result = m_result;
  result.rows.clear();
  result.failed = 0;
  for (std::size_t i = 0; i < result.scenarios.size(); ++i) {
    const BatchScenario& s = result.scenarios[i];
    if (s.error.empty()) {
      result.rows.insert(result.rows.end(), m_rows[i].begin(), m_rows[i].end());
    } else {
      ++result.failed;
      planner::VariantRow r;
      r.scenario = s.name;
      r.error = s.error;
      result.rows.push_back(std::move(r));
    }
  }
  write_csv_text_file((m_staged.temp_path() / "summary.csv").string(), summary_csv(result.rows));
  write_text_file((m_staged.temp_path() / "summary.json").string(), summary_json(result.rows));
  cancel.check();
  m_staged.commit();
  result.summary_csv_path = (fs::path(m_out) / "summary.csv").string();
  return result;
}

}  // namespace io
