#include "io/run/match_warnings.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

#include "io/osm/osm_reader.h"
#include "planner/coverage/communities.h"
#include "planner/scenario/edits.h"

namespace io {
namespace {

constexpr std::size_t max_examples = 5;

/// "'a', 'b', 'c', ..." with at most max_examples values.
std::string examples(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size() && i < max_examples; ++i) {
    out += (i ? ", '" : "'") + values[i] + "'";
  }
  if (values.size() > max_examples) out += ", ...";
  return out;
}

/// The field a layer read used for `role`; empty when none was found or the layer was not read.
std::string field_used(const std::vector<LayerRead>& layers, const std::string& option,
                       const std::string& role) {
  for (const LayerRead& read : layers) {
    if (read.option != option) continue;
    for (const auto& [r, field] : read.use.fields) {
      if (r == role) return field;
    }
  }
  return "";
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// One kind of reporting unit: its option and words, and the assignment of blocks to it.
struct UnitKind {
  const char* layer_option;  ///< "--communities"
  const char* unit;          ///< "community" (also the blocks' role and the option stem)
  const char* units;         ///< "communities"
  const planner::UnitAssignment& assignment;
};

void warn_unmatched(const LoadedInputs& loaded, const UnitKind& kind, const WarningSink& sink,
                    const std::string& prefix) {
  const planner::UnmatchedUnits u = planner::unmatched_units(kind.assignment);
  if (u.ids.empty()) return;
  const std::string unit = kind.unit;
  const std::string block_field = field_used(loaded.layers, "--blocks", unit);
  const std::string id_field = field_used(loaded.layers, kind.layer_option, "id");
  warn(sink, prefix + kind.layer_option + ": " + plural(u.blocks, "block names ", "blocks name ") +
                 plural(u.ids.size(), unit, kind.units) + " that match no boundary id (" +
                 examples(u.ids) + "); they are reported as " + kind.units +
                 " without a shape, and " + std::to_string(u.empty_boundaries) + " of " +
                 std::to_string(u.boundaries) + " boundaries get no block. The blocks' field " +
                 (block_field.empty() ? "(none)" : "'" + block_field + "'") +
                 " must hold the ids of the boundaries' field " +
                 (id_field.empty() ? "(FID)" : "'" + id_field + "'") + ": set --" + unit +
                 "-id-field to the boundaries' field holding these values, or --" + unit +
                 "-field to the blocks' field holding the boundaries' ids");
}

/// One field option: its name and the value given (empty: not given).
struct FieldOption {
  const char* option;
  const std::string& value;
};

void warn_unread(const std::vector<FieldOption>& options, const std::string& why,
                 const WarningSink& sink) {
  for (const FieldOption& f : options) {
    if (f.value.empty()) continue;
    warn(sink, std::string(f.option) + " '" + f.value + "' is not used: " + why);
  }
}

}  // namespace

void warn_unmatched_units(const LoadedInputs& loaded, const planner::Evaluation& ev,
                          const WarningSink& sink, const std::string& prefix) {
  warn_unmatched(loaded, {"--communities", "community", "communities", ev.communities}, sink,
                 prefix);
  warn_unmatched(loaded, {"--grids", "grid", "grids", ev.grids}, sink, prefix);
  warn_unmatched(loaded, {"--subdistricts", "subdistrict", "subdistricts", ev.subdistricts}, sink,
                 prefix);
}

void warn_unread_field_options(const InputOptions& o, const LoadedInputs& loaded,
                               const WarningSink& sink) {
  const std::string extract = "given as --roads, which has no fields to choose";
  if (is_osm_path(o.roads.path)) {
    const FieldMap& r = o.road_fields;
    warn_unread(
        {{"--road-id-field", r.id}, {"--source-field", r.source}, {"--target-field", r.target}},
        "the roads come from the OSM extract " + extract, sink);
  }
  const FieldMap& c = o.center_fields;
  const std::vector<FieldOption> centers{{"--center-id-field", c.id},
                                         {"--center-name-field", c.name},
                                         {"--tier-field", c.tier},
                                         {"--capacity-field", c.capacity}};
  if (loaded.centers_from_extract) {
    warn_unread(centers, "the centers come from the OSM extract " + extract, sink);
  } else if (o.centers.path.empty()) {
    warn_unread(centers, "no " + o.centers_option + " layer is read", sink);
  }
  if (loaded.blocks_from_extract) {
    const FieldMap& b = o.block_fields;
    warn_unread({{"--block-id-field", b.id},
                 {"--block-name-field", b.name},
                 {"--pop-field", b.population},
                 {"--community-field", b.community},
                 {"--grid-field", b.grid},
                 {"--subdistrict-field", b.subdistrict}},
                "the blocks come from the OSM extract " + extract, sink);
  }
  if (o.entrances.path.empty()) {
    warn_unread({{"--entrance-block-field", o.entrance_fields.block_id}},
                "no --entrances layer is read", sink);
  }
  const std::tuple<std::string, std::string, const LayerRef&, const FieldMap&> boundaries[] = {
      {"--community", "--communities", o.communities, o.community_fields},
      {"--grid", "--grids", o.grids, o.grid_fields},
      {"--subdistrict", "--subdistricts", o.subdistricts, o.subdistrict_fields}};
  for (const auto& [stem, layer_option, layer, fields] : boundaries) {
    if (!layer.path.empty()) continue;
    const std::string id_option = stem + "-id-field", name_option = stem + "-name-field";
    warn_unread({{id_option.c_str(), fields.id}, {name_option.c_str(), fields.name}},
                "no " + layer_option + " layer is read", sink);
  }
}

std::string few_common_blocks_text(const planner::Comparison& c, const std::string& before,
                                   const std::string& after) {
  if (!planner::few_blocks_in_common(c)) return "";
  const std::uint32_t n = static_cast<std::uint32_t>(c.blocks.size());
  return "only " + std::to_string(planner::blocks_in_common(c)) + " blocks are in both '" + before +
         "' (" + std::to_string(n - c.counts.added) + " blocks) and '" + after + "' (" +
         std::to_string(n - c.counts.removed) +
         " blocks): blocks are matched by id, and the two results' block ids seem to differ "
         "(another --block-id-field, or FIDs of another layer?); run both with the same blocks "
         "layer and id field";
}

std::string unknown_speed_classes_text(const std::vector<planner::RoadLine>& roads,
                                       const std::vector<std::string>& classes) {
  const std::vector<std::string> unknown = planner::unknown_road_classes(roads, classes);
  if (unknown.empty()) return "";
  const std::vector<std::string> known = planner::road_classes(roads);
  std::string out =
      "speed-factor: no road has class " + examples(unknown) + ", so it changes nothing; ";
  if (known.empty()) {
    return out +
           "the roads carry no class (their highway, fclass or class field is absent or "
           "empty)";
  }
  std::string list;
  for (std::size_t i = 0; i < known.size() && i < 20; ++i) list += (i ? ", " : "") + known[i];
  if (known.size() > 20) list += ", ...";
  return out + "the roads' classes are " + list;
}

std::string minutes_text(double seconds) {
  char text[48];
  std::snprintf(text, sizeof text, "%g minutes", seconds / 60.0);
  return text;
}

std::string fewer_sites_text(const FewerSitesFacts& f) {
  if (f.reason == planner::FewerSites::none) return "";
  std::string out = f.k_option + " " + std::to_string(f.k) + ": " +
                    plural(f.sites, "new site", "new sites") + " proposed, not " +
                    std::to_string(f.k) + ": ";
  switch (f.reason) {
    case planner::FewerSites::few_candidates:
      if (f.candidates == 0) {
        return out +
               "there is no candidate site (every block is covered, or none is near the "
               "network)";
      }
      return out + "there " + (f.candidates == 1 ? "is" : "are") + " only " +
             plural(f.candidates, "candidate site", "candidate sites") + ", all proposed" +
             (f.candidates_hint.empty() ? "" : "; for more, " + f.candidates_hint);
    case planner::FewerSites::all_covered: {
      const std::string reach = "every demand a candidate can reach" +
                                (f.threshold.empty() ? "" : " within " + f.threshold);
      if (f.sites == 0) {
        return out + "the existing centers already cover " + reach +
               ", so no site would cover anything more (what is uncovered no candidate reaches)";
      }
      return out + "with them and the existing centers " + reach +
             " is covered, so another site would cover nothing more (what stays uncovered no "
             "candidate reaches)";
    }
    case planner::FewerSites::no_gain:
      return out +
             "no other candidate would improve the objective with these sites and the "
             "existing centers open, so none more is proposed";
    case planner::FewerSites::none:
      break;
  }
  return "";
}

}  // namespace io
