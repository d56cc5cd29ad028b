#include "io/siting/matrix_reader.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "io/errors.h"
#include "planner/inputs.h"

namespace io {
namespace {

DataLocation in_file(const std::string& path, const std::string& column = "") {
  return DataLocation{path, "", std::nullopt, column};
}

std::string at_line(std::size_t line, const std::string& what) {
  return "line " + std::to_string(line) + ": " + what;
}

std::size_t column(const CsvTable& t, const std::string& path, const std::string& name) {
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == name) return c;
  }
  std::string have;
  for (const std::string& h : t.header) have += (have.empty() ? "" : ", ") + h;
  throw InputError(in_file(path, name), "no such column (the header has: " + have +
                                            "); name the columns with --matrix-fields, "
                                            "--demand-fields or --site-cost-fields");
}

const std::string& cell(const CsvTable& t, std::size_t row, std::size_t col) {
  static const std::string empty;
  return col < t.rows[row].size() ? t.rows[row][col] : empty;
}

/// A number >= 0, or InputError at the cell.
double non_negative(const std::string& text, const std::string& path, const std::string& col,
                    std::size_t line) {
  const char* begin = text.c_str();
  while (*begin == ' ') ++begin;
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(begin, &end);
  while (end && *end == ' ') ++end;
  if (end == begin || *end != '\0' || errno == ERANGE || !std::isfinite(x) || x < 0.0) {
    throw InputError(in_file(path, col),
                     at_line(line, "'" + text + "' is not a number >= 0; correct it"));
  }
  return x;
}

}  // namespace

CsvTable read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(in_file(path), "cannot open the file; check the path");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_csv(buffer.str(), path);
}

CsvTable parse_csv(std::string text, const std::string& path) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);

  CsvTable table;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  std::size_t line = 1, record_line = 1;
  auto end_record = [&] {
    record.push_back(field);
    field.clear();
    const bool blank = record.size() == 1 && record[0].empty() && !any;
    if (!blank) {
      if (table.header.empty()) {
        table.header = record;
      } else {
        table.rows.push_back(record);
        table.line.push_back(record_line);
      }
    }
    record.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      record_line = ++line;
    } else {
      field += c;
    }
  }
  if (quoted)
    throw InputError(in_file(path),
                     at_line(record_line, "a quoted field is not closed; add the closing quote"));
  if (!field.empty() || !record.empty() || any) end_record();
  if (table.header.empty())
    throw InputError(in_file(path), "the file is empty (no header); give a CSV with a header row");
  return table;
}

MatrixInput read_matrix_input(const MatrixFiles& f) {
  const CsvTable d = read_csv(f.demand);
  std::optional<CsvTable> s;
  if (!f.site_costs.empty()) s = read_csv(f.site_costs);
  const CsvTable m = read_csv(f.matrix);
  return matrix_input_from_tables(f, d, s ? &*s : nullptr, m);
}

MatrixInput matrix_input_from_tables(const MatrixFiles& f, const CsvTable& d, const CsvTable* sp,
                                     const CsvTable& m) {
  MatrixInput out;
  std::unordered_map<std::string, std::uint32_t> demand_index, candidate_index;

  const std::size_t d_id = column(d, f.demand, f.demand_id);
  const std::size_t d_w = column(d, f.demand, f.demand_weight);
  for (std::size_t r = 0; r < d.rows.size(); ++r) {
    const std::string& id = cell(d, r, d_id);
    if (!demand_index.emplace(id, static_cast<std::uint32_t>(out.demand_ids.size())).second) {
      throw InputError(
          in_file(f.demand, f.demand_id),
          at_line(d.line[r], "demand '" + id + "' is listed twice; keep one row for it"));
    }
    out.demand_ids.push_back(id);
    const double weight = non_negative(cell(d, r, d_w), f.demand, f.demand_weight, d.line[r]);
    if (weight > planner::max_block_population) {  // a no-data value: sums must stay finite
      throw InputError(in_file(f.demand, f.demand_weight),
                       at_line(d.line[r], "weight " + cell(d, r, d_w) +
                                              " is above the maximum 1e8 of one demand point "
                                              "(a no-data value?); correct it"));
    }
    out.weights.push_back(weight);
  }

  std::unordered_map<std::string, double> cost_of;
  if (sp) {
    const CsvTable& s = *sp;
    const std::size_t s_id = column(s, f.site_costs, f.site_id);
    const std::size_t s_c = column(s, f.site_costs, f.site_cost);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      const std::string& id = cell(s, r, s_id);
      const double c = non_negative(cell(s, r, s_c), f.site_costs, f.site_cost, s.line[r]);
      if (!cost_of.emplace(id, c).second) {
        throw InputError(
            in_file(f.site_costs, f.site_id),
            at_line(s.line[r], "candidate '" + id + "' is listed twice; keep one row for it"));
      }
      candidate_index.emplace(id, static_cast<std::uint32_t>(out.candidate_ids.size()));
      out.candidate_ids.push_back(id);
      out.site_costs.push_back(c);
    }
  }

  const std::size_t m_d = column(m, f.matrix, f.matrix_demand);
  const std::size_t m_c = column(m, f.matrix, f.matrix_candidate);
  const std::size_t m_cost = column(m, f.matrix, f.matrix_cost);
  std::unordered_set<std::uint64_t> seen;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const std::string& did = cell(m, r, m_d);
    const std::string& cid = cell(m, r, m_c);
    const auto dit = demand_index.find(did);
    if (dit == demand_index.end()) {
      throw InputError(in_file(f.matrix, f.matrix_demand),
                       at_line(m.line[r], "demand '" + did + "' is not in " + f.demand +
                                              "; add it there, or delete its rows here"));
    }
    auto cit = candidate_index.find(cid);
    if (cit == candidate_index.end()) {
      if (sp) {
        throw InputError(
            in_file(f.matrix, f.matrix_candidate),
            at_line(m.line[r], "candidate '" + cid + "' has no cost in " + f.site_costs +
                                   "; add its cost there, or delete its rows here"));
      }
      cit =
          candidate_index.emplace(cid, static_cast<std::uint32_t>(out.candidate_ids.size())).first;
      out.candidate_ids.push_back(cid);
      out.site_costs.push_back(1.0);
    }
    const std::uint64_t key = (static_cast<std::uint64_t>(dit->second) << 32) | cit->second;
    if (!seen.insert(key).second) {
      throw InputError(in_file(f.matrix),
                       at_line(m.line[r], "the pair (" + did + ", " + cid +
                                              ") is listed twice; keep one row for it"));
    }
    const std::string& text = cell(m, r, m_cost);
    if (text.find_first_not_of(' ') == std::string::npos) continue;  // unreachable
    out.entries.push_back(
        {dit->second, cit->second, non_negative(text, f.matrix, f.matrix_cost, m.line[r])});
  }
  return out;
}

planner::SitingProblem MatrixInput::problem() const {
  return planner::SitingProblem(weights, site_costs, entries);
}

}  // namespace io
