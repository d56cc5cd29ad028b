// Fuzz target: the OSM walking rule and the way splitting (docs/walkable.md), fed from fuzzed
// in-memory objects rather than files (libosmium's file parsers are not ours to fuzz).
//
// The first byte picks the mode:
// - OSM: nodes, ways and areas built with osmium's builder (tags from the words the rules look
//   at plus fuzzed text, node refs with repeated ids and missing locations) go through
//   io::collect_osm_objects; the roads it keeps are checked against WALKABLE.md's rule written
//   out again here, then cut by planner::split_into_edges.
// - Lines: planner::RoadLines straight from the bytes (NaN, infinite and huge coordinates,
//   repeated points, node ids, source/target topology, odd tolerances) into split_into_edges,
//   which must either return a consistent EdgeSet or throw std::invalid_argument as documented.
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// GCC 12's false -Wstringop-overread in libosmium's builder (see io/osm/osm_reader.cpp); clang
// does not know the warning.
#ifndef __clang__
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#endif
#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/location.hpp>
#ifndef __clang__
#pragma GCC diagnostic pop
#endif

#include "io/osm/osm_reader.h"
#include "planner/network/edge_set.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

using Tags = std::vector<std::pair<std::string, std::string>>;

constexpr std::array<const char*, 11> keys{"highway", "foot",    "access",     "name",
                                           "amenity", "landuse", "population", "area",
                                           "service", "oneway",  "building"};
constexpr std::array<const char*, 22> values{"footway",      "residential",
                                             "motorway",     "motorway_link",
                                             "trunk",        "trunk_link",
                                             "construction", "proposed",
                                             "abandoned",    "platform",
                                             "raceway",      "bus_guideway",
                                             "yes",          "no",
                                             "private",      "designated",
                                             "permissive",   "community_centre",
                                             "townhall",     "1200",
                                             "-5",           ""};

std::string word(fuzz::Input& in, const char* const* list, std::size_t n) {
  const std::uint8_t pick = in.byte();
  if (pick < 200) return list[pick % n];
  std::string text = in.text(24);
  text.erase(std::find(text.begin(), text.end(), '\0'), text.end());  // C strings in osmium
  return text;
}

Tags fuzz_tags(fuzz::Input& in) {
  Tags tags;
  const int n = in.byte() % 6;
  for (int i = 0; i < n; ++i) {
    std::string key = word(in, keys.data(), keys.size());
    std::string value = word(in, values.data(), values.size());
    if (key.empty()) continue;  // osmium never makes an empty key
    bool repeated = false;      // nor one key twice
    for (const auto& [k, v] : tags) repeated = repeated || k == key;
    if (!repeated) tags.emplace_back(std::move(key), std::move(value));
  }
  return tags;
}

void add_tags(osmium::builder::Builder& parent, const Tags& tags) {
  osmium::builder::TagListBuilder builder{parent};
  for (const auto& [k, v] : tags) builder.add_tag(k.c_str(), v.c_str());
}

/// A location in fixed-point units, sometimes missing (not in the file), sometimes out of range.
osmium::Location fuzz_location(fuzz::Input& in) {
  const std::uint8_t kind = in.byte();
  if (kind % 8 == 0) return osmium::Location{};  // the node was not in the extract
  if (kind % 8 == 1)
    return osmium::Location{in.integral<std::int32_t>(), in.integral<std::int32_t>()};
  // Near one another (about 1 m steps around 121E 31N), so ways share coordinates and nodes.
  return osmium::Location{1210000000 + in.integral<std::int8_t>() * 100,
                          310000000 + in.integral<std::int8_t>() * 100};
}

const char* tag(const Tags& tags, const char* key) {
  for (const auto& [k, v] : tags) {
    if (k == key) return v.c_str();
  }
  return nullptr;
}

/// WALKABLE.md's rule, written out again from the text as the independent reference.
bool walkable_by_spec(const Tags& tags) {
  const char* highway = tag(tags, "highway");
  if (!highway) return false;
  for (const char* no : {"motorway", "motorway_link", "trunk", "trunk_link", "construction",
                         "proposed", "abandoned", "platform", "raceway", "bus_guideway"}) {
    if (std::string{highway} == no) return false;
  }
  const std::string foot = tag(tags, "foot") ? tag(tags, "foot") : "";
  if (foot == "no") return false;
  const std::string access = tag(tags, "access") ? tag(tags, "access") : "";
  if (access == "private" || access == "no") {
    return foot == "yes" || foot == "designated" || foot == "permissive";
  }
  return true;
}

struct WayNode {
  std::int64_t id;
  osmium::Location location;
};

/// WALKABLE.md: consecutive repeats collapsed, cut where a location is missing, pieces of fewer
/// than 2 nodes dropped. The node ids of each piece.
std::vector<std::vector<std::int64_t>> pieces_by_spec(const std::vector<WayNode>& nodes) {
  std::vector<std::vector<std::int64_t>> out(1);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0 && nodes[i].id == nodes[i - 1].id) continue;
    if (!nodes[i].location.valid()) {
      out.emplace_back();
    } else {
      out.back().push_back(nodes[i].id);
    }
  }
  std::erase_if(out, [](const auto& piece) { return piece.size() < 2; });
  return out;
}

/// What every EdgeSet must be, whatever the lines were.
void check_edges(const planner::EdgeSet& edges, const std::vector<planner::RoadLine>& lines) {
  const std::size_t n = edges.edge_count();
  FUZZ_CHECK(edges.vertex_external_id.size() == edges.vertex_count());
  FUZZ_CHECK(edges.edge_head.size() == n && edges.edge_length_m.size() == n);
  FUZZ_CHECK(edges.edge_feature_id.size() == n && edges.edge_part.size() == n);
  FUZZ_CHECK(edges.edge_line.size() == n);
  FUZZ_CHECK(edges.first_point.size() == n + 1 && edges.first_point[0] == 0);
  FUZZ_CHECK(edges.first_point[n] == edges.points.size());
  FUZZ_CHECK(edges.cum_m.size() == edges.points.size());
  std::vector<std::uint32_t> degree(edges.vertex_count(), 0);
  for (std::size_t e = 0; e < n; ++e) {
    FUZZ_CHECK(edges.edge_tail[e] < edges.vertex_count());
    FUZZ_CHECK(edges.edge_head[e] < edges.vertex_count());
    ++degree[edges.edge_tail[e]];
    ++degree[edges.edge_head[e]];
    FUZZ_CHECK(edges.edge_line[e] < lines.size());
    FUZZ_CHECK(edges.edge_feature_id[e] == lines[edges.edge_line[e]].feature_id);
    if (e > 0 && edges.edge_line[e] == edges.edge_line[e - 1]) {
      FUZZ_CHECK(edges.edge_part[e] == edges.edge_part[e - 1] + 1);
    } else {
      FUZZ_CHECK(edges.edge_part[e] == 0);
    }
    const std::uint32_t first = edges.first_point[e];
    const std::uint32_t last = edges.first_point[e + 1];
    FUZZ_CHECK(last >= first + 2);  // an edge has two ends
    FUZZ_CHECK(edges.cum_m[first] == 0.0);
    for (std::uint32_t i = first + 1; i < last; ++i) {
      FUZZ_CHECK(!(edges.cum_m[i] < edges.cum_m[i - 1]));  // lengths never shrink (NaN aside)
    }
    const double length = edges.edge_length_m[e];
    FUZZ_CHECK(length == edges.cum_m[last - 1] ||
               (std::isnan(length) && std::isnan(edges.cum_m[last - 1])));
  }
  for (std::size_t v = 0; v < edges.vertex_count(); ++v) FUZZ_CHECK(degree[v] > 0);
}

void osm_mode(fuzz::Input& in) {
  osmium::memory::Buffer buffer{1024, osmium::memory::Buffer::auto_grow::yes};
  std::vector<std::pair<std::int64_t, Tags>> way_tags;
  std::vector<std::vector<WayNode>> way_nodes;
  const int objects = in.byte() % 16;
  for (int o = 0; o < objects && !in.empty(); ++o) {
    const std::uint8_t kind = in.byte() % 8;
    const std::int64_t id = in.integral<std::int16_t>();
    const Tags tags = fuzz_tags(in);
    if (kind == 0) {
      {
        osmium::builder::NodeBuilder builder{buffer};
        builder.set_id(id).set_location(fuzz_location(in));
        add_tags(builder, tags);
      }
      buffer.commit();
    } else if (kind == 1) {
      {
        osmium::builder::AreaBuilder builder{buffer};
        builder.set_id(id);
        add_tags(builder, tags);
        const int rings = in.byte() % 3;
        for (int r = 0; r < rings; ++r) {
          osmium::builder::OuterRingBuilder ring{builder};
          const int points = in.byte() % 8;
          // The assembler only makes areas of located nodes (lon() throws on others).
          for (int p = 0; p < points; ++p) {
            osmium::Location location = fuzz_location(in);
            if (!location.valid()) location = osmium::Location{1210000000, 310000000};
            ring.add_node_ref(in.byte(), location);
          }
        }
      }
      buffer.commit();
    } else {
      std::vector<WayNode> nodes;
      const int count = in.byte() % 12;
      for (int i = 0; i < count; ++i) {
        // Few distinct ids, so that ways share nodes and repeat them.
        nodes.push_back({static_cast<std::int64_t>(in.byte() % 16) - 2, fuzz_location(in)});
      }
      {
        osmium::builder::WayBuilder builder{buffer};
        builder.set_id(id);
        add_tags(builder, tags);
        osmium::builder::WayNodeListBuilder list{builder};
        for (const WayNode& n : nodes) list.add_node_ref(osmium::NodeRef{n.id, n.location});
      }
      buffer.commit();
      way_tags.emplace_back(id, tags);
      way_nodes.push_back(std::move(nodes));
    }
  }

  io::OsmExtract extract;
  io::collect_osm_objects(buffer, extract);

  // The roads are exactly the walkable ways' pieces, in order.
  std::size_t r = 0;
  for (std::size_t w = 0; w < way_tags.size(); ++w) {
    if (!walkable_by_spec(way_tags[w].second)) continue;
    for (const std::vector<std::int64_t>& piece : pieces_by_spec(way_nodes[w])) {
      FUZZ_CHECK(r < extract.roads.size());
      const planner::RoadLine& road = extract.roads[r++];
      FUZZ_CHECK(road.feature_id == way_tags[w].first);
      FUZZ_CHECK(road.node_ids == piece);
      FUZZ_CHECK(road.points.size() == piece.size());
    }
  }
  FUZZ_CHECK(r == extract.roads.size());
  for (const planner::Block& block : extract.blocks) {
    if (block.pop) FUZZ_CHECK(std::isfinite(*block.pop) && *block.pop >= 0);
  }

  try {
    check_edges(planner::split_into_edges(extract.roads), extract.roads);
  } catch (const std::logic_error&) {
    FUZZ_CHECK(false);  // lines with node ids and matching sizes are always accepted
  }
}

void lines_mode(fuzz::Input& in) {
  std::vector<planner::RoadLine> lines;
  planner::SplitOptions options;
  options.node_tolerance_m = in.byte() % 4 == 0 ? in.number() : 0.01 * (in.byte() % 8);
  const int count = in.byte() % 10;
  for (int l = 0; l < count && !in.empty(); ++l) {
    planner::RoadLine line;
    line.feature_id = in.integral<std::int8_t>();
    const std::uint8_t flags = in.byte();
    const int points = in.byte() % 10;
    for (int p = 0; p < points; ++p) {
      const std::uint8_t how = in.byte();
      if (how % 4 == 0 && !line.points.empty()) {
        line.points.push_back(line.points.back());  // a repeated point
      } else {
        line.points.push_back({in.number(), in.number()});
      }
    }
    const int size_error = (flags & 0x40) ? 1 : 0;  // now and then a size that does not match
    if (flags & 1) {
      const std::size_t lengths = (line.points.empty() ? 0 : line.points.size() - 1) + size_error;
      for (std::size_t i = 0; i < lengths; ++i) {
        // Lengths come from a length model: never negative, but NaN or infinite from odd points.
        line.segment_m.push_back(in.byte() % 4 == 0 ? std::fabs(in.number()) : in.byte());
      }
    }
    if (flags & 2) {
      for (std::size_t i = 0; i + size_error < line.points.size(); ++i) {
        const std::uint8_t b = in.byte();
        line.node_ids.push_back(b == 255 ? planner::no_external_id
                                         : static_cast<std::int64_t>(b % 12));
      }
    }
    if (flags & 4) line.source_node = in.byte() % 12;
    if (flags & 8) line.target_node = in.byte() % 12;
    lines.push_back(std::move(line));
  }
  try {
    check_edges(planner::split_into_edges(lines, options), lines);
  } catch (const std::logic_error&) {
    // Documented: mismatched segment_m/node_ids or a non-finite coordinate on a line without ids
    // (planner::InternalError: the readers never give such lines), or a coordinate too large
    // for metres (std::invalid_argument: a wrong CRS).
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  if (in.byte() % 2 == 0) {
    osm_mode(in);
  } else {
    lines_mode(in);
  }
  return 0;
}
