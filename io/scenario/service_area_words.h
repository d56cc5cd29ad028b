// The words of --bands, --overlap, --hull and --reach-edges (and the same scenario-file keys) and
// the planner modes they name: one table each, read by the command line's checks, the scenario
// reader and the run driver alike.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/tables/reach_edges_layer.h"
#include "planner/areas/service_areas.h"

namespace io {

template <class Mode, std::size_t N>
using WordTable = std::array<std::pair<std::string_view, Mode>, N>;

inline constexpr WordTable<planner::BandMode, 2> band_words{
    {{"rings", planner::BandMode::rings}, {"disks", planner::BandMode::disks}}};
inline constexpr WordTable<planner::Overlap, 3> overlap_words{
    {{"per-center", planner::Overlap::per_center},
     {"dissolve", planner::Overlap::dissolve},
     {"split", planner::Overlap::split}}};
inline constexpr WordTable<planner::Hull, 2> hull_words{
    {{"none", planner::Hull::none}, {"convex", planner::Hull::convex}}};
inline constexpr WordTable<ReachEdges, 3> reach_edges_words{
    {{"merged", ReachEdges::merged}, {"pieces", ReachEdges::pieces}, {"none", ReachEdges::none}}};

/// The mode a word names; nullopt for an unknown word.
template <class Mode, std::size_t N>
std::optional<Mode> mode_of(const WordTable<Mode, N>& table, std::string_view word) {
  for (const auto& [w, mode] : table) {
    if (w == word) return mode;
  }
  return std::nullopt;
}

/// The word of a mode.
template <class Mode, std::size_t N>
std::string word_of(const WordTable<Mode, N>& table, Mode mode) {
  for (const auto& [w, m] : table) {
    if (m == mode) return std::string(w);
  }
  return {};
}

/// The words in table order (for the command line's IsMember check).
template <class Mode, std::size_t N>
std::vector<std::string> words_of(const WordTable<Mode, N>& table) {
  std::vector<std::string> out;
  for (const auto& entry : table) out.emplace_back(entry.first);
  return out;
}

/// "disks, rings": the words sorted, for messages.
template <class Mode, std::size_t N>
std::string word_list(const WordTable<Mode, N>& table) {
  std::vector<std::string> words = words_of(table);
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace io
