#include "planner/areas/chain_merge.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace planner {
namespace {

/// One end of a line: end 0 is its first point, end 1 its last.
struct End {
  XY at;
  std::uint32_t line;
  std::uint8_t side;
};

/// Unit direction leaving the end into its line (towards the next distinct point).
XY leaving(const LineString& line, std::uint8_t side) {
  const XY a = side == 0 ? line[0] : line[line.size() - 1];
  const XY b = side == 0 ? line[1] : line[line.size() - 2];
  const double len = std::hypot(b.x - a.x, b.y - a.y);
  return len > 0.0 ? XY{(b.x - a.x) / len, (b.y - a.y) / len} : XY{0.0, 0.0};
}

}  // namespace

std::vector<LineString> merge_chains(const std::vector<LineString>& lines) {
  const std::uint32_t n = static_cast<std::uint32_t>(lines.size());
  // partner[2 * line + side]: the end it is joined to, or none.
  constexpr std::uint32_t none = 0xffffffffu;
  std::vector<std::uint32_t> partner(2 * std::size_t{n}, none);
  std::vector<End> ends;
  ends.reserve(2 * std::size_t{n});
  for (std::uint32_t i = 0; i < n; ++i) {
    ends.push_back({lines[i].front(), i, 0});
    ends.push_back({lines[i].back(), i, 1});
  }
  std::sort(ends.begin(), ends.end(), [](const End& a, const End& b) {
    if (a.at.x != b.at.x) return a.at.x < b.at.x;
    if (a.at.y != b.at.y) return a.at.y < b.at.y;
    return a.line != b.line ? a.line < b.line : a.side < b.side;
  });
  // At each meeting point, pair the ends whose leaving directions are most nearly opposite
  // (straightest pass), then the next straightest of the rest, and so on. Two ends leaving in
  // (almost) the same direction are never paired: the chain would turn back along itself, and
  // offset curves lying on each other send GEOS's buffer into its slow fallback.
  constexpr double max_dot = 0.99;  // about 8 degrees between the two lines
  std::vector<XY> dir;
  std::vector<std::uint8_t> taken;
  for (std::size_t i = 0; i < ends.size();) {
    std::size_t j = i;
    while (j < ends.size() && ends[j].at == ends[i].at) ++j;
    const std::size_t k = j - i;
    if (k >= 2) {
      dir.clear();
      for (std::size_t a = i; a < j; ++a) dir.push_back(leaving(lines[ends[a].line], ends[a].side));
      taken.assign(k, 0);
      for (std::size_t pairs = 0; pairs < k / 2; ++pairs) {
        double best = 2.0;
        std::size_t ba = 0, bb = 0;
        for (std::size_t a = 0; a < k; ++a) {
          if (taken[a]) continue;
          for (std::size_t b = a + 1; b < k; ++b) {
            if (taken[b]) continue;
            const double dot = dir[a].x * dir[b].x + dir[a].y * dir[b].y;
            if (dot < best) best = dot, ba = a, bb = b;
          }
        }
        if (best > max_dot) break;
        taken[ba] = taken[bb] = 1;
        const End& ea = ends[i + ba];
        const End& eb = ends[i + bb];
        partner[2 * ea.line + ea.side] = 2 * eb.line + eb.side;
        partner[2 * eb.line + eb.side] = 2 * ea.line + ea.side;
      }
    }
    i = j;
  }
  // Walk the chains: first from every free end, then the closed ones that are left.
  std::vector<std::uint8_t> used(n, 0);
  std::vector<LineString> out;
  auto walk = [&](std::uint32_t line, std::uint8_t side) {
    LineString chain;
    std::uint32_t end = 2 * line + side;  // the end we enter the line by
    while (true) {
      const std::uint32_t l = end / 2;
      if (used[l]) break;  // closed: back at the start
      used[l] = 1;
      const LineString& pts = lines[l];
      const bool forward = end % 2 == 0;
      const std::size_t m = pts.size();
      for (std::size_t p = chain.empty() ? 0 : 1; p < m; ++p)
        chain.push_back(forward ? pts[p] : pts[m - 1 - p]);
      const std::uint32_t exit = forward ? 2 * l + 1 : 2 * l;
      if (partner[exit] == none) break;
      end = partner[exit];
    }
    out.push_back(std::move(chain));
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint8_t side = 0; side < 2; ++side) {
      if (!used[i] && partner[2 * i + side] == none) walk(i, side);
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!used[i]) walk(i, 0);
  }
  return out;
}

}  // namespace planner
