// `circleplan compare` on two evaluate results of the shipped Porto sample: all 32 centers, and
// the same minus five. Checked against the result files themselves (read with GDAL, not with
// circleplan's reader): only blocks whose nearest center was closed may change, and none can get
// nearer; identical results give no change; same bytes on every run; bad inputs exit 1 naming
// layer and field.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

constexpr int closed_count = 5;

/// Writes the centers of `gpkg` except the first `skip` as GeoJSON (lon/lat) and returns the
/// ids left out.
std::set<std::string> write_centers_without_first(const std::string& gpkg, int skip,
                                                  const std::string& out) {
  std::set<std::string> skipped;
  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  if (ds == nullptr) return skipped;
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, "centers");
  std::ofstream json(out);
  json << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  int index = 0;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    const std::string id = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "center_id"));
    const std::string tier = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "tier"));
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (index++ < skip) {
      skipped.insert(id);
    } else {
      char coords[96];
      std::snprintf(coords, sizeof coords, "[%.9f,%.9f]", OGR_G_GetX(g, 0), OGR_G_GetY(g, 0));
      json << (first ? "" : ",") << "{\"type\":\"Feature\",\"properties\":{\"center_id\":\"" << id
           << "\",\"tier\":\"" << tier
           << "\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":" << coords << "}}";
      first = false;
    }
    OGR_F_Destroy(f);
  }
  json << "]}\n";
  GDALClose(ds);
  return skipped;
}

class CompareOnPorto : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir("circleplan-compare");
    const std::string porto = *s_dir / "porto.gpkg";
    auto r = run_circleplan("osm " + testing_support::data_dir() +
                            "/osm-porto/porto-2020-07.osm.pbf --out " + porto);
    s_setup = r.output;
    if (r.exit_code != 0) return;
    s_closed = write_centers_without_first(porto, closed_count, *s_dir / "fewer.geojson");
    const std::string common = "evaluate --roads " + porto + " --roads-layer roads --blocks " +
                               porto + " --blocks-layer blocks --minutes 10 --threads 2";
    r = run_circleplan(common + " --centers " + porto + " --centers-layer centers --out " + base());
    s_setup += r.output;
    if (r.exit_code != 0) return;
    r = run_circleplan(common + " --centers " + (*s_dir / "fewer.geojson") + " --out " + variant());
    s_setup += r.output;
    s_ready = r.exit_code == 0;
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static std::string base() { return *s_dir / "base.gpkg"; }
  static std::string variant() { return *s_dir / "variant.gpkg"; }

  static TempDir* s_dir;
  static std::string s_setup;
  static bool s_ready;
  static std::set<std::string> s_closed;
};
TempDir* CompareOnPorto::s_dir = nullptr;
std::string CompareOnPorto::s_setup;
bool CompareOnPorto::s_ready = false;
std::set<std::string> CompareOnPorto::s_closed;

TEST_F(CompareOnPorto, IdenticalResultsHaveNoChange) {
  ASSERT_TRUE(s_ready) << s_setup;
  TempDir out("cmp");
  const auto r = run_circleplan("compare " + base() + " " + base() + " --out " + (out / "c"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Probe p(out / "c/changes.gpkg");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.count("changes"), 0);
  EXPECT_EQ(read_file(out / "c/changes.csv"),
            "\xEF\xBB\xBF"  // the UTF-8 BOM every CSV starts with (docs/outputs.md)
            "block_id,name,comm_id,pop,min_before,min_after,min_change,st_before,st_after,"
            "ctr_before,ctr_after,change\n");
  const std::string json = read_file(out / "c/comparison.json");
  EXPECT_NE(json.find("\"unchanged\": 199"), std::string::npos) << json.substr(0, 600);
  EXPECT_NE(json.find("\"newly_covered\": 0"), std::string::npos);
  EXPECT_NE(r.output.find("0 of 199 blocks changed"), std::string::npos) << r.output;
}

TEST_F(CompareOnPorto, ClosingCentersChangesOnlyTheirBlocksAndNoneGetsNearer) {
  ASSERT_TRUE(s_ready) << s_setup;
  ASSERT_EQ(s_closed.size(), static_cast<std::size_t>(closed_count));
  TempDir out("cmp");
  const auto r = run_circleplan("compare " + base() + " " + variant() + " --out " + (out / "c"));
  ASSERT_EQ(r.exit_code, 0) << r.output;

  // The base result, read with GDAL: each block's nearest center and minutes.
  Probe b(base());
  const std::vector<std::string> ids = b.strings("blocks", "block_id");
  const std::vector<std::string> centers = b.strings("blocks", "center_id");
  const std::vector<std::string> minutes = b.strings("blocks", "minutes");
  std::map<std::string, std::pair<std::string, std::string>> base_of;
  std::size_t served_by_closed = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    base_of[ids[i]] = {centers[i], minutes[i]};
    served_by_closed += s_closed.count(centers[i]);
  }
  ASSERT_GT(served_by_closed, 0u) << "the closed centers serve no block: a useless test";

  Probe c(out / "c/changes.gpkg");
  ASSERT_TRUE(c.ok());
  const std::vector<std::string> changed = c.strings("changes", "block_id");
  const std::vector<std::string> before = c.strings("changes", "min_before");
  const std::vector<std::string> after = c.strings("changes", "min_after");
  const std::vector<std::string> ctr_before = c.strings("changes", "ctr_before");
  ASSERT_FALSE(changed.empty());
  EXPECT_LE(changed.size(), served_by_closed);
  EXPECT_TRUE(std::is_sorted(changed.begin(), changed.end()));
  for (std::size_t i = 0; i < changed.size(); ++i) {
    const auto& [center, base_minutes] = base_of.at(changed[i]);
    EXPECT_EQ(s_closed.count(center), 1u)
        << changed[i] << " changed but its center " << center << " stayed open";
    EXPECT_EQ(ctr_before[i], center);
    ASSERT_EQ(before[i].empty(), base_minutes.empty()) << changed[i];
    if (before[i].empty()) continue;
    EXPECT_EQ(std::stod(before[i]), std::stod(base_minutes)) << changed[i];
    // A subset of the centers is never nearer: equal at best (a tie with an open center).
    if (!after[i].empty()) {
      EXPECT_GE(std::stod(after[i]), std::stod(before[i])) << changed[i];
    }
  }
  const std::string json = read_file(out / "c/comparison.json");
  EXPECT_NE(json.find("\"centers_closed\": 5"), std::string::npos);
  EXPECT_NE(json.find("\"centers_opened\": 0"), std::string::npos);
  EXPECT_NE(json.find("\"minutes_lower\": 0"), std::string::npos);
  // The CSV has a header and one line per changed block.
  const std::string csv = read_file(out / "c/changes.csv");
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), changed.size() + 1);
}

TEST_F(CompareOnPorto, SameBytesOnEveryRunAndOverwriteRule) {
  ASSERT_TRUE(s_ready) << s_setup;
  TempDir out("cmp");
  const std::string args = "compare " + base() + " " + variant() + " --out ";
  ASSERT_EQ(run_circleplan(args + (out / "a")).exit_code, 0);
  ASSERT_EQ(run_circleplan(args + (out / "b")).exit_code, 0);
  for (const char* file : {"changes.gpkg", "changes.csv", "comparison.json"}) {
    EXPECT_EQ(read_file(out / (std::string("a/") + file)),
              read_file(out / (std::string("b/") + file)))
        << file;
  }
  const auto again = run_circleplan(args + (out / "a"));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("use --overwrite"), std::string::npos) << again.output;
  EXPECT_EQ(run_circleplan(args + (out / "a") + " --overwrite").exit_code, 0);
}

TEST_F(CompareOnPorto, NotAResultNamesLayerAndField) {
  ASSERT_TRUE(s_ready) << s_setup;
  TempDir out("cmp");
  const auto r =
      run_circleplan("compare " + (*s_dir / "porto.gpkg") + " " + base() + " --out " + (out / "c"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("porto.gpkg"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("layer 'centers'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("field 'snap_m'"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(out / "c"));
}

TEST(CompareCli, UsageErrorsAndHelp) {
  EXPECT_EQ(run_circleplan("compare a.gpkg").exit_code, 2);
  EXPECT_EQ(run_circleplan("compare a.gpkg b.gpkg").exit_code, 2);  // no --out
  const auto help = run_circleplan("compare --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("docs/compare.md"), std::string::npos);
}

}  // namespace
