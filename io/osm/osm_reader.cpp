// read_osm(): roads, residential blocks and civic center stand-ins from one OSM file, with
// libosmium. Two passes, as libosmium's multipolygon assembly needs: the first collects the
// multipolygon relations of interest, the second reads nodes (locations into an index), ways
// (roads, closed-way areas) and completes the relations. See docs/walkable.md and docs/osm.md.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

// GCC 12 reports a false -Wstringop-overread inside libosmium's builder: osmium objects live in
// buffers and read their strings past the C++ object's nominal size by design.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/manager_util.hpp>
#include <osmium/tags/tags_filter.hpp>
#include <osmium/visitor.hpp>
#pragma GCC diagnostic pop

#include "io/errors.h"
#include "io/osm/osm_reader.h"
#include "planner/geos/geos_convert.h"
#include "planner/inputs.h"

namespace io {
namespace {

using LocationIndex =
    osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
using LocationHandler = osmium::handler::NodeLocationsForWays<LocationIndex>;

// WALKABLE.md: these highway values are never walked.
constexpr std::array<std::string_view, 10> not_walkable_highway{
    "motorway", "motorway_link", "trunk",    "trunk_link", "construction",
    "proposed", "abandoned",     "platform", "raceway",    "bus_guideway"};

// Stand-ins for 党群服务中心: civic places where residents get public and social services. The
// `office=government` tag is left out on purpose: it mostly marks back offices (tax, courts,
// ministries) that residents do not walk to for everyday services. See docs/osm.md.
constexpr std::array<std::string_view, 4> center_amenities{"community_centre", "social_facility",
                                                           "townhall", "social_centre"};

template <std::size_t N>
bool is_one_of(const char* value, const std::array<std::string_view, N>& list) {
  return value && std::find(list.begin(), list.end(), std::string_view{value}) != list.end();
}

bool equals(const char* value, std::string_view expected) {
  return value && std::string_view{value} == expected;
}

/// WALKABLE.md's rule, exactly: nothing but highway, foot and access is looked at.
bool is_walkable(const osmium::TagList& tags) {
  const char* highway = tags["highway"];
  if (!highway || is_one_of(highway, not_walkable_highway)) return false;
  const char* foot = tags["foot"];
  if (equals(foot, "no")) return false;
  const char* access = tags["access"];
  if (equals(access, "private") || equals(access, "no")) {
    return equals(foot, "yes") || equals(foot, "designated") || equals(foot, "permissive");
  }
  return true;
}

std::string tag_or_empty(const osmium::TagList& tags, const char* key) {
  const char* value = tags[key];
  return value ? std::string{value} : std::string{};
}

/// The population tag when it is a plain non-negative number ("1200", "1200.5") up to
/// planner::max_block_population; "1,200", "~500", "unknown" or "1e300" give no population
/// rather than a guessed one.
std::optional<double> population(const osmium::TagList& tags) {
  const char* value = tags["population"];
  if (!value) return std::nullopt;
  const std::string_view text{value};
  double pop = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), pop);
  if (error != std::errc{} || end != text.data() + text.size() || !(pop >= 0) ||
      pop > planner::max_block_population) {
    return std::nullopt;
  }
  return pop;
}

planner::Ring to_ring(const osmium::NodeRefList& ring) {
  planner::Ring out;
  out.reserve(ring.size());
  for (const osmium::NodeRef& nr : ring) out.push_back({nr.lon(), nr.lat()});
  return out;
}

/// Rings of fewer than 4 points (no area) are left out. libosmium's assembler never makes them,
/// but the code after this (the point on surface and its fallback) relies on it, so it is checked
/// here rather than assumed (the osm_ways fuzz target builds areas directly).
planner::MultiPolygon to_multipolygon(const osmium::Area& area) {
  planner::MultiPolygon shape;
  for (const osmium::OuterRing& outer : area.outer_rings()) {
    if (outer.size() < 4) continue;
    planner::Polygon polygon{to_ring(outer), {}};
    for (const osmium::InnerRing& inner : area.inner_rings(outer)) {
      if (inner.size() >= 4) polygon.holes.push_back(to_ring(inner));
    }
    shape.push_back(std::move(polygon));
  }
  return shape;
}

/// "w<way id>" or "r<relation id>" from an osmium area (whose own id is way*2 or rel*2+1).
std::string area_source_id(const osmium::Area& area) {
  return (area.from_way() ? "w" : "r") + std::to_string(area.orig_id());
}

/// Collects everything in one object; osmium calls it from the reading thread only.
class Collector : public osmium::handler::Handler {
 public:
  explicit Collector(OsmExtract& out) : m_out(out) {}

  void node(const osmium::Node& node) {
    const char* amenity = node.tags()["amenity"];
    if (!is_one_of(amenity, center_amenities) || !node.location().valid()) return;
    m_out.centers.push_back({"n" + std::to_string(node.id()), tag_or_empty(node.tags(), "name"),
                             amenity, planner::XY{node.location().lon(), node.location().lat()}});
  }

  void way(const osmium::Way& way) {
    const osmium::WayNodeList& refs = way.nodes();
    for (const osmium::NodeRef& nr : refs) {
      if (!nr.location().valid()) ++m_out.missing_node_refs;
    }
    if (is_walkable(way.tags())) add_road(way);
  }

  void area(const osmium::Area& area) {
    const osmium::TagList& tags = area.tags();
    const bool is_block = equals(tags["landuse"], "residential");
    const char* amenity = tags["amenity"];
    const bool is_center = is_one_of(amenity, center_amenities);
    if (!is_block && !is_center) return;
    planner::MultiPolygon shape = to_multipolygon(area);
    if (shape.empty()) return;
    if (is_center) {
      m_out.centers.push_back(
          {area_source_id(area), tag_or_empty(tags, "name"), amenity, representative_point(shape)});
    }
    if (is_block) {
      m_out.blocks.push_back({area_source_id(area), tag_or_empty(tags, "name"), std::string{},
                              population(tags), std::move(shape)});
    }
  }

 private:
  /// One RoadLine per run of located nodes, repeated consecutive ids collapsed first.
  void add_road(const osmium::Way& way) {
    planner::RoadLine piece;
    auto flush = [&] {
      if (piece.points.size() >= 2) {
        piece.feature_id = way.id();
        piece.highway = tag_or_empty(way.tags(), "highway");
        piece.name = tag_or_empty(way.tags(), "name");
        m_out.roads.push_back(std::move(piece));
      }
      piece = planner::RoadLine{};
    };
    osmium::object_id_type previous = 0;
    bool first = true;
    for (const osmium::NodeRef& nr : way.nodes()) {
      if (!first && nr.ref() == previous) continue;
      first = false;
      previous = nr.ref();
      if (!nr.location().valid()) {
        flush();
        continue;
      }
      piece.node_ids.push_back(nr.ref());
      piece.points.push_back({nr.location().lon(), nr.location().lat()});
    }
    flush();
  }

  /// GEOS point on surface: inside the area even when the area is concave or has holes. If GEOS
  /// rejects the shape the first outer vertex is still a point of the area's boundary.
  planner::XY representative_point(const planner::MultiPolygon& shape) {
    try {
      planner::GeomPtr geom = planner::to_geos(m_geos, shape);
      return planner::point_on_surface(m_geos, geom.get());
    } catch (const std::runtime_error&) {
      return shape.front().outer.front();
    }
  }

  OsmExtract& m_out;
  planner::GeosContext m_geos;
};

osmium::TagsFilter area_filter() {
  osmium::TagsFilter filter{false};
  filter.add_rule(true, osmium::TagMatcher{"landuse", "residential"});
  for (std::string_view amenity : center_amenities) {
    filter.add_rule(true, osmium::TagMatcher{"amenity", std::string{amenity}});
  }
  return filter;
}

OsmExtract read_extract(const osmium::io::File& file) {
  OsmExtract out;
  Collector collector{out};

  osmium::area::Assembler::config_type assembler_config;
  osmium::area::MultipolygonManager<osmium::area::Assembler> areas{assembler_config, area_filter()};
  osmium::relations::read_relations(file, areas);

  LocationIndex index;
  LocationHandler locations{index};
  locations.ignore_errors();  // a missing node leaves an invalid location: we split there

  // Relations were all taken in the first pass; this one needs nodes (locations) and ways only.
  osmium::io::Reader reader{file, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way,
                            osmium::io::read_meta::no};
  osmium::apply(reader, locations, collector,
                areas.handler([&collector](osmium::memory::Buffer&& buffer) {
                  osmium::apply(buffer, collector);
                }));
  reader.close();
  return out;
}

}  // namespace

OsmExtract read_osm(const std::string& path) {
  const DataLocation where{path, {}, std::nullopt, {}};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(where,
                     "no such OSM file; check the path (an extract ends in .osm.pbf or .osm)");
  }
  try {
    return read_extract(osmium::io::File{path});
  } catch (const InputError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;  // not the file's fault
  } catch (const std::exception& e) {
    // osmium's io_error, pbf_error, xml_error, gzip_error, bzip2_error, format detection...
    throw InputError(where, std::string{"cannot read OSM data: "} + e.what() +
                                "; the extract is damaged or not OSM data: download it again");
  }
}

void collect_osm_objects(osmium::memory::Buffer& buffer, OsmExtract& out) {
  Collector collector{out};
  osmium::apply(buffer, collector);
}

bool is_osm_path(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto ends_with = [&lower](std::string_view suffix) { return lower.ends_with(suffix); };
  return ends_with(".osm") || ends_with(".pbf") || ends_with(".osm.bz2") || ends_with(".osm.gz");
}

}  // namespace io
