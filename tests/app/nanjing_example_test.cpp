// The Chinese example (data/osm-nanjing-xuanwu, data/nanjing-scenario.toml): it runs in
// CGCS2000 / 3-degree Gauss-Kruger (EPSG:4549) with the three-tier standard; the centers read
// from the GCJ-02 CSV with --gcj02 centers give the WGS84 run's result; the scenario runs; and
// scripts/build-nanjing-example.sh reproduces the shipped files. All of it takes a few seconds.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

namespace fs = std::filesystem;
using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string example(const std::string& name) {
  return testing_support::data_dir() + "/osm-nanjing-xuanwu/" + name;
}

/// The example's layers; `centers` is the centers file.
std::string example_args(const std::string& centers) {
  return "--roads " + example("nanjing-xuanwu-2021-06.osm") + " --centers " + centers +
         " --blocks " + example("nanjing-blocks.geojson") +
         " --pop-field pop_est --crs EPSG:4549 --minutes 5,10,15";
}

struct BlockResult {
  std::string status, center_id;
  double minutes = NAN;
};

struct Row {
  std::map<std::string, std::string> fields;
  double x = NAN, y = NAN;
};

/// Every feature of a layer: its fields as text and, for points, x/y.
std::vector<Row> rows(const std::string& path, const std::string& layer) {
  GDALAllRegister();
  std::vector<Row> out;
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (ds == nullptr) return out;
  OGRLayerH l = GDALDatasetGetLayerByName(ds, layer.c_str());
  if (l != nullptr) {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
    while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
      Row row;
      for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        row.fields[OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))] =
            OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
      }
      OGRGeometryH g = OGR_F_GetGeometryRef(f);
      if (g != nullptr && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
        row.x = OGR_G_GetX(g, 0);
        row.y = OGR_G_GetY(g, 0);
      }
      out.push_back(std::move(row));
      OGR_F_Destroy(f);
    }
  }
  GDALClose(ds);
  return out;
}

std::map<std::string, BlockResult> blocks_of(const std::string& gpkg) {
  std::map<std::string, BlockResult> out;
  for (const Row& r : rows(gpkg, "blocks")) {
    BlockResult b;
    b.status = r.fields.at("status");
    b.center_id = r.fields.at("center_id");
    const std::string& m = r.fields.at("minutes");
    b.minutes = m.empty() ? NAN : std::stod(m);
    out[r.fields.at("block_id")] = b;
  }
  return out;
}

TEST(NanjingExample, EvaluatesInCgcs2000WithTheThreeTierStandard) {
  TempDir out("circleplan-nanjing-eval");
  const auto r =
      run_circleplan("evaluate " + example_args(example("nanjing-centers.geojson")) +
                     " --standard " + testing_support::data_dir() +
                     "/standards/nanjing-three-tier.toml --out " + (out / "nanjing.gpkg"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("blocks: 17"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("centers: 9"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("standard '南京示例三级标准"), std::string::npos) << r.output;
  for (const char* tier : {"村社区级 (walk_min 10)", "区镇级 (walk_min 15)", "市级 (walk_min 30)"})
    EXPECT_NE(r.output.find(tier), std::string::npos) << tier << "\n" << r.output;
  const std::string summary = read_file(out / "nanjing.summary.json");
  EXPECT_NE(summary.find("EPSG:4549"), std::string::npos) << summary;
  EXPECT_EQ(Probe(out / "nanjing.gpkg").count("blocks"), 17);
}

TEST(NanjingExample, Gcj02CentersGiveTheWgs84Result) {
  TempDir out("circleplan-nanjing-gcj02");
  const auto wgs = run_circleplan("evaluate " + example_args(example("nanjing-centers.geojson")) +
                                  " --out " + (out / "wgs84.gpkg"));
  ASSERT_EQ(wgs.exit_code, 0) << wgs.output;
  const auto gcj = run_circleplan("evaluate " + example_args(example("nanjing-centers-gcj02.csv")) +
                                  " --gcj02 centers --out " + (out / "gcj02.gpkg"));
  ASSERT_EQ(gcj.exit_code, 0) << gcj.output;
  EXPECT_NE(gcj.output.find("CRS WGS 84 (lon/lat columns, GCJ-02)"), std::string::npos)
      << gcj.output;

  const auto a = blocks_of(out / "wgs84.gpkg");
  const auto b = blocks_of(out / "gcj02.gpkg");
  ASSERT_EQ(a.size(), 17u);
  ASSERT_EQ(b.size(), a.size());
  for (const auto& [id, block] : a) {
    ASSERT_EQ(b.count(id), 1u) << id;
    EXPECT_EQ(b.at(id).status, block.status) << id;
    EXPECT_EQ(b.at(id).center_id, block.center_id) << id;
    if (!(std::isnan(block.minutes) && std::isnan(b.at(id).minutes))) {
      EXPECT_NEAR(b.at(id).minutes, block.minutes, 1e-6) << id;
    }
  }
  // Centers in the run CRS (metres): the GCJ-02 copy comes back to within 0.01 m.
  std::map<std::string, Row> centers;
  for (Row& r : rows(out / "wgs84.gpkg", "centers")) centers[r.fields["center_id"]] = r;
  const auto converted = rows(out / "gcj02.gpkg", "centers");
  ASSERT_EQ(converted.size(), 9u);
  for (const Row& r : converted) {
    const Row& w = centers.at(r.fields.at("center_id"));
    EXPECT_LT(std::hypot(r.x - w.x, r.y - w.y), 0.01) << r.fields.at("center_id");
  }
}

TEST(NanjingExample, Gcj02TakesNoValueAllOrAListAndRefusesUnknownLayers) {
  TempDir out("circleplan-nanjing-gcj02-option");
  const std::string args = example_args(example("nanjing-centers-gcj02.csv"));
  // Bare: every layer, the OSM roads too (as before the list existed).
  const auto all = run_circleplan("evaluate " + args + " --gcj02 --out " + (out / "all.gpkg"));
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_NE(all.output.find("(OSM), 379 features, CRS WGS 84 (GCJ-02)"), std::string::npos)
      << all.output;
  const auto some =
      run_circleplan("evaluate --gcj02 centers,blocks " + args + " --out " + (out / "some.gpkg"));
  ASSERT_EQ(some.exit_code, 0) << some.output;
  EXPECT_NE(some.output.find("(OSM), 379 features, CRS WGS 84, text"), std::string::npos)
      << some.output;
  EXPECT_NE(some.output.find("GeoJSON), 17 features, CRS WGS 84 (GCJ-02)"), std::string::npos)
      << some.output;
  const auto bad =
      run_circleplan("evaluate " + args + " --gcj02 centres --out " + (out / "bad.gpkg"));
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("unknown layer 'centres'"), std::string::npos) << bad.output;
  EXPECT_FALSE(fs::exists(out / "bad.gpkg"));
}

TEST(NanjingExample, ScenarioRunsEveryVariant) {
  TempDir out("circleplan-nanjing-scenario");
  const auto r = run_circleplan("run " + testing_support::data_dir() +
                                "/nanjing-scenario.toml --out " + (out / "s"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* variant : {"base", "close-wulaocun-station", "two-new-stations", "elderly-speed",
                              "wenchang-lane-closed"}) {
    EXPECT_TRUE(fs::exists(out / ("s/" + std::string(variant) + ".gpkg"))) << variant;
  }
  // The added stations' GCJ-02 lon/lat were converted with the centers: each lands by the
  // WGS84 spot it was picked at, not some 500 m away (the GCJ-02 offset here).
  const std::map<std::string, std::pair<double, double>> picked{{"N1", {118.7662, 32.0378}},
                                                                {"N2", {118.7750, 32.0355}}};
  OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
  OGRSpatialReferenceH gk = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(wgs84, 4326);
  OSRImportFromEPSG(gk, 4549);
  OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(gk, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH to_gk = OCTNewCoordinateTransformation(wgs84, gk);
  int found = 0;
  for (const Row& c : rows(out / "s/two-new-stations.gpkg", "centers")) {
    const auto spot = picked.find(c.fields.at("center_id"));
    if (spot == picked.end()) continue;
    ++found;
    double x = spot->second.first, y = spot->second.second;
    ASSERT_TRUE(OCTTransform(to_gk, 1, &x, &y, nullptr));
    EXPECT_LT(std::hypot(c.x - x, c.y - y), 1.0) << spot->first;
  }
  OCTDestroyCoordinateTransformation(to_gk);
  OSRDestroySpatialReference(wgs84);
  OSRDestroySpatialReference(gk);
  EXPECT_EQ(found, 2);
}

TEST(NanjingExample, ScriptReproducesTheShippedFiles) {
  if (std::system("/usr/bin/python3 -c 'import osgeo' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "Debian's python3-gdal is missing (scripts/setup-deps.sh installs it)";
  }
  TempDir out("circleplan-nanjing-build");
  const std::string cmd = "bash " + std::string(CIRCLEPLAN_SOURCE_DIR) +
                          "/scripts/build-nanjing-example.sh " + testing_support::circleplan_bin() +
                          " " + out.path().string() + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  for (const char* file :
       {"nanjing-blocks.geojson", "nanjing-centers.geojson", "nanjing-centers-gcj02.csv"}) {
    EXPECT_EQ(read_file(out / file), read_file(example(file))) << file;
  }
}

}  // namespace
