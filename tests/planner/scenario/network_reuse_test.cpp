// Work done once per network (planner/scenario/run.h, NetworkReuse): the blocks snapped to the
// base network and its diagnostics serve every variant that keeps the roads. Checked on a
// hand-drawn street: a variant evaluated with the reuse gives exactly what a fresh evaluation
// gives (closing a center, another speed, another threshold), the reused sites are really the
// ones used when the snapping options match, and a variant with other snapping options or its
// own roads builds its own.
#include <gtest/gtest.h>

#include "planner/scenario/run.h"
#include "tests/planner/drawn_network.h"

namespace {

using testing_support::square;

planner::Inputs street_city() {
  planner::Inputs in;
  in.centers = {{"A", "a", "", {50, 10}}, {"B", "b", "", {950, 10}}};
  for (int i = 0; i < 10; ++i) {
    in.blocks.push_back(
        {"blk" + std::to_string(i), "", "", 100.0 + i, square({100.0 * i + 50, 60}, 30)});
  }
  in.blocks.push_back({"far", "", "", 7.0, square({500, 400}, 20)});  // 380 m off the street
  return in;
}

planner::VariantSpec spec(const std::string& name) {
  planner::VariantSpec s;
  s.name = name;
  s.params.minutes = {5};
  return s;
}

void expect_same(const planner::Evaluation& a, const planner::Evaluation& b) {
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    EXPECT_EQ(a.blocks[i].status, b.blocks[i].status) << i;
    EXPECT_EQ(a.blocks[i].center, b.blocks[i].center) << i;
    EXPECT_EQ(a.blocks[i].time_s, b.blocks[i].time_s) << i;
    EXPECT_EQ(a.blocks[i].cov_share, b.blocks[i].cov_share) << i;
  }
  EXPECT_EQ(a.totals.covered, b.totals.covered);
}

TEST(NetworkReuse, VariantsKeepingTheRoadsGiveWhatAFreshEvaluationGives) {
  const auto net = testing_support::straight_street(10);
  const planner::Inputs city = street_city();
  planner::ScenarioCore fresh(net, {}, city);
  planner::ScenarioCore reused(net, {}, city);
  reused.prepare(spec("base").params);

  planner::VariantSpec closed = spec("closed");
  closed.centers.close = {"B"};
  planner::VariantSpec slow = spec("slow");
  slow.params.speed_kmh = 3.0;
  planner::VariantSpec longer = spec("longer");
  longer.params.minutes = {15};
  planner::VariantSpec wide = spec("wide");
  wide.params.max_snap_m = 500;  // the far block now snaps: its own sites
  int covered = 0;
  for (const planner::VariantSpec& v : {spec("base"), closed, slow, longer, wide}) {
    const planner::VariantRun a = fresh.evaluate(v);
    const planner::VariantRun b = reused.evaluate(v);
    SCOPED_TRACE(v.name);
    expect_same(a.run.ev, b.run.ev);
    EXPECT_EQ(a.run.diagnostics.findings.size(), b.run.diagnostics.findings.size());
    covered += static_cast<int>(b.run.ev.totals.covered);
  }
  EXPECT_GT(covered, 10);  // the variants cover blocks, not nothing
  // The wide variant reached the far block, which the base's options leave unsnapped.
  EXPECT_TRUE(reused.evaluate(wide).run.ev.sites.back().access.front().snap.has_value());
  EXPECT_FALSE(reused.evaluate(spec("base")).run.ev.sites.back().access.front().snap.has_value());
}

TEST(NetworkReuse, TheSitesGivenAreUsedOnlyWhenTheSnappingOptionsMatch) {
  const auto net = testing_support::straight_street(10);
  const planner::Inputs city = street_city();
  const planner::EvaluationParams params = spec("base").params;
  planner::NetworkReuse reuse = planner::prepare_reuse(net, city, params, {});
  ASSERT_EQ(reuse.sites.size(), city.blocks.size());
  // A mark no real run would set: it shows whose sites the evaluation used.
  for (planner::BlockSite& s : reuse.sites) s.repaired = true;
  const planner::ServiceAreaParams areas = planner::area_params_for({}, params);
  const auto with = planner::run_evaluation(net, city, params, areas, {}, {}, &reuse);
  EXPECT_EQ(with.ev.repaired_blocks, city.blocks.size());
  planner::EvaluationParams other = params;
  other.sample_spacing_m = params.sample_spacing_m * 2;
  const auto without = planner::run_evaluation(net, city, other, areas, {}, {}, &reuse);
  EXPECT_EQ(without.ev.repaired_blocks, 0u);
  EXPECT_FALSE(planner::same_block_sites(params, other));
  other = params;
  other.islands.min_vertices = 3;
  EXPECT_FALSE(planner::same_block_sites(params, other));
}

TEST(NetworkReuse, AVariantWithRoadEditsBuildsItsOwnSites) {
  const auto net = testing_support::straight_street(10);
  std::vector<planner::RoadLine> roads;  // the lines the street was cut from, for edits
  for (int i = 0; i < 10; ++i) {
    planner::RoadLine r;
    r.feature_id = i;
    r.points = {{100.0 * i, 0}, {100.0 * i + 100, 0}};
    roads.push_back(r);
  }
  const planner::Inputs city = street_city();
  planner::ScenarioCore reused(net, roads, city);
  reused.prepare(spec("base").params);
  planner::VariantSpec cut = spec("cut");
  cut.network.close_roads = {4};  // the street is cut between 400 and 500 m
  const planner::VariantRun r = reused.evaluate(cut);
  ASSERT_TRUE(r.edited.has_value());
  // Block 4's access point lay on the closed edge; on the edited network it must snap elsewhere
  // (a copy of the base's sites would keep it on the closed edge).
  const planner::VariantRun base = reused.evaluate(spec("base"));
  ASSERT_TRUE(base.run.ev.sites[4].access.front().snap.has_value());
  ASSERT_TRUE(r.run.ev.sites[4].access.front().snap.has_value());
  EXPECT_DOUBLE_EQ(base.run.ev.sites[4].access.front().snap->on_edge.x, 450.0);
  const double x = r.run.ev.sites[4].access.front().snap->on_edge.x;
  EXPECT_TRUE(x == 400.0 || x == 500.0) << x;  // snapped again, to the nearest street end left
}

}  // namespace
