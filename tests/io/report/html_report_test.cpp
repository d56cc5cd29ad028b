// The HTML report: well-formed (every tag closed in order), offline (no URL, script, link or
// external reference anywhere), escaped, deterministic, with legend, scale bar and attribution;
// the drawing transform checked on a block whose pixels are worked out by hand.
#include "io/report/html_report.h"

#include <regex>
#include <set>

#include <gtest/gtest.h>

namespace {

using planner::CoverStatus;

planner::MultiPolygon rect(double x0, double y0, double x1, double y1) {
  planner::Polygon p;
  p.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

planner::BlockResult block(std::string id, std::string name, CoverStatus status,
                           std::optional<double> minutes, planner::MultiPolygon shape) {
  planner::BlockResult b;
  b.id = std::move(id);
  b.name = std::move(name);
  b.status = status;
  b.minutes = minutes;
  b.pop = 10.0;
  b.shape = std::move(shape);
  return b;
}

planner::CenterResult center(std::string id, planner::XY pos) {
  planner::CenterResult c;
  c.id = std::move(id);
  c.pos = pos;
  return c;
}

// A 1000 m x 1000 m area: the whole-area block fixes the frame. 780 px of map for 1000 m:
// 0.78 px/m, so (0, 0) is at (10, 790) and (1000, 1000) at (790, 10) with the 10 px margin.
struct Scenario {
  planner::ResultSnapshot base, variant;
  planner::Comparison comparison;

  Scenario() {
    base.has_population = true;
    base.cover_minutes = 15.0;
    base.blocks = {
        block("big", "whole area", CoverStatus::covered, 3.0, rect(0, 0, 1000, 1000)),
        block("<b>&\"x\"", "<script>alert(1)</script>", CoverStatus::uncovered, 22.0,
              rect(100, 100, 200, 200)),
        block("far", "远处小区", CoverStatus::unreachable, std::nullopt, rect(800, 800, 900, 900))};
    base.centers = {center("c1", {500, 500}), center("c2", {100, 900})};
    planner::ScopeFigures all;
    all.scope = "all";
    all.blocks = 3;
    all.covered = 1;
    all.pop = 30.0;
    all.covered_pop = 10.0;
    all.covered_share = 1.0 / 3.0;
    base.scopes = {all};
    variant = base;
    variant.blocks[1].status = CoverStatus::covered;  // the escaped one becomes covered
    variant.blocks[1].minutes = 9.0;
    variant.centers = {center("c1", {500, 500}), center("c3", {150, 250})};  // c2 -> c3
    variant.scopes[0].covered = 2;
    variant.scopes[0].covered_pop = 20.0;
    variant.scopes[0].covered_share = 2.0 / 3.0;
    comparison = planner::compare(base, variant);
  }

  io::ReportInput input(bool osm) const {
    io::ReportInput in;
    in.title = "Test & <scenario>";
    in.base = &base;
    in.variants.push_back({"open c3 / 新站", &variant, &comparison});
    in.cover_minutes = 15.0;
    in.crs = "EPSG:32629";
    in.osm_data = osm;
    return in;
  }
};

/// Checks that tags nest: returns the first problem, or "" when every tag is closed in order.
std::string tag_problem(const std::string& html) {
  static const std::set<std::string> void_elements{"meta", "br", "hr", "img", "link", "input"};
  std::vector<std::string> open;
  const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*?)(/?)>)");
  std::size_t checked_to = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    // Between tags no stray '<' or '>' may appear (that would be unescaped text).
    const std::string between = html.substr(checked_to, m.position(0) - checked_to);
    if (between.find_first_of("<>") != std::string::npos &&
        between.find("<!DOCTYPE") == std::string::npos) {
      return "stray bracket in text: " + between.substr(0, 80);
    }
    checked_to = m.position(0) + m.length(0);
    const std::string name = m[2];
    if (m[1] == "/") {
      if (open.empty() || open.back() != name) return "unexpected </" + name + ">";
      open.pop_back();
    } else if (m[4] != "/" && void_elements.count(name) == 0) {
      open.push_back(name);
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReport, WellFormedAndOffline) {
  const Scenario s;
  const std::string html = io::html_report(s.input(true));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(tag_problem(html), "");
  for (const char* banned : {"http://", "https://", "src=", "href=", "url(", "@import", "<link",
                             "<script", "<img", "<iframe", "<object", "//"}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
}

TEST(HtmlReport, EscapesEveryText) {
  const Scenario s;
  const std::string html = io::html_report(s.input(false));
  EXPECT_NE(html.find("&lt;b&gt;&amp;&quot;x&quot;"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Test &amp; &lt;scenario&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>&"), std::string::npos);
}

TEST(HtmlReport, DrawsWithTheYAxisFlippedAtTheWorkedOutScale) {
  const Scenario s;
  const std::string html = io::html_report(s.input(false));
  // The whole-area block, y flipped: (0,0) -> (10,790), then relative steps to (1000,0) ->
  // (790,790), (1000,1000) -> (790,10), (0,1000) -> (10,10).
  EXPECT_NE(html.find("d=\"M10 790l780 0 0-780-780 0Z\""), std::string::npos);
  // The 100 m square at (100..200, 100..200): 78 px sides from (88, 712).
  EXPECT_NE(html.find("d=\"M88 712l78 0 0-78-78 0Z\""), std::string::npos);
  // Center c1 at (500, 500) -> (400, 400).
  EXPECT_NE(html.find("cx=\"400.0\" cy=\"400.0\""), std::string::npos);
  // Scale bar: a fifth of 800 px is 205 m at 0.78 px/m; the round length below it is 200 m.
  EXPECT_NE(html.find(">200 m</text>"), std::string::npos);
  EXPECT_NE(html.find("class=\"scalebar\""), std::string::npos);
}

TEST(HtmlReport, LegendChangesAndCenters) {
  const Scenario s;
  const std::string html = io::html_report(s.input(false));
  EXPECT_EQ(count_of(html, "class=\"legend\""), 2u);  // base map and variant map
  EXPECT_NE(html.find("unreachable 无法接入路网"), std::string::npos);
  EXPECT_NE(html.find("changed block 变化小区"), std::string::npos);
  // One changed block highlighted in the variant map (plus its legend swatch).
  EXPECT_EQ(count_of(html, "<path class=\"h\""), 1u);
  EXPECT_EQ(count_of(html, "<rect class=\"h\""), 1u);
  // c3 opened (drawn as opened), c2 closed (a cross): one of each outside the legend.
  EXPECT_EQ(count_of(html, "<circle class=\"co\""), 2u);  // map + legend
  EXPECT_EQ(count_of(html, "<path class=\"cc\""), 2u);    // map + legend
  EXPECT_NE(html.find("newly covered 新覆盖"), std::string::npos);
  // The headline: 1 of 3 covered before, 2 of 3 after, +33.3 points.
  EXPECT_NE(html.find("<td>1 / 3</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>2 / 3</td>"), std::string::npos);
  EXPECT_NE(html.find("+33.3 pt"), std::string::npos);
}

TEST(HtmlReport, AttributionOnlyWithOsmData) {
  const Scenario s;
  EXPECT_NE(io::html_report(s.input(true)).find("© OpenStreetMap contributors, ODbL"),
            std::string::npos);
  EXPECT_EQ(io::html_report(s.input(false)).find("OpenStreetMap"), std::string::npos);
}

TEST(HtmlReport, SameInputSameBytes) {
  const Scenario s;
  const Scenario t;
  EXPECT_EQ(io::html_report(s.input(true)), io::html_report(t.input(true)));
}

TEST(HtmlReport, CapsTheMapAndTheTable) {
  const Scenario s;
  io::ReportInput in = s.input(false);
  in.max_map_blocks = 2;
  in.max_table_rows = 0;
  const std::string html = io::html_report(in);
  EXPECT_EQ(tag_problem(html), "");
  EXPECT_NE(html.find("1 small blocks not drawn"), std::string::npos);
  EXPECT_NE(html.find("First 0 of 1 changed blocks"), std::string::npos);
  // The changed block is still drawn in the variant map.
  EXPECT_EQ(count_of(html, "<path class=\"h\""), 1u);
}

TEST(HtmlReport, MapsTheFirstVariantsAndListsTheRestAsRowsWhoseBlocksAreGone) {
  const Scenario s;
  // Variants beyond the cap are kept as figures only (io/run/scenario_run.cpp): no blocks, no
  // centers, no block changes; their headline row and counts must still be there.
  planner::ResultSnapshot figures_only = s.variant;
  figures_only.blocks.clear();
  figures_only.centers.clear();
  planner::Comparison counts_only = s.comparison;
  counts_only.blocks.clear();
  counts_only.centers.clear();
  io::ReportInput in = s.input(false);
  in.max_mapped_variants = 2;
  in.variants.push_back({"second", &s.variant, &s.comparison});
  in.variants.push_back({"third-not-mapped", &figures_only, &counts_only});
  const std::string html = io::html_report(in);
  EXPECT_EQ(tag_problem(html), "");
  EXPECT_EQ(count_of(html, "<svg"), 3u);  // the base and the first two variants
  EXPECT_NE(html.find("changes-third-not-mapped/"), std::string::npos);
  EXPECT_EQ(count_of(html, "changes-second/"), 0u);
  // Its headline row (two thirds covered) and counts line are there.
  EXPECT_EQ(count_of(html, "<td class=\"t\">third-not-mapped</td>"), 1u);
  EXPECT_EQ(count_of(html, "newly covered 新覆盖: <b>1</b>"), 3u);
  // The frame is the same as without the unmapped variant: the base map is drawn identically.
  io::ReportInput two = in;
  two.variants.pop_back();
  const auto base_map = [](const std::string& h) {
    const std::size_t from = h.find("<h2>base");
    return h.substr(from, h.find("</figure>", from) - from);
  };
  EXPECT_EQ(base_map(io::html_report(two)), base_map(html));
}

TEST(HtmlReport, EachVariantsMapAndSectionUseItsOwnThreshold) {
  Scenario s;
  s.variant.cover_minutes = 10.0;  // a `cover-minutes = 10` variant against the 15-minute base
  const std::string html = io::html_report(s.input(false));
  EXPECT_EQ(tag_problem(html), "");
  const std::size_t variant_at = html.find("<h2>open c3");
  ASSERT_NE(variant_at, std::string::npos);
  const std::string base_part = html.substr(0, variant_at), variant_part = html.substr(variant_at);
  EXPECT_NE(base_part.find("uncovered &gt; 15 min"), std::string::npos);
  EXPECT_EQ(base_part.find("uncovered &gt; 10 min"), std::string::npos);
  EXPECT_NE(variant_part.find("uncovered &gt; 10 min"), std::string::npos);
  EXPECT_EQ(variant_part.find("uncovered &gt; 15 min"), std::string::npos);
  EXPECT_NE(
      variant_part.find("cover threshold 本方案覆盖阈值: <b>10.0 min 分钟</b> (base: 15.0 min)"),
      std::string::npos);
  // The variant's 9-minute block takes the last covered shade of a 10-minute scale
  // (k2: 9 > 2 x 10/3), where a 15-minute scale would give the middle one (k1).
  EXPECT_NE(variant_part.find("<path class=\"b k2\" d=\"M88 712"), std::string::npos)
      << variant_part;
  // With the same threshold no line is added.
  const Scenario same;
  EXPECT_EQ(io::html_report(same.input(false)).find("本方案覆盖阈值"), std::string::npos);
}

}  // namespace
