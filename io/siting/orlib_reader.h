// Reading J.E. Beasley's OR-Library instance files: p-median ("pmed": n m p, then m lines
// "i j cost", 1-based), set covering ("scp": m n, n column costs, then per row its count and
// columns, 1-based) and the optimum tables beside them. Tokens are split on whitespace, so the
// CRLF line ends of some copies do not matter.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "planner/siting/instances.h"

namespace io {

struct PmedInstance {
  std::uint32_t vertices = 0;
  std::uint32_t p = 0;
  /// 0-based, one per vertex pair: a pair listed again overwrites the earlier cost, as the
  /// published optima assume (see tests/data/siting/orlib-pmed/SOURCE.md).
  std::vector<planner::WeightedEdge> edges;
};

struct ScpInstance {
  std::vector<double> column_cost;
  std::vector<std::vector<std::uint32_t>> row_columns;  ///< 0-based columns per row
};

/// Throws InputError naming the file when it cannot be read or is not in the format.
PmedInstance read_orlib_pmed(const std::string& path);
ScpInstance read_orlib_scp(const std::string& path);

/// "name value" lines (pmedopt.txt; a header line without a number is skipped) or
/// "name,...,value,..." CSV with an `optimum` column (known_optima.csv): name -> optimum.
std::map<std::string, double> read_orlib_optima(const std::string& path);

/// The readers above on text already in memory; `path` only names the source in messages. Pure,
/// so that tests and the fuzz target (tests/fuzz/orlib_fuzz.cpp) reach them without files.
PmedInstance parse_orlib_pmed(const std::string& text, const std::string& path);
ScpInstance parse_orlib_scp(const std::string& text, const std::string& path);
std::map<std::string, double> parse_orlib_optima(const std::string& text, const std::string& path);

}  // namespace io
