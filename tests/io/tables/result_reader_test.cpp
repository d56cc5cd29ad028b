// read_result against files written by io/result_layers from a hand-worked evaluation: the
// snapshot read back equals the one taken in memory (compare finds no change, fields equal), and
// wrong files are InputErrors naming file, layer, feature and field.
#include "io/tables/result_reader.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/layer_writer.h"
#include "io/tables/result_layers.h"
#include "planner/coverage/evaluation.h"
#include "tests/app/cli_runner.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::CoverStatus;
using testing_support::TempDir;

//   0 ---100--- 1 ---100--- 2          C: center 10 m north of the middle of 0-1
//        C      |                     A: block 45 s from C; B: 415 s; F: unreachable
//          A   300                    (hand-worked in tests/planner/coverage/evaluation_test.cpp)
//               3 ---50--- 4
//                          B
struct Fixture {
  planner::Network net = testing_support::drawn_network(
      {{0, 0}, {100, 0}, {200, 0}, {100, -300}, {150, -300}}, {{0, 1}, {1, 2}, {1, 3}, {3, 4}});
  planner::Inputs in;
  planner::Evaluation ev;
  std::vector<planner::CenterReach> reach{{1, 100.0}, {1, 200.0}};

  Fixture() {
    in.centers.push_back({"C", "center <1>", "station", {50, 10}});
    in.centers.push_back({"D", "", "district", {150, -290}});
    in.blocks.push_back({"A", "a & co", "k1", 100.0, testing_support::square({80, -5}, 1.0)});
    in.blocks.push_back({"B", "", "k1", std::nullopt, testing_support::square({150, -305}, 1.0)});
    in.blocks.push_back({"F", "f", "", 50.0, testing_support::square({1000, 1000}, 1.0)});
    planner::EvaluationParams p;
    p.speed_kmh = 3.6;
    p.minutes = {6.0};
    p.sample_spacing_m = 1.0;
    p.threads = 1;
    ev = planner::evaluate(net, in, p);
  }

  std::vector<io::OutputLayer> layers() const {
    return {io::blocks_layer(in, ev), io::centers_layer(in, ev, reach),
            io::communities_layer(in, ev), io::summary_layer(ev)};
  }
};

void write(const std::string& path, const std::vector<io::OutputLayer>& layers) {
  io::WriteOptions options;
  options.crs_wkt = "EPSG:32629";
  io::write_layers(path, layers, options);
}

std::string error_of(const std::string& path) {
  try {
    io::read_result(path);
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ResultReader, RoundTripEqualsTheSnapshotInMemory) {
  const Fixture f;
  TempDir dir("result-reader");
  write(dir / "r.gpkg", f.layers());
  const io::ResultFile read = io::read_result(dir / "r.gpkg");
  const planner::ResultSnapshot mem = planner::snapshot_of(f.in, f.ev, &f.reach);
  const planner::ResultSnapshot& got = read.snapshot;

  EXPECT_NE(read.crs_wkt.find("32629"), std::string::npos) << read.crs_wkt;
  EXPECT_EQ(got.has_population, mem.has_population);
  ASSERT_EQ(got.blocks.size(), mem.blocks.size());
  for (std::size_t i = 0; i < mem.blocks.size(); ++i) {
    const planner::BlockResult &a = mem.blocks[i], &b = got.blocks[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.name, a.name);
    EXPECT_EQ(b.community, a.community);
    EXPECT_EQ(b.pop, a.pop) << a.id;
    EXPECT_EQ(b.minutes, a.minutes) << a.id;  // GeoPackage keeps doubles exactly
    EXPECT_EQ(b.status, a.status);
    EXPECT_EQ(b.center_id, a.center_id);
    EXPECT_EQ(b.center_tier, a.center_tier);
    ASSERT_EQ(b.shape.size(), 1u);
    EXPECT_EQ(b.shape[0].outer, a.shape[0].outer);
  }
  ASSERT_EQ(got.centers.size(), 2u);
  EXPECT_EQ(got.centers[0].name, "center <1>");
  EXPECT_EQ(got.centers[1].tier, "district");
  EXPECT_EQ(got.centers[0].reach_blk, mem.centers[0].reach_blk);
  EXPECT_EQ(got.centers[1].reach_pop, mem.centers[1].reach_pop);
  EXPECT_EQ(got.centers[1].served_blk, mem.centers[1].served_blk);
  EXPECT_TRUE(got.centers[0].attached);
  EXPECT_EQ(got.centers[1].pos, (planner::XY{150, -290}));
  ASSERT_EQ(got.scopes.size(), mem.scopes.size());
  for (std::size_t i = 0; i < mem.scopes.size(); ++i) {
    EXPECT_EQ(got.scopes[i].scope, mem.scopes[i].scope);
    EXPECT_EQ(got.scopes[i].covered, mem.scopes[i].covered);
    EXPECT_EQ(got.scopes[i].covered_pop, mem.scopes[i].covered_pop);
    EXPECT_EQ(got.scopes[i].covered_share, mem.scopes[i].covered_share);
  }
  const planner::Comparison c = planner::compare(mem, got);
  EXPECT_EQ(c.counts.unchanged, 3u);
  EXPECT_EQ(c.counts.centers_reach_changed, 0u);
}

TEST(ResultReader, MissingLayerNamesFileAndLayer) {
  const Fixture f;
  TempDir dir("result-reader");
  std::vector<io::OutputLayer> layers = f.layers();
  layers.pop_back();  // no summary
  write(dir / "r.gpkg", layers);
  const std::string message = error_of(dir / "r.gpkg");
  EXPECT_NE(message.find("r.gpkg"), std::string::npos) << message;
  EXPECT_NE(message.find("layer 'summary'"), std::string::npos) << message;
}

TEST(ResultReader, MissingFieldNamesLayerAndField) {
  const Fixture f;
  TempDir dir("result-reader");
  std::vector<io::OutputLayer> layers = f.layers();
  io::OutputLayer& blocks = layers[0];
  ASSERT_EQ(blocks.fields[3].name, "minutes");
  blocks.fields.erase(blocks.fields.begin() + 3);
  for (auto& row : blocks.rows) row.erase(row.begin() + 3);
  write(dir / "r.gpkg", layers);
  const std::string message = error_of(dir / "r.gpkg");
  EXPECT_NE(message.find("layer 'blocks'"), std::string::npos) << message;
  EXPECT_NE(message.find("field 'minutes'"), std::string::npos) << message;
}

TEST(ResultReader, TextWhereANumberBelongsIsAnError) {
  const Fixture f;
  TempDir dir("result-reader");
  std::vector<io::OutputLayer> layers = f.layers();
  layers[0].fields[3].type = io::FieldType::text;  // minutes as text
  for (auto& row : layers[0].rows) row[3] = std::string("12");
  write(dir / "r.gpkg", layers);
  const std::string message = error_of(dir / "r.gpkg");
  EXPECT_NE(message.find("field 'minutes'"), std::string::npos) << message;
  EXPECT_NE(message.find("a number was expected"), std::string::npos) << message;
}

TEST(ResultReader, UnknownStatusNamesFeatureAndField) {
  const Fixture f;
  TempDir dir("result-reader");
  std::vector<io::OutputLayer> layers = f.layers();
  ASSERT_EQ(layers[0].fields[6].name, "status");
  layers[0].rows[1][6] = std::string("maybe");
  write(dir / "r.gpkg", layers);
  const std::string message = error_of(dir / "r.gpkg");
  EXPECT_NE(message.find("field 'status'"), std::string::npos) << message;
  EXPECT_NE(message.find("feature 2"), std::string::npos) << message;  // GeoPackage FIDs from 1
  EXPECT_NE(message.find("'maybe'"), std::string::npos) << message;
}

TEST(ResultReader, MissingFileIsAnInputError) {
  const std::string message = error_of("/nonexistent/result.gpkg");
  EXPECT_NE(message.find("/nonexistent/result.gpkg"), std::string::npos) << message;
  EXPECT_NE(message.find("no such file"), std::string::npos) << message;
}

}  // namespace
