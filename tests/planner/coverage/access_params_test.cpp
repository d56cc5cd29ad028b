// Accessibility parameters (planner/coverage/access_params.h): the words, field names, default
// steps and every refusal of validate(), each naming the option a user would fix.
#include "planner/coverage/access_params.h"

#include <string>

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"

namespace {

using planner::AccessMethod;
using planner::AccessParams;

std::string refusal(const AccessParams& p, double t0) {
  try {
    planner::validate(p, t0);
  } catch (const planner::InvalidValue& e) {
    return e.what();
  }
  return "";
}

TEST(AccessParams, WordsAndFieldNamesRoundTrip) {
  for (AccessMethod m : {AccessMethod::two_step, AccessMethod::enhanced, AccessMethod::gaussian,
                         AccessMethod::balanced}) {
    EXPECT_EQ(planner::access_method_of(planner::to_string(m)), m);
    EXPECT_EQ(planner::field_name(m), "acc_" + std::string(planner::to_string(m)));
    EXPECT_LE(planner::field_name(m).size(), 10u);  // Shapefile field names
  }
  EXPECT_EQ(planner::to_string(AccessMethod::gaussian), "g2sfca");
  EXPECT_FALSE(planner::access_method_of("3sfca").has_value());
  EXPECT_FALSE(planner::access_method_of("2SFCA").has_value());
}

TEST(AccessParams, DefaultStepsScaleLuoAndQi) {
  const auto s = planner::default_steps(30.0);  // PySAL's own {10: 1, 20: 0.68, 30: 0.22}
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].upper_minutes, 10.0);
  EXPECT_EQ(s[1].upper_minutes, 20.0);
  EXPECT_EQ(s[2].upper_minutes, 30.0);
  EXPECT_EQ(s[0].weight, 1.0);
  EXPECT_EQ(s[1].weight, 0.68);
  EXPECT_EQ(s[2].weight, 0.22);
  EXPECT_EQ(planner::resolved_steps({{AccessMethod::enhanced}, 0.0, {}}, 15.0).back().upper_minutes,
            15.0);
  EXPECT_EQ(planner::resolved_t0_minutes({{AccessMethod::enhanced}, 0.0, {}}, 12.0), 12.0);
  EXPECT_EQ(planner::resolved_t0_minutes({{AccessMethod::enhanced}, 20.0, {}}, 12.0), 20.0);
}

TEST(AccessParams, AcceptsGoodValues) {
  EXPECT_EQ(refusal({{AccessMethod::enhanced, AccessMethod::balanced}, 0, {}}, 15.0), "");
  EXPECT_EQ(refusal({{AccessMethod::enhanced}, 0, {{5, 1}, {10, 0.68}, {15, 0.22}}}, 15.0), "");
  EXPECT_EQ(refusal({{AccessMethod::two_step}, 0, {}}, 600.0), "");
}

TEST(AccessParams, RefusesEmptyOrRepeatedMethods) {
  EXPECT_NE(refusal({{}, 0, {}}, 15.0).find("--access needs at least one method"),
            std::string::npos);
  EXPECT_NE(
      refusal({{AccessMethod::balanced, AccessMethod::enhanced, AccessMethod::balanced}, 0, {}},
              15.0)
          .find("--access names bfca twice"),
      std::string::npos);
}

TEST(AccessParams, RefusesT0OutOfRange) {
  EXPECT_EQ(refusal({{AccessMethod::two_step}, 0, {}}, 0.0),
            "access-minutes must be greater than 0 and at most 600 minutes (got 0)");
  EXPECT_EQ(refusal({{AccessMethod::two_step}, 0, {}}, 601.0),
            "access-minutes must be greater than 0 and at most 600 minutes (got 601)");
  EXPECT_NE(refusal({{AccessMethod::two_step}, 0, {}}, -5.0), "");
}

TEST(AccessParams, RefusesBadSteps) {
  const AccessParams descending{{AccessMethod::enhanced}, 0, {{10, 1}, {5, 0.5}, {15, 0.2}}};
  EXPECT_EQ(refusal(descending, 15.0),
            "--access-steps must have strictly ascending bounds above 0, e.g. "
            "5:1,10:0.68,15:0.22 (got 5 after 10)");
  const AccessParams repeated{{AccessMethod::enhanced}, 0, {{5, 1}, {5, 0.5}, {15, 0.2}}};
  EXPECT_NE(refusal(repeated, 15.0).find("strictly ascending"), std::string::npos);
  const AccessParams zero_bound{{AccessMethod::enhanced}, 0, {{0, 1}, {15, 0.2}}};
  EXPECT_NE(refusal(zero_bound, 15.0).find("strictly ascending"), std::string::npos);
  const AccessParams heavy{{AccessMethod::enhanced}, 0, {{5, 1.5}, {15, 0.2}}};
  EXPECT_EQ(refusal(heavy, 15.0),
            "--access-steps weights must be greater than 0 and at most 1 (got 1.5 for 5 minutes)");
  const AccessParams weightless{{AccessMethod::enhanced}, 0, {{5, 1}, {15, 0}}};
  EXPECT_NE(refusal(weightless, 15.0).find("--access-steps weights"), std::string::npos);
  const AccessParams short_of_t0{{AccessMethod::enhanced}, 0, {{5, 1}, {10, 0.5}}};
  EXPECT_EQ(refusal(short_of_t0, 15.0),
            "--access-steps must end at the catchment (--access-minutes, 15 minutes) (got 10)");
  const AccessParams past_t0{{AccessMethod::enhanced}, 0, {{5, 1}, {20, 0.5}}};
  EXPECT_NE(refusal(past_t0, 15.0).find("must end at the catchment"), std::string::npos);
}

TEST(AccessParams, EvaluationValidatesAgainstTheCoverThreshold) {
  planner::EvaluationParams p;
  p.minutes = {10.0};
  p.access = AccessParams{{AccessMethod::enhanced}, 0.0, {{5, 1}, {15, 0.2}}};
  // t0 = 0 means the cover threshold, 10: steps ending at 15 are refused.
  EXPECT_THROW(planner::validate(p), planner::InvalidValue);
  p.access->t0_minutes = 15.0;
  EXPECT_NO_THROW(planner::validate(p));
}

}  // namespace
