// The interactive report maps: Debian's Leaflet inlined with its images and licence, the data
// in WGS84 with 6 decimals, text that cannot close the script, and SVG maps when Leaflet is
// missing. tests/io/report/report_browser_test.py drives the maps in headless Chromium.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/report/html_report.h"
#include "io/report/leaflet_assets.h"

namespace {

namespace fs = std::filesystem;

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

planner::MultiPolygon rect(double x0, double y0, double x1, double y1) {
  planner::Polygon p;
  p.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

// Around lon -8.61, lat 41.15 in UTM 29N (Porto).
constexpr double x0 = 532000, y0 = 4555000;

struct Report {
  planner::ResultSnapshot base, variant;
  planner::Comparison comparison;
  planner::EdgeSet streets;

  Report() {
    base.cover_minutes = 15;
    planner::BlockResult b;
    b.id = "B1";
    b.name = "</script><script>alert(1)</script>";
    b.minutes = 4.25;
    b.status = planner::CoverStatus::covered;
    b.center_id = "c1";
    b.shape = rect(x0, y0, x0 + 100, y0 + 100);
    base.blocks = {b};
    planner::CenterResult c;
    c.id = "c1";
    c.name = "站 & <点>";
    c.tier = "村社区级";
    c.pos = {x0 + 50, y0 + 50};
    base.centers = {c};
    variant = base;
    variant.blocks[0].minutes = 7.5;
    variant.centers[0].id = "c2";  // c1 closed, c2 opened
    comparison = planner::compare(base, variant);
    streets.points = {{x0, y0}, {x0 + 100, y0}};
    streets.first_point = {0, 2};
    streets.edge_tail = {0};
    streets.edge_head = {1};
  }

  io::ReportInput input(std::optional<io::LeafletAssets> leaflet) const {
    io::ReportInput in;
    in.title = "t";
    in.base = &base;
    in.variants.push_back({"v", &variant, &comparison});
    in.crs = "EPSG:32629";
    in.minutes = {5, 10, 15};
    in.streets = &streets;
    in.leaflet = std::move(leaflet);
    return in;
  }
};

TEST(LeafletAssets, DebiansLeafletIsInlinedWithItsImagesAndLicence) {
  std::string why;
  const auto assets = io::load_leaflet_assets(why);
  ASSERT_TRUE(assets) << why << " (scripts/setup-deps.sh installs libjs-leaflet)";
  EXPECT_GT(assets->script.size(), 50000u);
  EXPECT_EQ(assets->script.find("sourceMappingURL"), std::string::npos);
  EXPECT_EQ(assets->styles.find("url(images/"), std::string::npos);
  EXPECT_NE(assets->styles.find("url(data:image/png;base64,"), std::string::npos);
  EXPECT_NE(assets->licence.find("Vladimir Agafonkin"), std::string::npos) << assets->licence;
  EXPECT_NE(assets->licence.find("Redistributions of source code must retain"), std::string::npos);
  EXPECT_FALSE(assets->version.empty());
}

TEST(LeafletAssets, MissingFilesSayWhatIsMissing) {
  std::string why;
  EXPECT_FALSE(io::load_leaflet_assets(why, "/nonexistent/leaflet"));
  EXPECT_NE(why.find("libjs-leaflet"), std::string::npos) << why;

  // A style sheet naming an image that is not there: not inlined half-working.
  const fs::path dir = fs::path(::testing::TempDir()) / "circleplan-leaflet-broken";
  fs::create_directories(dir);
  std::ofstream(dir / "leaflet.min.js") << "var L={};";
  std::ofstream(dir / "leaflet.css") << ".x{background:url(images/gone.png)}";
  EXPECT_FALSE(io::load_leaflet_assets(why, dir.string()));
  EXPECT_NE(why.find("gone.png"), std::string::npos) << why;
  fs::remove_all(dir);
}

TEST(WebMap, DataInWgs84WithSixDecimalsAndNoWayOutOfTheScript) {
  std::string why;
  const auto assets = io::load_leaflet_assets(why);
  ASSERT_TRUE(assets) << why;
  const Report r;
  const std::string html = io::html_report(r.input(assets));
  // Two maps, drawn by Leaflet: no SVG map of our own.
  EXPECT_EQ(count_of(html, "class=\"cp-map\""), 2u);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  // One <script> for Leaflet, one for the data, one for the drawing; text cannot end them.
  EXPECT_EQ(count_of(html, "<script"), 3u);
  EXPECT_EQ(count_of(html, "</script>"), 3u);
  EXPECT_NE(html.find(R"("\u003c/script\u003e\u003cscript\u003ealert(1))"), std::string::npos);
  EXPECT_NE(html.find(R"("站 \u0026 \u003c点\u003e")"), std::string::npos);
  // The block's corner, UTM 29N (532000, 4555000) -> lon/lat to 6 decimals, as cs2cs gives it.
  EXPECT_NE(html.find("-8.618"), std::string::npos);
  const std::size_t outlines = html.find("\"outlines\":[[[[");
  ASSERT_NE(outlines, std::string::npos);
  const std::string first = html.substr(outlines + 15, 40);
  EXPECT_TRUE(first.rfind("-8.61", 0) == 0) << first;
  EXPECT_EQ(first.find(',') - first.find('.'), 7u) << first;  // "-8.xxxxxx," 6 decimals
  // Block outlines are shared: one outline for base and variant alike.
  EXPECT_EQ(count_of(html, "\"outlines\":"), 1u);
  // The variant closes c1 (state 2) and opens c2 (state 1).
  EXPECT_NE(html.find(R"(["c2",)"), std::string::npos);
  EXPECT_NE(html.find(",1]"), std::string::npos);
  EXPECT_NE(html.find(",2]"), std::string::npos);
  EXPECT_NE(html.find("Redistributions of source code"), std::string::npos);
  // Deterministic.
  EXPECT_EQ(html, io::html_report(r.input(assets)));
}

TEST(WebMap, WithoutLeafletTheMapsAreSvg) {
  const Report r;
  const std::string html = io::html_report(r.input(std::nullopt));
  EXPECT_EQ(count_of(html, "<svg"), 2u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

}  // namespace
