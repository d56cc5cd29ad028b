// Passwords of connection strings never shown: key=value (quoted or not) and URI forms, inside
// longer messages; PostGIS targets: the schema from --schema, a schemas= key, or the default.
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/gdal/connection_text.h"
#include "io/gdal/postgis_output.h"

namespace {

using io::hide_passwords;

TEST(HidePasswords, KeyValueForms) {
  EXPECT_EQ(hide_passwords("PG:dbname=city user=gis password=s3cret host=db"),
            "PG:dbname=city user=gis password=*** host=db");
  EXPECT_EQ(hide_passwords("PG:password = 's3 cr\\'et' dbname=city"),
            "PG:password = *** dbname=city");
  EXPECT_EQ(hide_passwords("file 'PG:dbname=c PASSWORD=abc', layer 'x'"),
            "file 'PG:dbname=c PASSWORD=***', layer 'x'");
  EXPECT_EQ(hide_passwords("old_password=keep"), "old_password=keep");
}

TEST(HidePasswords, UriForms) {
  EXPECT_EQ(hide_passwords("PG:postgresql://gis:s3cret@db:5432/city"),
            "PG:postgresql://gis:***@db:5432/city");
  EXPECT_EQ(hide_passwords("postgres://gis:p@ss@db/city?sslmode=require"),
            "postgres://gis:***@db/city?sslmode=require");
  EXPECT_EQ(hide_passwords("postgresql://db/city?user=gis&password=s3cret"),
            "postgresql://db/city?user=gis&password=***");
  EXPECT_EQ(hide_passwords("postgresql://gis@db/city"), "postgresql://gis@db/city");
  EXPECT_EQ(hide_passwords("a/b/c.gpkg:roads"), "a/b/c.gpkg:roads");
}

TEST(HidePasswords, ErrorsNeverHoldThem) {
  const io::InputError input(io::DataLocation{"PG:dbname=c password=s3cret", "roads", {}, {}},
                             "no such layer");
  EXPECT_EQ(std::string(input.what()).find("s3cret"), std::string::npos);
  const io::OutputError output("output 'postgresql://u:s3cret@h/c': cannot connect");
  EXPECT_EQ(std::string(output.what()).find("s3cret"), std::string::npos);
}

TEST(PostgisTarget, SchemaFromOptionStringOrDefault) {
  const io::PostgisTarget plain = io::postgis_target("PG:dbname=city user=gis", "");
  EXPECT_EQ(plain.schema, "circleplan");
  EXPECT_EQ(plain.connection, "PG:dbname=city user=gis");
  const io::PostgisTarget keyed =
      io::postgis_target("PG:dbname=city schemas=plans,public password=x", "");
  EXPECT_EQ(keyed.schema, "plans");
  EXPECT_EQ(keyed.connection, "PG:dbname=city password=x");
  EXPECT_EQ(keyed.label(), "PG:dbname=city password=***");
  EXPECT_EQ(io::postgis_target("PG:dbname=city schemas=plans", "run2").schema, "run2");
  EXPECT_EQ(io::postgis_target("PG:schemas='plans' dbname=city", "").schema, "plans");
  EXPECT_EQ(io::postgis_target("postgresql://u:p@h/city", "").connection,
            "PG:postgresql://u:p@h/city");
  EXPECT_TRUE(io::is_plain_schema_name("plan_2024"));
  EXPECT_FALSE(io::is_plain_schema_name("Plan"));
  EXPECT_FALSE(io::is_plain_schema_name("9plan"));
  EXPECT_FALSE(io::is_plain_schema_name("a;drop"));
}

}  // namespace
