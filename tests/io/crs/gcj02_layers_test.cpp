// --gcj02 [LAYERS] and the scenario key gcj02: which input layers are GCJ-02.
#include "io/crs/gcj02_layers.h"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace {

TEST(Gcj02Layers, NoneByDefault) {
  const io::Gcj02Layers none;
  EXPECT_FALSE(none.any());
  EXPECT_FALSE(none.has("centers"));
  EXPECT_EQ(none.text(), "none");
}

TEST(Gcj02Layers, AllHasEveryLayer) {
  const io::Gcj02Layers all = io::Gcj02Layers::all();
  for (const std::string_view name : io::Gcj02Layers::names()) EXPECT_TRUE(all.has(name));
  EXPECT_EQ(all.text(), "all");
  EXPECT_TRUE(io::Gcj02Layers::parse("all", "--gcj02").is_all());
}

TEST(Gcj02Layers, AListNamesItsLayersOnly) {
  const io::Gcj02Layers some = io::Gcj02Layers::parse("blocks, centers,demand-points", "--gcj02");
  EXPECT_TRUE(some.has("centers"));
  EXPECT_TRUE(some.has("blocks"));
  EXPECT_TRUE(some.has("demand-points"));
  EXPECT_FALSE(some.has("roads"));
  EXPECT_FALSE(some.is_all());
  EXPECT_EQ(some.text(), "centers, blocks, demand-points");  // in the options' order
}

TEST(Gcj02Layers, UnknownOrNoLayerIsAnErrorNamingIt) {
  try {
    io::Gcj02Layers::parse("centers,centres", "--gcj02");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("--gcj02: unknown layer 'centres'"), std::string::npos) << what;
    EXPECT_NE(what.find("roads, centers, blocks"), std::string::npos) << what;
  }
  EXPECT_THROW(io::Gcj02Layers::parse(" , ", "--gcj02"), std::invalid_argument);
}

}  // namespace
