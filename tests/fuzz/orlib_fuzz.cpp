// Fuzz target: the OR-Library readers (io/siting/orlib_reader.h). The first byte picks the format
// (p-median, set covering, optimum table); the rest is the file's text. Every input must give an
// instance whose indices are in range, or an io::InputError.
#include <set>
#include <string>

#include "io/errors.h"
#include "io/siting/orlib_reader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(data, size);
  const std::uint8_t format = input.byte() % 3;
  const std::string text = input.rest();
  try {
    if (format == 0) {
      const io::PmedInstance pmed = io::parse_orlib_pmed(text, "pmed.txt");
      std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
      for (const planner::WeightedEdge& e : pmed.edges) {
        FUZZ_CHECK(e.a < pmed.vertices && e.b < pmed.vertices);
        FUZZ_CHECK(e.a <= e.b);
        FUZZ_CHECK(pairs.emplace(e.a, e.b).second);  // a pair given twice keeps one edge
      }
    } else if (format == 1) {
      const io::ScpInstance scp = io::parse_orlib_scp(text, "scp.txt");
      for (const auto& row : scp.row_columns) {
        for (const std::uint32_t c : row) FUZZ_CHECK(c < scp.column_cost.size());
      }
    } else {
      (void)io::parse_orlib_optima(text, "optima.csv");
    }
  } catch (const io::InputError&) {
    // Not in the format: reported naming the file.
  }
  return 0;
}
