// Fuzz target: the siting matrix CSV reader (io/siting/matrix_reader.h), the whole way from text to
// a planner::SitingProblem. The input is D.csv, S.csv and M.csv cut at NUL bytes; with only two
// parts there is no S.csv (the optional site costs). Every input must give either a MatrixInput
// that keeps the reader's promises or an io::InputError; anything else is a finding.
#include <cmath>
#include <set>
#include <string>

#include "io/errors.h"
#include "io/siting/matrix_reader.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

void check_table(const io::CsvTable& table) {
  FUZZ_CHECK(table.rows.size() == table.line.size());
  for (std::size_t r = 0; r < table.line.size(); ++r) {
    FUZZ_CHECK(table.line[r] >= 2);  // the header is on line 1 or later
    if (r > 0) FUZZ_CHECK(table.line[r] > table.line[r - 1]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> parts =
      fuzz::split(std::string(reinterpret_cast<const char*>(data), size), '\0');
  io::MatrixFiles files;
  files.demand = "D.csv";
  files.matrix = "M.csv";
  const bool with_sites = parts.size() >= 3;
  if (with_sites) files.site_costs = "S.csv";
  try {
    const io::CsvTable d = io::parse_csv(parts[0], files.demand);
    check_table(d);
    io::CsvTable s;
    if (with_sites) {
      s = io::parse_csv(parts[1], files.site_costs);
      check_table(s);
    }
    const io::CsvTable m = io::parse_csv(parts.size() >= 2 ? parts.back() : "", files.matrix);
    check_table(m);
    const io::MatrixInput in = io::matrix_input_from_tables(files, d, with_sites ? &s : nullptr, m);

    FUZZ_CHECK(in.weights.size() == in.demand_ids.size());
    FUZZ_CHECK(in.site_costs.size() == in.candidate_ids.size());
    FUZZ_CHECK(std::set<std::string>(in.demand_ids.begin(), in.demand_ids.end()).size() ==
               in.demand_ids.size());
    FUZZ_CHECK(std::set<std::string>(in.candidate_ids.begin(), in.candidate_ids.end()).size() ==
               in.candidate_ids.size());
    for (const double w : in.weights) FUZZ_CHECK(std::isfinite(w) && w >= 0);
    for (const double c : in.site_costs) FUZZ_CHECK(std::isfinite(c) && c >= 0);
    std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const planner::SitingEntry& e : in.entries) {
      FUZZ_CHECK(e.demand < in.demand_ids.size());
      FUZZ_CHECK(e.candidate < in.candidate_ids.size());
      FUZZ_CHECK(std::isfinite(e.cost) && e.cost >= 0);
      FUZZ_CHECK(pairs.emplace(e.demand, e.candidate).second);
    }
    const planner::SitingProblem problem = in.problem();
    FUZZ_CHECK(problem.demand_count() == in.demand_ids.size());
    FUZZ_CHECK(problem.candidate_count() == in.candidate_ids.size());
    FUZZ_CHECK(problem.entry_count() == in.entries.size());
  } catch (const io::InputError&) {
    // Bad data, reported with file, line and column: the expected answer to most inputs.
  }
  return 0;
}
