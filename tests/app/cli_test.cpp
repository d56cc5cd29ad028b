// CLI integration: `osm` + `evaluate` on the shipped Porto sample, every output format opened
// with GDAL, determinism across thread counts, --overwrite, and bad input answered with exit 1,
// a message naming file, layer and field, and nothing written.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

namespace fs = std::filesystem;
using testing_support::contains;
using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

class CliOnPorto : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir("circleplan-cli");
    const auto r =
        run_circleplan("osm " + testing_support::data_dir() +
                       "/osm-porto/porto-2020-07.osm.pbf --out " + (*s_dir / "porto.gpkg"));
    s_osm_exit = r.exit_code;
    s_osm_output = r.output;
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static std::string porto() { return *s_dir / "porto.gpkg"; }
  static std::string inputs() {
    return "--roads " + porto() + " --roads-layer roads --centers " + porto() +
           " --centers-layer centers --blocks " + porto() + " --blocks-layer blocks";
  }
  static TempDir* s_dir;
  static int s_osm_exit;
  static std::string s_osm_output;
};
TempDir* CliOnPorto::s_dir = nullptr;
int CliOnPorto::s_osm_exit = -1;
std::string CliOnPorto::s_osm_output;

TEST_F(CliOnPorto, OsmWritesRoadsBlocksCenters) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  Probe p(porto());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.count("roads"), 10631);
  EXPECT_EQ(p.count("blocks"), 199);
  EXPECT_EQ(p.count("centers"), 32);
  for (const char* f :
       {"id", "way_id", "part", "highway", "name", "source", "target", "length_m"}) {
    EXPECT_TRUE(contains(p.fields("roads"), f)) << f;
  }
  EXPECT_NE(s_osm_output.find("7097 vertices, 10631 edges"), std::string::npos) << s_osm_output;
  EXPECT_NE(s_osm_output.find("OpenStreetMap contributors"), std::string::npos);
}

TEST_F(CliOnPorto, EvaluateWritesDocumentedLayersAndFields) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("eval");
  const auto r = run_circleplan("evaluate " + inputs() +
                                " --minutes 5,10,15 --layers nodes --out " + (out / "e.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "e.gpkg");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.count("blocks"), 199);
  EXPECT_EQ(p.count("centers"), 32);
  EXPECT_EQ(p.count("nodes"), 7097);
  EXPECT_GE(p.count("summary"), 1);
  for (const char* f : {"block_id", "name", "pop", "minutes", "center_id", "cov_share", "status"}) {
    EXPECT_TRUE(contains(p.fields("blocks"), f)) << f;
  }
  for (const char* f : {"center_id", "name", "tier", "snap_m"}) {
    EXPECT_TRUE(contains(p.fields("centers"), f)) << f;
  }
  for (const char* f : {"node_id", "minutes", "center_id"}) {
    EXPECT_TRUE(contains(p.fields("nodes"), f)) << f;
  }
  const auto statuses = p.strings("blocks", "status");
  const std::set<std::string> allowed{"covered", "uncovered", "unreachable"};
  for (const auto& s : statuses) EXPECT_TRUE(allowed.count(s)) << s;
  // OSM ids survive the osm -> evaluate round trip.
  const auto ids = p.strings("blocks", "block_id");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front().front(), 'w');
  EXPECT_TRUE(fs::exists(out / "e.summary.json"));
  EXPECT_TRUE(fs::exists(out / "e.timings.json"));
  EXPECT_NE(r.output.find("blocks: 199"), std::string::npos) << r.output;
  EXPECT_NE(read_file(out / "e.summary.json").find("\"population_known\": false"),
            std::string::npos);
}

TEST_F(CliOnPorto, ShapefileGeoJsonAndCsvFolders) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("formats");
  for (const std::string fmt : {"shp", "geojson", "csv"}) {
    const std::string dir = out / fmt;
    const auto r = run_circleplan("evaluate " + inputs() + " --format " + fmt + " --out " + dir);
    ASSERT_EQ(r.exit_code, 0) << fmt << ": " << r.output;
    EXPECT_TRUE(fs::exists(fs::path(dir) / "summary.json")) << fmt;
    const std::string ext = fmt == "shp" ? ".shp" : "." + fmt;
    Probe blocks(dir + "/blocks" + ext);
    ASSERT_TRUE(blocks.ok()) << fmt;
    EXPECT_EQ(blocks.count("blocks"), 199) << fmt;
    EXPECT_TRUE(contains(blocks.fields("blocks"), "cov_share")) << fmt;
  }
  EXPECT_NE(read_file(out / "shp/blocks.cpg").find("UTF-8"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "shp/blocks.prj"));
}

TEST_F(CliOnPorto, SameBytesWhateverTheThreadCount) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("determinism");
  const auto a = run_circleplan("evaluate " + inputs() + " --threads 1 --out " + (out / "a.gpkg"));
  const auto b = run_circleplan("evaluate " + inputs() + " --threads 2 --out " + (out / "b.gpkg"));
  ASSERT_EQ(a.exit_code, 0) << a.output;
  ASSERT_EQ(b.exit_code, 0) << b.output;
  EXPECT_EQ(read_file(out / "a.gpkg"), read_file(out / "b.gpkg"));
  EXPECT_EQ(read_file(out / "a.summary.json"), read_file(out / "b.summary.json"));
}

TEST_F(CliOnPorto, ReadingThePbfDirectlyGivesTheSameCoverage) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("direct");
  const auto a = run_circleplan("evaluate " + inputs() + " --out " + (out / "a.gpkg"));
  const auto b = run_circleplan("evaluate --roads " + testing_support::data_dir() +
                                "/osm-porto/porto-2020-07.osm.pbf --out " + (out / "b.gpkg"));
  ASSERT_EQ(a.exit_code, 0) << a.output;
  ASSERT_EQ(b.exit_code, 0) << b.output;
  Probe pa(out / "a.gpkg"), pb(out / "b.gpkg");
  EXPECT_EQ(pa.strings("blocks", "status"), pb.strings("blocks", "status"));
  EXPECT_EQ(pa.strings("blocks", "block_id"), pb.strings("blocks", "block_id"));
}

TEST_F(CliOnPorto, ExistingOutputNeedsOverwrite) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("overwrite");
  const std::string target = out / "e.gpkg";
  ASSERT_EQ(run_circleplan("evaluate " + inputs() + " --out " + target).exit_code, 0);
  const std::string before = read_file(target);
  const auto again = run_circleplan("evaluate " + inputs() + " --minutes 5 --out " + target);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("--overwrite"), std::string::npos) << again.output;
  EXPECT_EQ(read_file(target), before);
  const auto forced =
      run_circleplan("evaluate " + inputs() + " --minutes 5 --overwrite --out " + target);
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(read_file(target), before);
}

TEST_F(CliOnPorto, ServiceAreasPerCenterAndSplit) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("areas");
  const auto r = run_circleplan("evaluate " + inputs() + " --minutes 3,5 --service-areas --out " +
                                (out / "pc.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "pc.gpkg");
  EXPECT_EQ(p.count("service_areas"), 32 * 2);  // every center snaps; two rings each
  // Merged by default: one MultiLineString per center and band with reached streets (a band a
  // center reaches no street in has no row).
  EXPECT_GT(p.count("reach_edges"), 32);
  EXPECT_LE(p.count("reach_edges"), 32 * 2);
  for (const char* f : {"center_id", "tier", "from_min", "to_min", "area_m2", "pop"}) {
    EXPECT_TRUE(contains(p.fields("service_areas"), f)) << f;
  }
  for (const char* f : {"center_id", "tier", "from_min", "to_min", "length_m"}) {
    EXPECT_TRUE(contains(p.fields("reach_edges"), f)) << f;
  }
  // pieces: the table of every street piece per center; none: no layer.
  const auto pieces =
      run_circleplan("evaluate " + inputs() + " --minutes 3,5 --reach-edges pieces --out " +
                     (out / "pieces.gpkg"));
  ASSERT_EQ(pieces.exit_code, 0) << pieces.output;
  Probe pp(out / "pieces.gpkg");
  EXPECT_GT(pp.count("reach_edges"), 32 * 2);
  for (const char* f : {"edge_id", "part", "from_min", "to_min", "center_id"}) {
    EXPECT_TRUE(contains(pp.fields("reach_edges"), f)) << f;
  }
  const auto none = run_circleplan(
      "evaluate " + inputs() + " --minutes 3,5 --reach-edges none --out " + (out / "none.gpkg"));
  ASSERT_EQ(none.exit_code, 0) << none.output;
  EXPECT_EQ(Probe(out / "none.gpkg").count("reach_edges"), -1);
  EXPECT_EQ(Probe(out / "none.gpkg").count("service_areas"), 32 * 2);
  EXPECT_TRUE(contains(p.fields("centers"), "reach_blk"));
  // --overlap alone asks for the polygons (no --service-areas needed).
  const auto split = run_circleplan("evaluate " + inputs() + " --minutes 3 --overlap split --out " +
                                    (out / "split.gpkg"));
  ASSERT_EQ(split.exit_code, 0) << split.output;
  EXPECT_GT(Probe(out / "split.gpkg").count("service_areas"), 3);
  const auto dissolve =
      run_circleplan("evaluate " + inputs() + " --minutes 3,5 --overlap dissolve --out " +
                     (out / "dissolve.gpkg"));
  ASSERT_EQ(dissolve.exit_code, 0) << dissolve.output;
  Probe d(out / "dissolve.gpkg");
  EXPECT_GE(d.count("service_areas"), 2);  // two bands, per tier when centers have tiers
  EXPECT_EQ(d.count("reach_edges"), d.count("service_areas"));  // per band and tier, as they
  // Without any service-area option only the always-written layers appear.
  const auto plain =
      run_circleplan("evaluate " + inputs() + " --minutes 3 --out " + (out / "plain.gpkg"));
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_EQ(Probe(out / "plain.gpkg").count("service_areas"), -1);
}

TEST_F(CliOnPorto, MissingInputFileIsExitOneNamingTheFile) {
  TempDir out("missing");
  const auto r = run_circleplan("evaluate --roads /nonexistent/roads.gpkg --centers " + porto() +
                                " --blocks " + porto() + " --out " + (out / "e.gpkg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("/nonexistent/roads.gpkg"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST_F(CliOnPorto, WrongGeometryTypeNamesFileLayerAndFeature) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("geomtype");
  // Lines given as blocks.
  const auto r = run_circleplan("evaluate --roads " + porto() + " --roads-layer roads --centers " +
                                porto() + " --centers-layer centers --blocks " + porto() +
                                " --blocks-layer roads --out " + (out / "e.gpkg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(porto()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("layer 'roads'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("feature"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST_F(CliOnPorto, LayerWithoutCrsNeedsAssumeCrs) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("nocrs");
  // The fixture's roads without their .prj.
  for (const char* ext : {".shp", ".shx", ".dbf"}) {
    fs::copy_file(testing_support::test_data_dir() + "/layers/roads_4549" + ext,
                  out / (std::string("roads") + ext));
  }
  const std::string target = out / "result";
  const auto r = run_circleplan("evaluate --roads " + (out / "roads.shp") + " --centers " +
                                porto() + " --centers-layer centers --blocks " + porto() +
                                " --blocks-layer blocks --out " + target + ".gpkg");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("roads.shp"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--assume-crs"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(target + ".gpkg"));
}

TEST_F(CliOnPorto, UnknownFieldNamesTheField) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("field");
  const auto r =
      run_circleplan("evaluate " + inputs() + " --pop-field einwohner --out " + (out / "e.gpkg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("einwohner"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("layer 'blocks'"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST_F(CliOnPorto, UnknownLayerListsTheLayers) {
  ASSERT_EQ(s_osm_exit, 0) << s_osm_output;
  TempDir out("layer");
  const auto r = run_circleplan("evaluate " + inputs() + " --communities " + porto() +
                                " --communities-layer gemeinden --out " + (out / "e.gpkg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("gemeinden"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST_F(CliOnPorto, UsageErrorIsExitTwo) {
  EXPECT_EQ(run_circleplan("evaluate --no-such-option").exit_code, 2);
  EXPECT_EQ(run_circleplan("").exit_code, 2);
  const auto help = run_circleplan("evaluate --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("--cover-minutes"), std::string::npos);
}

}  // namespace
