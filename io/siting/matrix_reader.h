// Reading a precomputed siting problem from CSV, so results can be checked against other tools
// and other impedances used (issue #4, matrix mode):
//
//   M.csv  demand_id,candidate_id,cost   long form; a missing pair is unreachable
//   D.csv  demand_id,weight              every demand once
//   S.csv  candidate_id,cost             optional site costs (default 1)
//
// Column names can be mapped, so a file from another tool is read as it is (e.g. spopt's San
// Francisco matrix: DestinationName,name,distance). Files are RFC 4180 CSV in UTF-8 (a BOM is
// skipped, quotes and CRLF are fine). Ids are text, compared exactly ("060750479.01" keeps its
// zero). Demands are numbered in D.csv order, candidates by first appearance in S.csv, then in
// M.csv, so ties between equal answers always go the same way.
#pragma once

#include <string>
#include <vector>

#include "planner/siting/problem.h"

namespace io {

/// A CSV file as text cells, header first.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> line;  ///< 1-based line where each row starts (for messages)
};

/// Throws InputError naming the file (and line) when it cannot be read or a quote is unclosed.
CsvTable read_csv(const std::string& path);

/// read_csv() on text already in memory; `path` only names the source in messages. Pure, so
/// that tests and the fuzz target (tests/fuzz/matrix_csv_fuzz.cpp) reach it without files.
CsvTable parse_csv(std::string text, const std::string& path);

struct MatrixFiles {
  std::string matrix, demand, site_costs;  ///< site_costs may be empty
  std::string matrix_demand = "demand_id", matrix_candidate = "candidate_id", matrix_cost = "cost";
  std::string demand_id = "demand_id", demand_weight = "weight";
  std::string site_id = "candidate_id", site_cost = "cost";
};

struct MatrixInput {
  std::vector<std::string> demand_ids;
  std::vector<double> weights;
  std::vector<std::string> candidate_ids;
  std::vector<double> site_costs;
  std::vector<planner::SitingEntry> entries;

  planner::SitingProblem problem() const;
};

/// Throws InputError naming file, line and column for: a missing column (listing the header),
/// a cost or weight that is not a number >= 0 (an empty cost is a missing pair), a repeated
/// demand id, a repeated pair, a matrix demand not in D.csv, or, with S.csv, a matrix candidate
/// without a site cost.
MatrixInput read_matrix_input(const MatrixFiles& files);

/// read_matrix_input() on tables already parsed (`site_costs` null when there is no S.csv); the
/// file names in `files` only name the sources in messages.
MatrixInput matrix_input_from_tables(const MatrixFiles& files, const CsvTable& demand,
                                     const CsvTable* site_costs, const CsvTable& matrix);

}  // namespace io
