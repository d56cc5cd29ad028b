#include "io/orlib_reader.h"

#include <fstream>
#include <map>
#include <sstream>

#include "io/errors.h"

namespace io {
namespace {

/// The file's whitespace-separated tokens, read as numbers one at a time.
class Tokens {
 public:
  explicit Tokens(const std::string& path) : m_path(path), m_in(path) {
    if (!m_in) throw InputError(DataLocation{path, "", std::nullopt, ""}, "cannot open the file");
  }
  double number(const char* what) {
    double x = 0.0;
    if (!(m_in >> x)) {
      throw InputError(DataLocation{m_path, "", std::nullopt, ""},
                       std::string("expected a number (") + what + ")");
    }
    return x;
  }
  std::uint32_t count(const char* what) {
    const double x = number(what);
    if (!(x >= 0 && x < 1e8 && x == static_cast<std::uint32_t>(x))) {
      throw InputError(DataLocation{m_path, "", std::nullopt, ""},
                       std::string(what) + " is not a count");
    }
    return static_cast<std::uint32_t>(x);
  }
  std::uint32_t index(const char* what, std::uint32_t upper) {
    const double x = number(what);
    if (!(x >= 1 && x <= upper && x == static_cast<std::uint32_t>(x))) {
      throw InputError(DataLocation{m_path, "", std::nullopt, ""},
                       std::string(what) + " out of range 1.." + std::to_string(upper));
    }
    return static_cast<std::uint32_t>(x) - 1;
  }

 private:
  std::string m_path;
  std::ifstream m_in;
};

}  // namespace

PmedInstance read_orlib_pmed(const std::string& path) {
  Tokens t(path);
  PmedInstance out;
  out.vertices = t.count("vertex count");
  const std::uint32_t m = t.count("edge count");
  out.p = t.count("p");
  // Last occurrence wins: remember where each unordered pair was put.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> at;
  for (std::uint32_t e = 0; e < m; ++e) {
    std::uint32_t a = t.index("edge end", out.vertices);
    std::uint32_t b = t.index("edge end", out.vertices);
    const double cost = t.number("edge cost");
    if (a > b) std::swap(a, b);
    auto [it, added] = at.emplace(std::make_pair(a, b), out.edges.size());
    if (added) {
      out.edges.push_back({a, b, cost});
    } else {
      out.edges[it->second].cost = cost;
    }
  }
  return out;
}

ScpInstance read_orlib_scp(const std::string& path) {
  Tokens t(path);
  ScpInstance out;
  const std::uint32_t rows = t.count("row count");
  const std::uint32_t cols = t.count("column count");
  out.column_cost.resize(cols);
  for (double& c : out.column_cost) c = t.number("column cost");
  out.row_columns.resize(rows);
  for (auto& row : out.row_columns) {
    const std::uint32_t n = t.count("columns in a row");
    row.resize(n);
    for (std::uint32_t& c : row) c = t.index("column", cols);
  }
  return out;
}

std::map<std::string, double> read_orlib_optima(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(DataLocation{path, "", std::nullopt, ""}, "cannot open the file");
  std::map<std::string, double> out;
  std::string line;
  int optimum_column = -1;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find(',') != std::string::npos) {
      std::vector<std::string> cells;
      std::stringstream s(line);
      for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
      if (first) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
          if (cells[c] == "optimum") optimum_column = static_cast<int>(c);
        }
      } else if (optimum_column >= 0 && cells.size() > static_cast<std::size_t>(optimum_column)) {
        out[cells[0]] = std::stod(cells[static_cast<std::size_t>(optimum_column)]);
      }
    } else {
      std::stringstream s(line);
      std::string name;
      double value = 0.0;
      if (s >> name >> value) out[name] = value;
    }
    first = false;
  }
  return out;
}

}  // namespace io
