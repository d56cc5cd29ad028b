// A service standard's own rules (planner/coverage/standard.h): the words written out, what
// validate() refuses, which centers serve a tier (higher-serves), the mismatch warnings and the
// search limit the walk tiers raise.
#include "planner/coverage/standard.h"

#include <limits>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"
#include "planner/errors.h"

namespace {

using planner::Standard;
using planner::StandardTier;
using planner::TierDefinition;

StandardTier tier(std::string name, std::vector<std::string> centers, TierDefinition d,
                  double threshold, bool higher_serves = true) {
  StandardTier t;
  t.name = std::move(name);
  t.center_tiers = std::move(centers);
  t.definition = d;
  t.threshold = threshold;
  t.higher_serves = higher_serves;
  return t;
}

Standard three_tiers() {
  Standard s;
  s.name = "Three-tier example";
  s.source = "three-tier.toml";
  s.tiers.push_back(tier("社区级", {"村社区级", "站点"}, TierDefinition::walk_min, 10.0));
  s.tiers.push_back(tier("区镇级", {"区镇级"}, TierDefinition::walk_min, 15.0));
  s.tiers.push_back(tier("市级", {"市级"}, TierDefinition::network_m, 5000.0));
  return s;
}

TEST(Standard, WordsAndUnitsOfEachDefinition) {
  EXPECT_EQ(planner::to_string(TierDefinition::walk_min), "walk_min");
  EXPECT_EQ(planner::to_string(TierDefinition::network_m), "network_m");
  EXPECT_EQ(planner::to_string(TierDefinition::radius_m), "radius_m");
  EXPECT_EQ(planner::value_unit(TierDefinition::walk_min), "min");
  EXPECT_EQ(planner::value_unit(TierDefinition::network_m), "m");
  EXPECT_EQ(planner::value_unit(TierDefinition::radius_m), "share");
}

/// The message validate() throws, or "" when it accepts.
std::string refusal(const Standard& s) {
  try {
    planner::validate(s);
  } catch (const planner::InvalidValue& e) {
    return e.what();
  }
  return "";
}

TEST(Standard, ValidateRefusesWhatCannotBeMeasured) {
  EXPECT_EQ(refusal(three_tiers()), "");
  Standard s = three_tiers();
  s.tiers.clear();
  EXPECT_EQ(refusal(s), "standard 'three-tier.toml' has no tier");
  s = three_tiers();
  s.tiers[1].name = "社区级";
  EXPECT_EQ(refusal(s), "standard 'three-tier.toml': tier name '社区级' is used twice");
  s = three_tiers();
  s.tiers[0].center_tiers.clear();
  EXPECT_EQ(refusal(s), "standard 'three-tier.toml': tier '社区级': lists no center tier");
  s = three_tiers();
  s.tiers[2].threshold = -5.0;
  EXPECT_NE(refusal(s).find("tier '市级': its reach must be a finite number greater than 0"),
            std::string::npos);
  s.tiers[2].threshold = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(refusal(s), "");
  s = three_tiers();
  s.tiers[0].threshold = 601.0;  // minutes: the --minutes range
  EXPECT_NE(refusal(s).find("tier '社区级': minutes must be greater than 0 and at most 600"),
            std::string::npos);
  s = three_tiers();
  s.tiers[2].threshold = 601.0;  // metres: no upper bound
  EXPECT_EQ(refusal(s), "");
  s.tiers[2].definition = TierDefinition::radius_m;
  s.tiers[2].min_share = 0.0;
  EXPECT_NE(refusal(s).find("min-share must be greater than 0 and at most 1"), std::string::npos);
  s.tiers[2].min_share = 1.0;
  EXPECT_EQ(refusal(s), "");
  s.tiers[0].name = "";
  EXPECT_EQ(refusal(s), "standard 'three-tier.toml': a tier has no name");
}

TEST(Standard, EvaluationParamsValidateTheStandard) {
  planner::EvaluationParams p;
  p.standard = three_tiers();
  EXPECT_NO_THROW(planner::validate(p));
  p.standard->tiers.clear();
  EXPECT_THROW(planner::validate(p), planner::InvalidValue);
}

std::vector<planner::Center> centers() {
  return {{"C1", "一村", "村社区级", {0, 0}}, {"C2", "", "区镇级", {0, 0}},
          {"C3", "", "市级", {0, 0}},         {"C4", "", "站点", {0, 0}},
          {"C5", "老年中心", "其他", {0, 0}}, {"C6", "", "", {0, 0}}};
}

TEST(Standard, HigherTiersServeLowerOnesUnlessTheTierSaysNo) {
  Standard s = three_tiers();
  using V = std::vector<std::uint8_t>;
  EXPECT_EQ(planner::serving_centers(s, 0, centers()), (V{1, 1, 1, 1, 0, 0}));
  EXPECT_EQ(planner::serving_centers(s, 1, centers()), (V{0, 1, 1, 0, 0, 0}));
  EXPECT_EQ(planner::serving_centers(s, 2, centers()), (V{0, 0, 1, 0, 0, 0}));
  s.tiers[0].higher_serves = false;  // only its own centers; the others keep theirs
  EXPECT_EQ(planner::serving_centers(s, 0, centers()), (V{1, 0, 0, 1, 0, 0}));
  EXPECT_EQ(planner::serving_centers(s, 1, centers()), (V{0, 1, 1, 0, 0, 0}));
}

TEST(Standard, MismatchesNameTheValueTheTierTheCenterAndTheFile) {
  Standard s = three_tiers();
  s.tiers[1].center_tiers.push_back("镇级");
  const std::vector<std::string> w = planner::standard_mismatches(s, centers());
  const std::vector<std::string> expected = {
      "standard 'three-tier.toml': tier '区镇级' lists '镇级' but no center has that tier",
      "center 'C5' (老年中心) has tier '其他' which no tier of standard 'three-tier.toml' lists",
      "center 'C6' has no tier value, so no tier of standard 'three-tier.toml' takes it"};
  EXPECT_EQ(w, expected);
  s.source = "";  // no file: the standard's name stands in
  EXPECT_EQ(
      planner::standard_mismatches(s, centers())[0],
      "standard 'Three-tier example': tier '区镇级' lists '镇级' but no center has that tier");
}

TEST(Standard, WalkTiersRaiseTheSearchLimit) {
  Standard s = three_tiers();
  EXPECT_EQ(planner::walk_reach_minutes(s), 15.0);  // the metre tier does not count
  s.tiers[2].definition = TierDefinition::walk_min;
  s.tiers[2].threshold = 90.0;
  EXPECT_EQ(planner::walk_reach_minutes(s), 90.0);
  planner::EvaluationParams p;  // search limit 60, cover 15
  EXPECT_EQ(p.effective_search_limit_minutes(), 60.0);
  p.standard = s;
  EXPECT_EQ(p.effective_search_limit_minutes(), 90.0);
  p.standard->tiers[2].threshold = 30.0;
  EXPECT_EQ(p.effective_search_limit_minutes(), 60.0);
  Standard metres_only;
  metres_only.tiers.push_back(tier("a", {"x"}, TierDefinition::radius_m, 5000.0));
  EXPECT_EQ(planner::walk_reach_minutes(metres_only), 0.0);
}

}  // namespace
