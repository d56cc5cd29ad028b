// The network health report end to end on the Porto sample: the diagnostics layer written by
// evaluate and osm, its rows agreeing with the counts in summary.json, the summary layer and the
// printed summary, and every message naming what to fix.
#include <algorithm>
#include <regex>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/gdal_probe.h"

namespace {

using testing_support::Probe;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

/// The integer after "key": in a JSON text (the first occurrence), or -1.
long long json_int(const std::string& json, const std::string& key) {
  std::smatch m;
  if (!std::regex_search(json, m, std::regex("\"" + key + "\": (\\d+)"))) return -1;
  return std::stoll(m[1]);
}

long long count_of(const std::vector<std::string>& values, const std::string& v) {
  return std::count(values.begin(), values.end(), v);
}

TEST(DiagnosticsCli, EvaluateAndOsmWriteTheHealthReport) {
  TempDir dir("diag-cli");
  const std::string porto = dir / "porto.gpkg";
  const auto osm = run_circleplan("osm " + testing_support::data_dir() +
                                  "/osm-porto/porto-2020-07.osm.pbf --out " + porto);
  ASSERT_EQ(osm.exit_code, 0) << osm.output;
  {
    Probe p(porto);
    ASSERT_TRUE(p.ok());
    EXPECT_GE(p.count("diagnostics"), 0);
    const std::string osm_summary = read_file(dir / "porto.summary.json");
    const auto kinds = p.strings("diagnostics", "kind");
    EXPECT_EQ(count_of(kinds, "island"), json_int(osm_summary, "islands"));
    EXPECT_EQ(count_of(kinds, "long_edge"), json_int(osm_summary, "long_edges"));
  }

  const std::string out = dir / "e.gpkg";
  const auto r = run_circleplan("evaluate --roads " + porto + " --roads-layer roads --centers " +
                                porto + " --centers-layer centers --blocks " + porto +
                                " --blocks-layer blocks --long-edge-m 300 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string summary = read_file(dir / "e.summary.json");
  Probe p(out);
  ASSERT_TRUE(p.ok());
  for (const char* f : {"kind", "severity", "obj_type", "obj_id", "edge", "value", "message"}) {
    const auto fields = p.fields("diagnostics");
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
  const auto kinds = p.strings("diagnostics", "kind");
  // Every component but the largest is listed, as an island or as a component.
  const long long components = json_int(summary, "components");
  ASSERT_GE(components, 1);
  EXPECT_EQ(count_of(kinds, "island") + count_of(kinds, "component"), components - 1);
  EXPECT_EQ(count_of(kinds, "island"), json_int(summary, "islands"));
  EXPECT_EQ(count_of(kinds, "long_edge"), json_int(summary, "long_edges"));
  EXPECT_EQ(count_of(kinds, "zero_edge"), json_int(summary, "zero_edges"));
  EXPECT_EQ(count_of(kinds, "duplicate_edge"), json_int(summary, "duplicate_edges"));
  EXPECT_EQ(count_of(kinds, "center_on_island"), json_int(summary, "centers_on_islands"));
  EXPECT_EQ(count_of(kinds, "block_on_island"), json_int(summary, "blocks_on_islands"));
  // Porto's OSM streets have some edges over 300 m (bridges, long avenues between junctions).
  EXPECT_GT(json_int(summary, "long_edges"), 0) << summary;
  // Every long edge names its road feature and the threshold.
  const auto messages = p.strings("diagnostics", "message");
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_FALSE(messages[i].empty());
    if (kinds[i] == "long_edge") {
      EXPECT_NE(messages[i].find("road feature"), std::string::npos) << messages[i];
      EXPECT_NE(messages[i].find("over 300 m"), std::string::npos) << messages[i];
    }
  }
  // The summary layer's "all" row carries the same counts.
  EXPECT_EQ(p.strings("summary", "components").front(), std::to_string(components));
  EXPECT_EQ(p.strings("summary", "long_edges").front(),
            std::to_string(json_int(summary, "long_edges")));
  EXPECT_NE(r.output.find("network health"), std::string::npos) << r.output;
}

TEST(DiagnosticsCli, ThresholdsOutOfRangeAreUsageErrors) {
  const auto r = run_circleplan(
      "evaluate --roads a.gpkg --centers a.gpkg --blocks a.gpkg "
      "--long-edge-m 0 --out /tmp/never-written.gpkg");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--long-edge-m"), std::string::npos) << r.output;
}

}  // namespace
