// read_osm() on a drawn OSM file (the walkable rule and the block/center tags) and on the real
// extracts shipped with the repository, against the counts in their SOURCE.md notes.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/osm/osm_reader.h"
#include "planner/network/edge_set.h"
#include "test_paths.h"

namespace io {
namespace {

/// WALKABLE.md's comparison length, kept here so these tests do not depend on io/length_model.
double haversine_m(planner::XY a, planner::XY b) {
  constexpr double r = 6371008.8;
  constexpr double rad = M_PI / 180.0;
  const double dlat = (b.y - a.y) * rad;
  const double dlon = (b.x - a.x) * rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.y * rad) * std::cos(b.y * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * r * std::asin(std::sqrt(h));
}

void measure_haversine(std::vector<planner::RoadLine>& roads) {
  for (planner::RoadLine& line : roads) {
    line.segment_m.clear();
    for (std::size_t i = 1; i < line.points.size(); ++i) {
      line.segment_m.push_back(haversine_m(line.points[i - 1], line.points[i]));
    }
  }
}

// Drawn network (lon/lat degrees; node ids in brackets, way ids on the lines):
//
//   [1] ----100---- [2] ----100---- [3] ---106--- ([99] missing) ---106--- [4]
//    way 100: 1 2 2 3 (the repeated 2 collapses); way 106: 1 2 99 3 4 -> pieces 1 2 and 3 4.
//    Ways 101..112 run 1 -> 3 with the tags in the table; kept ones are marked *.
//
//   [10]---[11]    w200 landuse=residential population=1200 name=幸福小区 (and w202 on the same
//    |      |      nodes: amenity=social_centre)
//   [13]---[12]
//   [20]..[23]     w201 landuse=residential population="1,200" (no population)
//   r300           multipolygon landuse=residential: outer w203 [40..43], inner w204 [44..47]
//   [30] amenity=townhall, [31] amenity=community_centre, [32] amenity=school (not a center)
constexpr const char* drawn_osm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <node id="1" version="1" lat="0" lon="0"/>
  <node id="2" version="1" lat="0" lon="0.001"/>
  <node id="3" version="1" lat="0" lon="0.002"/>
  <node id="4" version="1" lat="0" lon="0.003"/>
  <node id="10" version="1" lat="1" lon="1"/>
  <node id="11" version="1" lat="1" lon="1.001"/>
  <node id="12" version="1" lat="0.999" lon="1.001"/>
  <node id="13" version="1" lat="0.999" lon="1"/>
  <node id="20" version="1" lat="2" lon="2"/>
  <node id="21" version="1" lat="2" lon="2.001"/>
  <node id="22" version="1" lat="1.999" lon="2.001"/>
  <node id="23" version="1" lat="1.999" lon="2"/>
  <node id="30" version="1" lat="3" lon="3"><tag k="amenity" v="townhall"/><tag k="name" v="街道办事处"/></node>
  <node id="31" version="1" lat="3" lon="3.001"><tag k="amenity" v="community_centre"/></node>
  <node id="32" version="1" lat="3" lon="3.002"><tag k="amenity" v="school"/></node>
  <node id="40" version="1" lat="4" lon="4"/>
  <node id="41" version="1" lat="4" lon="4.01"/>
  <node id="42" version="1" lat="3.99" lon="4.01"/>
  <node id="43" version="1" lat="3.99" lon="4"/>
  <node id="44" version="1" lat="3.998" lon="4.002"/>
  <node id="45" version="1" lat="3.998" lon="4.008"/>
  <node id="46" version="1" lat="3.992" lon="4.008"/>
  <node id="47" version="1" lat="3.992" lon="4.002"/>
  <way id="100" version="1"><nd ref="1"/><nd ref="2"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/><tag k="name" v="南京东路"/></way>
  <way id="101" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="motorway"/></way>
  <way id="102" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="residential"/><tag k="foot" v="no"/></way>
  <way id="103" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="service"/><tag k="access" v="private"/></way>
  <way id="104" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="service"/><tag k="access" v="private"/><tag k="foot" v="yes"/></way>
  <way id="105" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="path"/><tag k="access" v="no"/><tag k="foot" v="permissive"/></way>
  <way id="106" version="1"><nd ref="1"/><nd ref="2"/><nd ref="99"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
  <way id="107" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="construction"/></way>
  <way id="108" version="1"><nd ref="1"/><nd ref="3"/><tag k="building" v="yes"/></way>
  <way id="109" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="access" v="no"/><tag k="foot" v="designated"/><tag k="area" v="yes"/></way>
  <way id="110" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="footway"/><tag k="access" v="no"/></way>
  <way id="111" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="steps"/><tag k="access" v="private"/><tag k="foot" v="no"/></way>
  <way id="112" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="platform"/></way>
  <way id="200" version="1"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/><tag k="landuse" v="residential"/><tag k="population" v="1200"/><tag k="name" v="幸福小区"/></way>
  <way id="201" version="1"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="23"/><nd ref="20"/><tag k="landuse" v="residential"/><tag k="population" v="1,200"/></way>
  <way id="202" version="1"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/><tag k="amenity" v="social_centre"/></way>
  <way id="203" version="1"><nd ref="40"/><nd ref="41"/><nd ref="42"/><nd ref="43"/><nd ref="40"/></way>
  <way id="204" version="1"><nd ref="44"/><nd ref="45"/><nd ref="46"/><nd ref="47"/><nd ref="44"/></way>
  <relation id="300" version="1"><member type="way" ref="203" role="outer"/><member type="way" ref="204" role="inner"/><tag k="type" v="multipolygon"/><tag k="landuse" v="residential"/></relation>
</osm>
)";

class DrawnOsm : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One file per process: ctest runs this suite's tests side by side, and a file one process
    // rewrites while another reads it was read half-written (the test then did not run).
    s_path =
        ::testing::TempDir() + "circleplan_osm_reader_test_" + std::to_string(::getpid()) + ".osm";
    std::ofstream(s_path) << drawn_osm;
    s_extract = read_osm(s_path);
  }
  static void TearDownTestSuite() { std::remove(s_path.c_str()); }
  static inline std::string s_path;
  static inline OsmExtract s_extract;
};

TEST_F(DrawnOsm, WalkableRuleAndWaySplitting) {
  std::vector<std::int64_t> ways;
  for (const planner::RoadLine& r : s_extract.roads) ways.push_back(r.feature_id);
  EXPECT_EQ(ways, (std::vector<std::int64_t>{100, 104, 105, 106, 106, 109}));
  EXPECT_EQ(s_extract.roads[0].node_ids, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(s_extract.roads[0].highway, "footway");
  EXPECT_EQ(s_extract.roads[0].name, "南京东路");
  EXPECT_EQ(s_extract.roads[0].points[1], (planner::XY{0.001, 0.0}));  // x = lon, y = lat
  EXPECT_TRUE(s_extract.roads[0].segment_m.empty());
  EXPECT_EQ(s_extract.roads[3].node_ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(s_extract.roads[4].node_ids, (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(s_extract.missing_node_refs, 1u);
}

TEST_F(DrawnOsm, BlocksWithPopulationAndHoles) {
  std::map<std::string, const planner::Block*> by_id;
  for (const planner::Block& b : s_extract.blocks) by_id[b.id] = &b;
  ASSERT_EQ(by_id.size(), 3u);
  ASSERT_TRUE(by_id.count("w200") && by_id.count("w201") && by_id.count("r300"));
  EXPECT_EQ(by_id["w200"]->name, "幸福小区");
  EXPECT_EQ(by_id["w200"]->pop, 1200.0);
  EXPECT_FALSE(by_id["w201"]->pop.has_value());
  const planner::MultiPolygon& r300 = by_id["r300"]->shape;
  ASSERT_EQ(r300.size(), 1u);
  EXPECT_EQ(r300[0].outer.size(), 5u);
  EXPECT_EQ(r300[0].outer.front(), r300[0].outer.back());
  ASSERT_EQ(r300[0].holes.size(), 1u);
}

TEST_F(DrawnOsm, CentersFromNodesAndAreas) {
  std::map<std::string, const planner::Center*> by_id;
  for (const planner::Center& c : s_extract.centers) by_id[c.id] = &c;
  ASSERT_EQ(by_id.size(), 3u);
  ASSERT_TRUE(by_id.count("n30") && by_id.count("n31") && by_id.count("w202"));
  EXPECT_EQ(by_id["n30"]->tier, "townhall");
  EXPECT_EQ(by_id["n30"]->name, "街道办事处");
  EXPECT_EQ(by_id["n30"]->pos, (planner::XY{3.0, 3.0}));
  EXPECT_EQ(by_id["w202"]->tier, "social_centre");
  const planner::XY p = by_id["w202"]->pos;  // strictly inside the square, not on its corners
  EXPECT_GT(p.x, 1.0);
  EXPECT_LT(p.x, 1.001);
  EXPECT_GT(p.y, 0.999);
  EXPECT_LT(p.y, 1.0);
}

TEST(OsmReader, BadFilesAreInputErrors) {
  const std::string missing = "/nonexistent/nowhere.osm.pbf";
  try {
    read_osm(missing);
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, missing);
    EXPECT_NE(std::string{e.what()}.find(missing), std::string::npos);
  }
  const std::string garbage = ::testing::TempDir() + "circleplan_garbage.osm.pbf";
  std::ofstream(garbage) << "this is not a protocol buffer";
  EXPECT_THROW(read_osm(garbage), InputError);
  const std::string not_osm = testing_support::test_data_dir() + "/osm-west-oakland/SOURCE.md";
  EXPECT_THROW(read_osm(not_osm), InputError);
}

TEST(OsmReader, IsOsmPath) {
  for (const char* yes :
       {"a.osm", "a.osm.pbf", "A.OSM.PBF", "dir/x.pbf", "a.osm.bz2", "a.osm.gz"}) {
    EXPECT_TRUE(is_osm_path(yes)) << yes;
  }
  for (const char* no : {"a.gpkg", "a.shp", "a.geojson", "osm", "a.osm.zip", "a.bz2"}) {
    EXPECT_FALSE(is_osm_path(no)) << no;
  }
}

// Clipped by a bounding box: 761 way node references point outside the file (osmium check-refs).
TEST(OsmReader, WestOakland) {
  const std::string path =
      testing_support::test_data_dir() + "/osm-west-oakland/west-oakland-2016-07.osm";
  OsmExtract ex = read_osm(path);
  EXPECT_EQ(ex.missing_node_refs, 761u);
  for (const planner::RoadLine& r : ex.roads) {
    ASSERT_GE(r.points.size(), 2u);
    ASSERT_EQ(r.node_ids.size(), r.points.size());
  }
  measure_haversine(ex.roads);
  const planner::EdgeSet edges = planner::split_into_edges(ex.roads);
  EXPECT_EQ(edges.vertex_count(), 522u);
  EXPECT_EQ(edges.edge_count(), 748u);

  // 11 objects carry landuse=residential (10 ways, 1 relation). Four of the ways and the only
  // outer way of the relation have none of their nodes in the clip, so nothing can be
  // assembled for them: osmium's assembler (and GDAL's OSM driver) give the same 6.
  std::vector<std::string> ids;
  for (const planner::Block& b : ex.blocks) ids.push_back(b.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"w28714767", "w28714774", "w53291528", "w53291829",
                                           "w53292187", "w394485450"}));
  EXPECT_TRUE(ex.centers.empty());
}

TEST(OsmReader, Porto) {
  const std::string path = testing_support::data_dir() + "/osm-porto/porto-2020-07.osm.pbf";
  OsmExtract ex = read_osm(path);
  EXPECT_EQ(ex.missing_node_refs, 0u);
  measure_haversine(ex.roads);
  const planner::EdgeSet edges = planner::split_into_edges(ex.roads);
  EXPECT_EQ(edges.vertex_count(), 7097u);
  EXPECT_EQ(edges.edge_count(), 10631u);

  // Cutting keeps every metre: the edges add up to the lines.
  double lines_m = 0.0;
  double edges_m = 0.0;
  for (const planner::RoadLine& r : ex.roads) {
    for (double d : r.segment_m) lines_m += d;
  }
  for (double d : edges.edge_length_m) edges_m += d;
  EXPECT_NEAR(edges_m, lines_m, 1e-6 * lines_m);

  EXPECT_EQ(ex.blocks.size(), 199u);

  // SOURCE.md: community_centre 7, social_facility 17, townhall 8; 11 nodes, 20 ways, 1 relation.
  std::map<std::string, int> by_tier;
  std::map<char, int> by_kind;
  for (const planner::Center& c : ex.centers) {
    ++by_tier[c.tier];
    ++by_kind[c.id.at(0)];
    EXPECT_GT(c.pos.x, -8.6766383);  // inside the data's bounding box
    EXPECT_LT(c.pos.x, -8.4861598);
    EXPECT_GT(c.pos.y, 41.0686329);
    EXPECT_LT(c.pos.y, 41.1624598);
  }
  EXPECT_EQ(ex.centers.size(), 32u);
  EXPECT_EQ(by_tier, (std::map<std::string, int>{
                         {"community_centre", 7}, {"social_facility", 17}, {"townhall", 8}}));
  EXPECT_EQ(by_kind, (std::map<char, int>{{'n', 11}, {'r', 1}, {'w', 20}}));
}

TEST(OsmReader, ShanghaiChineseNamesRoundTrip) {
  const std::string path =
      testing_support::test_data_dir() + "/osm-shanghai-huangpu/shanghai-huangpu-drive-2026-07.osm";
  const OsmExtract ex = read_osm(path);
  int yanan = 0;
  int named = 0;
  for (const planner::RoadLine& r : ex.roads) {
    if (r.name == "延安东路") ++yanan;
    if (!r.name.empty()) ++named;
  }
  EXPECT_GT(yanan, 0);
  EXPECT_GT(named, 100);
  // 796 ways, all highway: trunk 25 and trunk_link 75 are not walkable, and 3 residential
  // ways carry access=no without a foot tag.
  EXPECT_EQ(ex.roads.size(), 693u);
}

}  // namespace
}  // namespace io
