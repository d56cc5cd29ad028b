#include "io/siting/orlib_reader.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <map>
#include <sstream>

#include "io/errors.h"

namespace io {
namespace {

DataLocation in_orlib_file(const std::string& path) {
  return DataLocation{path, "", std::nullopt, ""};
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(in_orlib_file(path), "cannot open the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// The text's whitespace-separated tokens, read as numbers one at a time.
class Tokens {
 public:
  Tokens(const std::string& text, const std::string& path) : m_path(path), m_in(text) {}
  double number(const char* what) {
    double x = 0.0;
    if (!(m_in >> x)) {
      throw InputError(in_orlib_file(m_path), std::string("expected a number (") + what + ")");
    }
    return x;
  }
  std::uint32_t count(const char* what) {
    const double x = number(what);
    if (!(x >= 0 && x < 1e8 && x == static_cast<std::uint32_t>(x))) {
      throw InputError(in_orlib_file(m_path), std::string(what) + " is not a count");
    }
    return static_cast<std::uint32_t>(x);
  }
  std::uint32_t index(const char* what, std::uint32_t upper) {
    const double x = number(what);
    if (!(x >= 1 && x <= upper && x == static_cast<std::uint32_t>(x))) {
      throw InputError(in_orlib_file(m_path),
                       std::string(what) + " out of range 1.." + std::to_string(upper));
    }
    return static_cast<std::uint32_t>(x) - 1;
  }

 private:
  std::string m_path;
  std::istringstream m_in;
};

}  // namespace

PmedInstance read_orlib_pmed(const std::string& path) {
  return parse_orlib_pmed(read_text(path), path);
}

ScpInstance read_orlib_scp(const std::string& path) {
  return parse_orlib_scp(read_text(path), path);
}

std::map<std::string, double> read_orlib_optima(const std::string& path) {
  return parse_orlib_optima(read_text(path), path);
}

PmedInstance parse_orlib_pmed(const std::string& text, const std::string& path) {
  Tokens t(text, path);
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

ScpInstance parse_orlib_scp(const std::string& text, const std::string& path) {
  Tokens t(text, path);
  ScpInstance out;
  const std::uint32_t rows = t.count("row count");
  const std::uint32_t cols = t.count("column count");
  // Grown as numbers are read, not sized from the header: a header claiming 10^7 rows in a short
  // file is then an error about the missing numbers, not gigabytes allocated first.
  for (std::uint32_t c = 0; c < cols; ++c) out.column_cost.push_back(t.number("column cost"));
  for (std::uint32_t r = 0; r < rows; ++r) {
    const std::uint32_t n = t.count("columns in a row");
    std::vector<std::uint32_t> row;
    for (std::uint32_t k = 0; k < n; ++k) row.push_back(t.index("column", cols));
    out.row_columns.push_back(std::move(row));
  }
  return out;
}

std::map<std::string, double> parse_orlib_optima(const std::string& text, const std::string& path) {
  std::istringstream in(text);
  std::map<std::string, double> out;
  std::string line;
  int optimum_column = -1;
  bool first = true;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
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
        const std::string& cell = cells[static_cast<std::size_t>(optimum_column)];
        char* end = nullptr;
        errno = 0;
        const double value = std::strtod(cell.c_str(), &end);
        if (end == cell.c_str() || *end != '\0' || errno == ERANGE || !std::isfinite(value)) {
          throw InputError(in_orlib_file(path), "line " + std::to_string(line_number) +
                                                    ": optimum '" + cell + "' is not a number");
        }
        out[cells[0]] = value;
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
