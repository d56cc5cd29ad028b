// `run` and `batch` write their folder as a whole (docs/scenarios.md §3, §4): staged under a hidden
// name beside it and swapped into place at the end, with circleplan-manifest.txt listing every
// file; --overwrite refuses a folder holding anything else; a stopped or failed run leaves the
// previous folder byte-identical and no temporary; a failed scenario of a batch leaves no folder;
// --max-memory stops them; a sweep of more variants than the report maps still writes every
// variant and lists the rest as rows.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "tests/app/cli_runner.h"
#include "tests/app/process_runner.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing_support::ChildRun;
using testing_support::entries_starting;
using testing_support::read_file;
using testing_support::run_circleplan;
using testing_support::TempDir;

std::string scenarios_dir() {
  return testing_support::test_data_dir() + "/scenarios";
}

/// The two-halves city (tests/data/scenarios) with `variants` variants: variant i walks at
/// 3.0 + 0.1 × (i mod 20) km/h and closes the only center every third time.
std::string sweep(const fs::path& folder, int variants) {
  const std::string d = scenarios_dir();
  std::ostringstream toml;
  toml << "roads = \"" << d << "/roads.geojson\"\ncenters = \"" << d
       << "/centers.geojson\"\nblocks = \"" << d << "/blocks.geojson\"\n"
       << "crs = \"EPSG:32631\"\nminutes = [15, 40]\ncover-minutes = 40\n";
  for (int i = 1; i <= variants; ++i) {
    toml << "\n[[variant]]\nname = \"v" << i << "\"\nspeed-kmh = " << 3.0 + 0.1 * (i % 20) << "\n";
    if (i % 3 == 0) toml << "close-centers = [\"c1\"]\n";
  }
  const fs::path path = folder / ("sweep" + std::to_string(variants) + ".toml");
  std::ofstream(path) << toml.str();
  return path.string();
}

/// Every file below `folder` (relative, sorted) with its bytes; timings.json (the one file that
/// differs from run to run) by name only.
std::map<std::string, std::string> tree(const fs::path& folder) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(folder)) {
    if (!e.is_regular_file()) continue;
    const bool timings = e.path().filename() == "timings.json";
    out[fs::relative(e.path(), folder).generic_string()] = timings ? "" : read_file(e);
  }
  return out;
}

/// The manifest's file list.
std::string listed(const fs::path& folder) {
  const std::string text = read_file(folder / "circleplan-manifest.txt");
  return text.substr(text.find('\n') + 1);
}

std::string files_of(const std::map<std::string, std::string>& t) {
  std::string out;
  for (const auto& [name, bytes] : t) {
    if (name != "circleplan-manifest.txt") out += name + "\n";
  }
  return out;
}

TEST(RunFolder, TheManifestListsExactlyTheFilesWrittenAndNoTemporaryIsLeft) {
  TempDir dir("circleplan-staging");
  const auto r = run_circleplan("run " + scenarios_dir() + "/two-halves.toml --out " + (dir / "o"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto t = tree(dir.path() / "o");
  EXPECT_EQ(listed(dir.path() / "o"), files_of(t));
  EXPECT_NE(listed(dir.path() / "o").find("changes-bridge-closed/changes.csv\n"),
            std::string::npos);
  EXPECT_TRUE(entries_starting(dir.path(), ".").empty()) << entries_starting(dir.path(), ".")[0];
  // The same run again, replacing it, gives the same bytes (manifest included).
  const auto again = run_circleplan("run " + scenarios_dir() +
                                    "/two-halves.toml --overwrite --out " + (dir / "o"));
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(tree(dir.path() / "o") == t);
}

TEST(RunFolder, OverwriteRefusesAFolderHoldingAnythingCirclePlanDidNotWrite) {
  TempDir dir("circleplan-staging");
  const std::string scenario = scenarios_dir() + "/small.toml";
  fs::create_directories(dir.path() / "made-before");  // an empty folder is fine without it
  ASSERT_EQ(run_circleplan("run " + scenario + " --out " + (dir / "made-before")).exit_code, 0);

  const auto again = run_circleplan("run " + scenario + " --out " + (dir / "made-before"));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("exists; use --overwrite"), std::string::npos) << again.output;

  std::ofstream(dir.path() / "made-before/planning-notes.txt") << "keep me";
  const auto before = tree(dir.path() / "made-before");
  const auto refused =
      run_circleplan("run " + scenario + " --overwrite --out " + (dir / "made-before"));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("holds 'planning-notes.txt', which its circleplan-manifest.txt "
                                "does not list"),
            std::string::npos)
      << refused.output;
  EXPECT_TRUE(tree(dir.path() / "made-before") == before);

  // A folder of someone else's files, without a manifest, is refused the same way.
  fs::create_directories(dir.path() / "gis");
  std::ofstream(dir.path() / "gis/roads.gpkg") << "not ours";
  const auto theirs = run_circleplan("run " + scenario + " --overwrite --out " + (dir / "gis"));
  EXPECT_EQ(theirs.exit_code, 1);
  EXPECT_NE(theirs.output.find("holds 'roads.gpkg'"), std::string::npos) << theirs.output;
  EXPECT_EQ(read_file(dir.path() / "gis/roads.gpkg"), "not ours");
}

TEST(RunFolder, SigtermMidRunLeavesThePreviousFolderByteIdenticalAndNothingElse) {
  TempDir dir("circleplan-staging");
  const std::string out = dir / "o";
  ASSERT_EQ(run_circleplan("run " + scenarios_dir() + "/small.toml --out " + out).exit_code, 0);
  const auto previous = tree(out);
  // Long enough to be caught between variants: 400 variants written one by one.
  ChildRun run({"run", sweep(dir.path(), 400), "--threads", "1", "--overwrite", "--out", out},
               dir.path() / "run.log");
  ASSERT_TRUE(run.started());
  const fs::path staged = dir.path() / (".o.tmp-" + std::to_string(run.pid()));
  const auto until = std::chrono::steady_clock::now() + 120s;
  while (!fs::exists(staged / "v3.gpkg") && !run.exited() &&
         std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(1ms);
  }
  ASSERT_TRUE(fs::exists(staged / "v3.gpkg")) << read_file(dir.path() / "run.log");
  // The variants written so far are in the staged folder only, never in the visible one.
  EXPECT_FALSE(fs::exists(fs::path(out) / "v1.gpkg"));
  ASSERT_EQ(::kill(run.pid(), SIGTERM), 0);
  const auto status = run.wait_for(20s);
  ASSERT_TRUE(status.has_value());
  const std::string log = read_file(dir.path() / "run.log");
  ASSERT_TRUE(WIFEXITED(*status)) << log;
  EXPECT_EQ(WEXITSTATUS(*status), 143) << log;
  EXPECT_NE(log.find("terminated (SIGTERM)"), std::string::npos) << log;
  EXPECT_TRUE(tree(out) == previous) << "the previous folder changed";
  EXPECT_FALSE(fs::exists(staged));
  EXPECT_TRUE(entries_starting(dir.path(), ".").empty()) << entries_starting(dir.path(), ".")[0];
}

TEST(RunFolder, MaxMemoryStopsRunAndBatchWithNothingWritten) {
  TempDir dir("circleplan-staging");
  const std::string scenario = scenarios_dir() + "/two-halves.toml";
  for (const std::string& command : {"run " + scenario, "batch " + scenario}) {
    const auto r = run_circleplan(command + " --max-memory 1M --out " + (dir / "o"));
    EXPECT_EQ(r.exit_code, 1) << command << "\n" << r.output;
    EXPECT_NE(r.output.find("--max-memory"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir.path() / "o")) << command;
    EXPECT_TRUE(entries_starting(dir.path(), ".").empty()) << command;
  }
}

TEST(BatchFolder, AFailedScenarioHasNoFolderAndTheManifestListsTheRest) {
  TempDir dir("circleplan-staging");
  const std::string d = scenarios_dir();
  const auto r = run_circleplan("batch " + d + "/small.toml " + d + "/bad/bad-road-id.toml --out " +
                                (dir / "b"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_FALSE(fs::exists(dir.path() / "b/bad-road-id"));
  EXPECT_TRUE(fs::exists(dir.path() / "b/small/base.gpkg"));
  EXPECT_EQ(listed(dir.path() / "b"), files_of(tree(dir.path() / "b")));
  EXPECT_NE(listed(dir.path() / "b").find("small/report.html\n"), std::string::npos);
  EXPECT_EQ(listed(dir.path() / "b").find("small/circleplan-manifest.txt"), std::string::npos);
  EXPECT_TRUE(entries_starting(dir.path(), ".").empty());
}

TEST(RunFolder, ASweepBeyondTheMappedVariantsWritesEveryVariantAndListsTheRestAsRows) {
  TempDir dir("circleplan-staging");
  const auto r = run_circleplan("run " + sweep(dir.path(), 23) + " --out " + (dir / "o"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (int i = 1; i <= 23; ++i) {
    const std::string v = "v" + std::to_string(i);
    EXPECT_TRUE(fs::exists(dir.path() / "o" / (v + ".gpkg"))) << v;
    EXPECT_TRUE(fs::exists(dir.path() / "o" / ("changes-" + v) / "changes.csv")) << v;
  }
  const std::string html = read_file(dir.path() / "o/report.html");
  std::size_t maps = 0;
  for (std::size_t at = html.find("class=\"cp-map\""); at != std::string::npos;
       at = html.find("class=\"cp-map\"", at + 1)) {
    ++maps;
  }
  EXPECT_EQ(maps, 21u);  // the base and 20 variants (interactive maps, libjs-leaflet installed)
  EXPECT_NE(html.find("<td class=\"t\">v23</td>"), std::string::npos);
  EXPECT_NE(html.find("this one's are in changes-v21/"), std::string::npos);
  const std::string csv = read_file(dir.path() / "o/summary.csv");
  std::size_t rows = 0;
  for (char c : csv) rows += c == '\n';
  EXPECT_EQ(rows, 1u + 24u);  // header, base, 23 variants
  // Variants 21-23 compare with the base as the mapped ones do: v21 (4.1 km/h) is in the CSV.
  EXPECT_NE(csv.find("sweep23,v21,ok"), std::string::npos) << csv.substr(0, 400);
}

}  // namespace
