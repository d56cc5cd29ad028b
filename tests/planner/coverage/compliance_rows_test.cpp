// The compliance table (planner/coverage/compliance_rows.h) through evaluate() on a small case
// whose every figure is worked by hand: scope all, then communities (block fields), grids
// (block fields) and a subdistrict (by overlap), one row per unit and tier.
#include "planner/coverage/compliance_rows.h"

#include <cmath>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"
#include "tests/planner/drawn_network.h"

namespace {

using planner::ComplianceRow;
using planner::TierDefinition;
using testing_support::drawn_network;
using testing_support::square;

planner::Block block(std::string id, double x, std::string community, std::string grid,
                     std::optional<double> pop) {
  planner::Block b{std::move(id), "", std::move(community), pop, square({x, -10}, 5.0)};
  b.grid = std::move(grid);
  return b;
}

// One road from C (0, 0) east; 10 m x 10 m blocks 10 m south of it at x = 100, 500, 700, 1000:
// walks of 110, 510, 710 and 1010 s at 1 m/s.
planner::Evaluation small_case() {
  const auto net = drawn_network({{0, 0}, {3000, 0}}, {{0, 1}});
  planner::Inputs in;
  in.centers.push_back({"C", "", "村社区级", {0, 0}});
  in.blocks.push_back(block("A", 100, "k1", "g1", 100.0));
  in.blocks.push_back(block("B", 500, "k1", "g2", 50.0));
  in.blocks.push_back(block("C", 700, "k2", "g2", std::nullopt));
  in.blocks.push_back(block("D", 1000, "k2", "", 30.0));
  planner::Polygon s1;
  s1.outer = {{0, 0}, {600, 0}, {600, -100}, {0, -100}, {0, 0}};
  in.subdistricts.push_back({"s1", "一街道", {s1}});
  planner::Standard s;
  planner::StandardTier walk;
  walk.name = "社区级";
  walk.center_tiers = {"村社区级"};
  walk.threshold = 10.0;  // A and B (110 s, 510 s)
  planner::StandardTier radius = walk;
  radius.name = "半径";
  radius.definition = TierDefinition::radius_m;
  radius.threshold = 698.0;  // A and B whole, C in part, D not at all
  s.tiers = {walk, radius};
  planner::EvaluationParams p;
  p.speed_kmh = 3.6;
  p.threads = 1;
  p.standard = s;
  return planner::evaluate(net, in, p);
}

/// The share of C, [695, 705] x [-15, -5], within 698 m of the origin: the area left of
/// x = sqrt(698^2 - y^2) for y in [5, 15], from the antiderivative of sqrt(R^2 - y^2).
double share_of_c() {
  const double R = 698.0;
  auto F = [R](double y) {
    return 0.5 * (y * std::sqrt(R * R - y * y) + R * R * std::asin(y / R));
  };
  return (F(15.0) - F(5.0) - 695.0 * 10.0) / 100.0;
}

void expect_row(const ComplianceRow& r, const char* scope, const char* id, const char* tier,
                std::uint32_t blocks, std::uint32_t met, double pop, double met_pop, double area,
                double met_area) {
  SCOPED_TRACE(std::string(scope) + " " + id + " " + tier);
  EXPECT_EQ(r.scope, scope);
  EXPECT_EQ(r.scope_id, id);
  EXPECT_EQ(r.std_tier, tier);
  EXPECT_EQ(r.blocks, blocks);
  EXPECT_EQ(r.met_blk, met);
  EXPECT_DOUBLE_EQ(r.pop, pop);
  EXPECT_DOUBLE_EQ(r.met_pop, met_pop);
  EXPECT_NEAR(r.area_m2, area, 1e-6);
  EXPECT_NEAR(r.met_area, met_area, 0.05);  // radius shares are within 0.0005 of 100 m2
  EXPECT_NEAR(r.sh_blk, blocks ? double(met) / blocks : 0.0, 1e-12);
  EXPECT_NEAR(r.sh_pop, pop > 0 ? met_pop / pop : 0.0, 1e-12);
  EXPECT_NEAR(r.sh_area, area > 0 ? met_area / area : 0.0, 0.0005);
}

TEST(ComplianceRows, TotalsByScopeMatchTheHandCount) {
  const planner::Evaluation ev = small_case();
  ASSERT_TRUE(ev.standard.has_value());
  const double c = share_of_c();
  EXPECT_NEAR(c, 0.2922, 0.0005);  // hand figure: about 29 of its 100 m2
  EXPECT_NEAR(ev.standard->values[1][2].value, c, 0.0005);
  const auto& rows = ev.standard->compliance;
  ASSERT_EQ(rows.size(), 12u);  // all, k1, k2, g1, g2, s1: two tiers each
  // Population: C has none (counts 0); met: A (100) and B (50) in both tiers.
  expect_row(rows[0], "all", "", "社区级", 4, 2, 180, 150, 400, 200);
  expect_row(rows[1], "all", "", "半径", 4, 2, 180, 150, 400, 200 + 100 * c);
  expect_row(rows[2], "community", "k1", "社区级", 2, 2, 150, 150, 200, 200);
  expect_row(rows[3], "community", "k1", "半径", 2, 2, 150, 150, 200, 200);
  expect_row(rows[4], "community", "k2", "社区级", 2, 0, 30, 0, 200, 0);
  expect_row(rows[5], "community", "k2", "半径", 2, 0, 30, 0, 200, 100 * c);
  expect_row(rows[6], "grid", "g1", "社区级", 1, 1, 100, 100, 100, 100);
  expect_row(rows[7], "grid", "g1", "半径", 1, 1, 100, 100, 100, 100);
  expect_row(rows[8], "grid", "g2", "社区级", 2, 1, 50, 50, 200, 100);
  expect_row(rows[9], "grid", "g2", "半径", 2, 1, 50, 50, 200, 100 + 100 * c);
  // s1 spans x 0..600: A and B lie in it, C and D in no subdistrict.
  expect_row(rows[10], "subdistrict", "s1", "社区级", 2, 2, 150, 150, 200, 200);
  expect_row(rows[11], "subdistrict", "s1", "半径", 2, 2, 150, 150, 200, 200);
  EXPECT_EQ(rows[0].definition, TierDefinition::walk_min);
  EXPECT_EQ(rows[1].definition, TierDefinition::radius_m);
  EXPECT_EQ(ev.standard->comply, (std::vector<std::uint8_t>{1, 1, 0, 0}));
}

TEST(ComplianceRows, AScopeWithoutUnitsHasNoRowsAndEmptyUnitsShareZero) {
  planner::Standard s;
  planner::StandardTier t;
  t.name = "t";
  t.center_tiers = {"x"};
  t.threshold = 5.0;
  s.tiers = {t};
  std::vector<planner::Block> blocks = {{"a", "", "", std::nullopt, square({0, 0}, 1)}};
  std::vector<planner::BlockSite> sites(1);
  sites[0].area_m2 = 4.0;
  planner::BlockTierValue v;  // not met, no minutes
  planner::CommunityAssignment none, communities;
  communities.ids = {"k1", "k2"};
  communities.names = {"", ""};
  communities.has_shape = {true, true};
  communities.block_community = {0};
  const auto rows = planner::compliance_rows(blocks, sites, s, {{v}}, communities, none, none);
  ASSERT_EQ(rows.size(), 3u);  // all, k1, k2
  EXPECT_EQ(rows[0].blocks, 1u);
  EXPECT_EQ(rows[0].pop, 0.0);
  EXPECT_EQ(rows[0].sh_pop, 0.0);  // no population: 0, not NaN
  EXPECT_EQ(rows[0].sh_blk, 0.0);
  EXPECT_EQ(rows[2].scope_id, "k2");
  EXPECT_EQ(rows[2].blocks, 0u);
  EXPECT_EQ(rows[2].sh_blk, 0.0);
  EXPECT_EQ(rows[2].sh_area, 0.0);
}

}  // namespace
