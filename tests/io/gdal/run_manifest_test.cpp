// The manifest of a run folder (io/gdal/run_manifest.h): lists every file below the folder,
// sorted, itself left out; a folder may be replaced only when everything in it is listed (or is
// a sidecar a GIS adds beside a listed file); a staged run folder writes it at commit and refuses
// to replace a folder holding anything else.
#include "io/gdal/run_manifest.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/atomic_output.h"

namespace {

namespace fs = std::filesystem;
using io::detail::entry_not_in_manifest;
using io::detail::StagedOutput;
using io::detail::write_run_manifest;

class RunManifest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("circleplan-manifest-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "run");
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path run() const { return m_dir / "run"; }
  static void touch(const fs::path& p, const std::string& text = "x") {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path m_dir;
};

TEST_F(RunManifest, ListsEveryFileBelowSortedAndNotItself) {
  touch(run() / "v2.gpkg");
  touch(run() / "base.gpkg");
  touch(run() / "changes-v2/changes.csv");
  fs::create_directories(run() / "empty");
  write_run_manifest(run());
  write_run_manifest(run());  // again: the manifest does not list itself
  const std::string text = read(run() / io::detail::manifest_name);
  EXPECT_EQ(text.substr(text.find('\n') + 1), "base.gpkg\nchanges-v2/changes.csv\nv2.gpkg\n");
  EXPECT_EQ(text[0], '#');
}

TEST_F(RunManifest, AFolderMayBeReplacedOnlyWhenEverythingInItIsAccountedFor) {
  EXPECT_EQ(entry_not_in_manifest(run()), std::nullopt);  // empty
  touch(run() / "base.gpkg");
  EXPECT_EQ(entry_not_in_manifest(run()), "base.gpkg");  // no manifest: nothing is ours
  touch(run() / "changes-v/changes.shp");
  write_run_manifest(run());
  EXPECT_EQ(entry_not_in_manifest(run()), std::nullopt);
  // What QGIS leaves beside layers it has open or indexed.
  for (const char* sidecar : {"base.gpkg-wal", "base.gpkg-shm", "base.gpkg-journal",
                              "changes-v/changes.qix", "changes-v/changes.shp.xml"}) {
    touch(run() / sidecar);
    EXPECT_EQ(entry_not_in_manifest(run()), std::nullopt) << sidecar;
  }
  touch(run() / "changes-v/notes.txt");
  EXPECT_EQ(entry_not_in_manifest(run()), "changes-v/notes.txt");
  fs::remove(run() / "changes-v/notes.txt");
  touch(run() / "project.qgz");
  EXPECT_EQ(entry_not_in_manifest(run()), "project.qgz");
  touch(run() / "other.qix");  // an index of no listed shapefile
  fs::remove(run() / "project.qgz");
  EXPECT_EQ(entry_not_in_manifest(run()), "other.qix");
}

TEST_F(RunManifest, AStagedRunFolderWritesItAndRefusesToReplaceOtherData) {
  {
    StagedOutput staged(run(), StagedOutput::Kind::run_folder, false);  // empty: allowed
    touch(staged.temp_path() / "base.gpkg", "first");
    staged.commit();
  }
  EXPECT_EQ(read(run() / "base.gpkg"), "first");
  EXPECT_NE(read(run() / io::detail::manifest_name).find("\nbase.gpkg\n"), std::string::npos);
  // Not empty now: only with overwrite, and only while it holds nothing else.
  EXPECT_THROW(StagedOutput(run(), StagedOutput::Kind::run_folder, false), io::OutputError);
  touch(run() / "my-notes.txt");
  try {
    StagedOutput staged(run(), StagedOutput::Kind::run_folder, true);
    FAIL() << "replaced a folder holding my-notes.txt";
  } catch (const io::OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("my-notes.txt"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(io::detail::manifest_name), std::string::npos);
  }
  fs::remove(run() / "my-notes.txt");
  {
    StagedOutput staged(run(), StagedOutput::Kind::run_folder, true);
    touch(staged.temp_path() / "base.gpkg", "second");
    touch(run() / "base.gpkg-wal");                 // QGIS has the old one open
    EXPECT_EQ(read(run() / "base.gpkg"), "first");  // nothing visible before the commit
    staged.commit();
  }
  EXPECT_EQ(read(run() / "base.gpkg"), "second");
  EXPECT_FALSE(fs::exists(run() / "base.gpkg-wal"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(m_dir)) ++entries;
  EXPECT_EQ(entries, 1u) << "a temporary or the previous folder was left beside the result";
}

TEST_F(RunManifest, AnAbandonedStagedRunFolderLeavesThePreviousOneAsItWas) {
  touch(run() / "base.gpkg", "previous");
  write_run_manifest(run());
  {
    StagedOutput staged(run(), StagedOutput::Kind::run_folder, true);
    touch(staged.temp_path() / "base.gpkg", "half");
  }  // no commit: an error or a Ctrl-C unwound
  EXPECT_EQ(read(run() / "base.gpkg"), "previous");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(m_dir)) ++entries;
  EXPECT_EQ(entries, 1u);
}

}  // namespace
