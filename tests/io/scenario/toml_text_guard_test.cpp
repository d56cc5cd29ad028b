// The scenario text check that keeps toml++ 3.3.0 from its unreachable code
// (io/scenario/toml_text_guard.h).
#include "io/scenario/toml_text_guard.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/scenario/scenario_file.h"
#include "test_paths.h"
#include "tests/app/cli_runner.h"

namespace {

TEST(TomlTextGuard, NonAsciiInsideStringsAndCommentsIsFine) {
  EXPECT_FALSE(io::find_stray_non_ascii("name = \"São João 党群服务中心\" # © OSM 。\n"));
  EXPECT_FALSE(io::find_stray_non_ascii("a = 'literal 。'\nb = \"\"\"multi\n行 \\\\ é\n\"\"\"\n"));
  EXPECT_FALSE(io::find_stray_non_ascii("c = '''\n多行。\n'''\n# 注释\n"));
  EXPECT_FALSE(io::find_stray_non_ascii("d = \"escaped quote \\\" then 。\"\n"));
}

TEST(TomlTextGuard, FullWidthStopAfterAValueIsFoundWithLineAndColumn) {
  // Line 2, column 6: `b = 1。`; column counts characters, not bytes.
  const auto stray = io::find_stray_non_ascii("a = \"é\"\nb = 1。\n");
  ASSERT_TRUE(stray);
  EXPECT_EQ(stray->line, 2u);
  EXPECT_EQ(stray->column, 6u);
  EXPECT_EQ(stray->code_point, 0x3002u);
}

TEST(TomlTextGuard, StringsEndAtTheirQuoteOrLine) {
  // A basic string ends at the line's end when unclosed: the next line is code again.
  const auto stray = io::find_stray_non_ascii("a = \"open\n©\n");
  ASSERT_TRUE(stray);
  EXPECT_EQ(stray->line, 2u);
  EXPECT_EQ(stray->code_point, 0xA9u);
  // After a closed string, code again.
  EXPECT_TRUE(io::find_stray_non_ascii("a = \"x\" ×\n"));
  // A non-ASCII character after a line-ending backslash and spaces in a multi-line string.
  const auto after_backslash = io::find_stray_non_ascii("a = \"\"\"x \\  \u00e9\n\"\"\"\n");
  ASSERT_TRUE(after_backslash);
  EXPECT_EQ(after_backslash->code_point, 0xE9u);
}

TEST(TomlTextGuard, QuotesInsideABrokenBareValueOpenNoString) {
  // Fuzz finding: toml++ reads `2../n+++eeee"""` as one broken value and then asks whether the
  // next character is whitespace; the quotes there open no string.
  const auto stray = io::find_stray_non_ascii("roadS = 2../n+++eeee\"\"\"\u045d");
  ASSERT_TRUE(stray);
  EXPECT_EQ(stray->code_point, 0x45Du);
  // After a line-ending backslash in a multi-line string toml++ skips newlines too.
  const auto next_line = io::find_stray_non_ascii("a = \"\"\"x\\\n\u02cc\"\"\"\n");
  ASSERT_TRUE(next_line);
  EXPECT_EQ(next_line->line, 2u);
  EXPECT_EQ(next_line->column, 1u);
  // Strings at key and value positions still do.
  EXPECT_FALSE(io::find_stray_non_ascii("\"键\" = [\"a\", 'é', {x = \"。\"}]\n[\"表\".\"名\"]\n"));
}

TEST(TomlTextGuard, ADotOpensAStringOnlyInAKey) {
  // Fuzz finding: in `roads = 1.U.'''a` the '.' is inside a broken value, not a dotted key, so
  // the quotes open no string and the U+FEFF after them is outside any string.
  const auto stray = io::find_stray_non_ascii("roads = 1.U.'''a\ufeff");
  ASSERT_TRUE(stray);
  EXPECT_EQ(stray->code_point, 0xFEFFu);
  EXPECT_EQ(stray->column, 17u);
  // Dotted keys with quoted parts stay strings: at the line start, in a table header, and in an
  // inline table after '{' or ',' (also when an array value came before).
  EXPECT_FALSE(io::find_stray_non_ascii("site.'名' = 1\n[a.\"表\"]\nb.\"é\" = 2\n"));
  EXPECT_FALSE(io::find_stray_non_ascii("x = {a = [1, 2], b.'键' = 3, c.\"é\" = 4}\n"));
  // A multi-line array stays a value across its lines; after it a new key starts.
  EXPECT_TRUE(io::find_stray_non_ascii("x = [\n  1.'\u3002'\n]\n"));
  EXPECT_FALSE(io::find_stray_non_ascii("x = [\n  1,\n]\ny.'\u3002' = 1\n"));
}

TEST(TomlTextGuard, ScenarioParserRefusesWithFileLineAndColumn) {
  try {
    io::parse_scenario("roads = \"roads.geojson\"。\n", "s.toml");
    FAIL() << "expected an InputError";
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("s.toml"), std::string::npos) << what;
    EXPECT_NE(what.find("line 1, column 24"), std::string::npos) << what;
    EXPECT_NE(what.find("U+3002"), std::string::npos) << what;
  }
}

/// The bytes of a file.
std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(TomlTextGuard, ALeadingByteOrderMarkIsSkipped) {
  // small.toml saved by a Windows editor: the same three bytes EF BB BF, then the same text.
  const std::string original = testing_support::test_data_dir() + "/scenarios/small.toml";
  const testing_support::TempDir dir("bom");
  const std::string with_bom = dir / "small.toml";
  {
    std::ofstream out(with_bom, std::ios::binary);
    out << "\xEF\xBB\xBF" << bytes_of(original);
  }
  const io::ScenarioFile a = io::read_scenario(original);
  const io::ScenarioFile b = io::read_scenario(with_bom);
  EXPECT_EQ(b.inputs.roads.path, (dir.path() / "roads.geojson").string());
  EXPECT_EQ(b.edit_crs, "EPSG:32631");
  ASSERT_TRUE(b.params.minutes.has_value());
  EXPECT_EQ(*b.params.minutes, std::vector<double>{5});
  ASSERT_EQ(b.variants.size(), 2u);
  EXPECT_EQ(b.variants[0].name, "east-center");
  EXPECT_EQ(b.variants[1].pos.line, a.variants[1].pos.line);
  ASSERT_EQ(b.variants[1].add_centers.size(), 1u);
  EXPECT_EQ(b.variants[1].add_centers[0].xy.x, a.variants[1].add_centers[0].xy.x);

  // Positions count from the first character after the mark: an error on line 1 keeps its column.
  try {
    io::parse_scenario("\xEF\xBB\xBFminutes = \"5\"\n", "s.toml");
    FAIL() << "expected an InputError";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("line 1, column 11: 'minutes'"), std::string::npos)
        << e.what();
  }
  // Only a leading mark: one further in is still a stray character.
  EXPECT_THROW(io::parse_scenario("minutes = 5\n\xEF\xBB\xBF\n", "s.toml"), io::InputError);
  EXPECT_THROW(io::parse_scenario("\xEF\xBB\xBF\xEF\xBB\xBFminutes = 5\n", "s.toml"),
               io::InputError);
}

TEST(TomlTextGuard, FuzzFindingsAreRefusedNotParsed) {
  for (const char* name : {"toml_unreachable_copyright_sign.toml", "toml_unreachable_uFEFE.toml",
                           "toml_unreachable_quotes_in_bare_value.toml",
                           "toml_unreachable_after_line_ending_backslash.toml",
                           "toml_unreachable_quotes_after_dot_in_value.toml"}) {
    const std::string path =
        std::string(CIRCLEPLAN_SOURCE_DIR) + "/tests/fuzz/regressions/scenario_file/" + name;
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in.is_open()) << path;
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_THROW(io::parse_scenario(text.str(), path), io::InputError) << name;
  }
}

}  // namespace
