// Staged outputs under failure: a cancelled write (planner::Cancelled, as after Ctrl-C) leaves
// no temporary and the previous output unchanged, in every format; temporaries left by a killed
// run are removed by the next run of the same output, while those of a live process are kept.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/gdal/layer_writer.h"
#include "planner/cancel.h"

namespace {

namespace fs = std::filesystem;

class StagedOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("circleplan-atomic-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  static std::vector<io::OutputLayer> layers(std::size_t rows) {
    io::OutputLayer points{
        "points", io::GeometryKind::point, {{"id", io::FieldType::integer}}, {}, {}};
    for (std::size_t i = 0; i < rows; ++i) {
      points.rows.push_back({static_cast<std::int64_t>(i)});
      points.geometries.emplace_back(planner::XY{static_cast<double>(i), 0.0});
    }
    return {points};
  }
  static std::string bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  /// Everything in the folder, recursively, as names and bytes.
  std::string snapshot() const {
    std::string out;
    for (const auto& e : fs::recursive_directory_iterator(m_dir)) {
      out += e.path().string() + "\n";
      if (e.is_regular_file()) out += bytes(e.path());
    }
    return out;
  }
  std::size_t hidden_entries() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(m_dir)) {
      n += e.path().filename().string().front() == '.' ? 1 : 0;
    }
    return n;
  }

  fs::path m_dir;
};

TEST_F(StagedOutputTest, CancelledWriteLeavesNothingAndKeepsThePreviousOutput) {
  for (const char* format : {"gpkg", "shp", "geojson", "csv"}) {
    SCOPED_TRACE(format);
    io::WriteOptions w;
    w.format = *io::parse_output_format(format);
    w.crs_wkt = "EPSG:4549";
    const std::string target = (m_dir / (std::string("out.") + format)).string();
    io::write_layers(target, layers(10), w);
    const std::string before = snapshot();

    std::atomic<bool> stop{true};
    w.cancel = planner::CancelToken(&stop);
    w.overwrite = true;
    EXPECT_THROW(io::write_layers(target, layers(1000), w), planner::Cancelled);
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(hidden_entries(), 0u);
  }
}

TEST_F(StagedOutputTest, StaleTemporariesOfDeadRunsAreRemovedOthersKept) {
  // A pid above the kernel's maximum (4194304) cannot exist: a run that was killed.
  const fs::path dead_file = m_dir / ".out.gpkg.tmp-999999999.gpkg";
  const fs::path dead_journal = m_dir / ".out.gpkg.tmp-999999999.gpkg-journal";
  const fs::path dead_folder = m_dir / ".other.tmp-999999998";
  // Our parent (the test runner's shell or ctest) is alive: maybe a run writing right now.
  std::string live_name = ".out.gpkg.tmp-";
  live_name += std::to_string(::getppid());
  live_name += ".gpkg";
  const fs::path live = m_dir / live_name;
  for (const fs::path& p : {dead_file, dead_journal, live}) std::ofstream(p) << "partial";
  fs::create_directories(dead_folder);

  io::WriteOptions w;
  w.crs_wkt = "EPSG:4549";
  io::write_layers((m_dir / "out.gpkg").string(), layers(3), w);
  EXPECT_FALSE(fs::exists(dead_file));
  EXPECT_FALSE(fs::exists(dead_journal));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(dead_folder));  // another output's: left to that output's next run
  EXPECT_TRUE(fs::exists(m_dir / "out.gpkg"));
}

}  // namespace
