// The scenario key gcj02: true (every layer), false, or a list of layers (--gcj02 LAYERS).
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/scenario/scenario_file.h"

namespace {

io::ScenarioFile parse(const std::string& gcj02) {
  return io::parse_scenario("roads = \"roads.gpkg\"\ngcj02 = " + gcj02 + "\n", "s.toml");
}

TEST(ScenarioGcj02, TrueMeansEveryLayerFalseNone) {
  EXPECT_TRUE(parse("true").inputs.gcj02.is_all());
  EXPECT_FALSE(parse("false").inputs.gcj02.any());
  EXPECT_FALSE(io::parse_scenario("roads = \"r.gpkg\"\n", "s.toml").inputs.gcj02.any());
}

TEST(ScenarioGcj02, AListNamesLayers) {
  const io::Gcj02Layers layers = parse("[\"centers\", \"blocks\"]").inputs.gcj02;
  EXPECT_TRUE(layers.has("centers"));
  EXPECT_TRUE(layers.has("blocks"));
  EXPECT_FALSE(layers.has("roads"));
}

TEST(ScenarioGcj02, UnknownLayerOrWrongTypeNamesLineAndKey) {
  try {
    parse("[\"centres\"]");
    FAIL() << "no error";
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("s.toml"), std::string::npos) << what;
    EXPECT_NE(what.find("line 2"), std::string::npos) << what;
    EXPECT_NE(what.find("unknown layer 'centres'"), std::string::npos) << what;
  }
  EXPECT_THROW(parse("\"centers\""), io::InputError);
  EXPECT_THROW(parse("[1]"), io::InputError);
  EXPECT_THROW(parse("[]"), io::InputError);
}

}  // namespace
