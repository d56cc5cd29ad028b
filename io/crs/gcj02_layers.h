// Which input layers hold GCJ-02 lon/lat (--gcj02 [LAYERS], scenario key `gcj02`): real work
// mixes OSM roads (WGS84) with centers picked on a Chinese web map (GCJ-02), so the conversion
// is chosen per layer. Only the names here; io/crs/projection converts.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace io {

class Gcj02Layers {
 public:
  /// No layer is GCJ-02 (no --gcj02).
  Gcj02Layers() = default;
  /// Every layer (bare --gcj02, `gcj02 = true`).
  static Gcj02Layers all();
  /// The named layers: "centers,blocks" (commas, spaces ignored) or "all". Throws
  /// std::invalid_argument naming an unknown word and listing the known ones; `what` starts the
  /// message ("--gcj02", "the scenario key gcj02").
  static Gcj02Layers parse(std::string_view list, const std::string& what);
  /// As parse(), from words already split (a scenario file's array).
  static Gcj02Layers of(const std::vector<std::string>& words, const std::string& what);

  /// The layer `name` (one of names()) is GCJ-02.
  bool has(std::string_view name) const;
  bool any() const { return m_all || !m_layers.empty(); }
  bool is_all() const { return m_all; }
  /// "all", "centers, blocks" or "none": for summaries and messages.
  std::string text() const;

  /// The layer names --gcj02 takes: the input roles of evaluate, site and run.
  static const std::vector<std::string_view>& names();

  /// A read line's CRS text for a layer converted from GCJ-02, so that the planner sees which
  /// layers were: "WGS 84" -> "WGS 84 (GCJ-02)", "WGS 84 (lon/lat columns)" -> "WGS 84 (lon/lat
  /// columns, GCJ-02)".
  static std::string converted_crs_text(const std::string& crs);

 private:
  bool m_all = false;
  std::set<std::string, std::less<>> m_layers;
};

}  // namespace io
