// --out's extension names the format (io/run/output_format.h): implied without --format, a
// contradiction with it is a usage error naming both, and a folder format named like a file
// is a folder at that path, with a note.
#include "io/run/output_format.h"

#include <gtest/gtest.h>

#include "io/run/run_errors.h"

namespace {

io::OutputOptions out(const std::string& path, const std::string& format = "gpkg",
                      bool format_given = false) {
  io::OutputOptions o;
  o.out = path;
  o.format = format;
  o.format_given = format_given;
  return o;
}

TEST(OutputFormat, TheExtensionImpliesTheFormat) {
  EXPECT_EQ(io::format_of_extension("a/result.GPKG"), "gpkg");
  EXPECT_EQ(io::format_of_extension("result.shp"), "shp");
  EXPECT_EQ(io::format_of_extension("r.geojson"), "geojson");
  EXPECT_EQ(io::format_of_extension("r.csv"), "csv");
  EXPECT_EQ(io::format_of_extension("r.fgb"), "fgb");
  EXPECT_EQ(io::format_of_extension("out/folder"), std::nullopt);
  EXPECT_EQ(io::format_of_extension("r.json"), std::nullopt);  // summary.json's kind, not layers

  auto shp = out("runs/result.shp");
  const std::string note = io::settle_output_format(shp);
  EXPECT_EQ(shp.format, "shp");
  EXPECT_EQ(shp.out, "runs/result.shp");  // what the user named is what is written
  EXPECT_EQ(note, "--out runs/result.shp: shp output is a folder with one file per layer");

  auto gpkg = out("result.gpkg", "gpkg", true);
  EXPECT_EQ(io::settle_output_format(gpkg), "");
  EXPECT_EQ(gpkg.out, "result.gpkg");

  // No extension: --format decides, gpkg by default.
  auto folder = out("out/geo", "geojson", true);
  EXPECT_EQ(io::settle_output_format(folder), "");
  EXPECT_EQ(folder.format, "geojson");
  EXPECT_EQ(folder.out, "out/geo");
}

TEST(OutputFormat, AContradictingFormatIsAUsageErrorNamingBoth) {
  auto o = out("res.gpkg", "shp", true);
  try {
    io::settle_output_format(o);
    FAIL() << "accepted --format shp --out res.gpkg";
  } catch (const io::UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("--out 'res.gpkg' names a .gpkg output but --format is shp"),
              std::string::npos)
        << what;
  }
  auto same = out("r.shp", "shp", true);
  EXPECT_NO_THROW(io::settle_output_format(same));
  EXPECT_EQ(same.out, "r.shp");
}

}  // namespace
