// Fuzz target: option and field-mapping parsing. The first byte picks the mode (mod 3):
// - Command line: the rest, cut at newlines, is argv for the real circleplan command line (the
//   same app::register_commands as app/main.cpp, so every option, delimiter and check of osm,
//   evaluate, site, compare, run and batch), parsed but not run; a parse either succeeds or
//   throws CLI::ParseError. After a successful parse every number given to a numeric option is
//   finite and in that option's range (tests/fuzz/numeric_option_values.h). The named choices
//   are run through their parsers too (length model, output format, siting model).
// - Numbers: a command picked from the table, its shortest command line that parses, then
//   numeric options picked from that command's table, each with fuzzed text as its value, so
//   that most inputs parse and reach the range assertions (few argv inputs get past a missing
//   required option).
// - Fields: a layer definition with fuzzed field names and types, a fuzzed --pop-field style
//   name (io::detail::find_field), and a feature whose values are fuzzed text read the way
//   blocks, centers and roads read them (io::detail::FieldReader: population, integer ids, text
//   ids, optionally from GBK). Bad names and values must be io::InputErrors.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <ogr_feature.h>
#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "io/crs/length_model.h"
#include "io/errors.h"
#include "io/gdal/field_lookup.h"
#include "io/gdal/field_values.h"
#include "io/gdal/layer_writer.h"
#include "io/osm/osm_reader.h"
#include "planner/siting/model.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/numeric_option_values.h"

namespace {

bool same_ignoring_ascii_case(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; };
    if (lower(static_cast<unsigned char>(a[i])) != lower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

void command_line(const std::string& text) {
  std::vector<std::string> args = fuzz::split(text, '\n');
  args.insert(args.begin(), "circleplan");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());

  CLI::App root{"circleplan"};
  root.require_subcommand(1);
  root.set_version_flag("--version", "circleplan 0.1.0");
  const std::vector<app::Command> commands = app::register_commands(root);
  bool parsed = false;
  try {
    root.parse(static_cast<int>(argv.size()), argv.data());
    parsed = true;
  } catch (const CLI::ParseError&) {
    // A usage error (exit code 2 in app/main.cpp), or --help / --version.
  }
  if (parsed) fuzz::check_accepted_numbers(root);
  for (const std::string& a : args) {
    if (const auto model = io::parse_length_model(a)) FUZZ_CHECK(io::to_string(*model) == a);
    (void)io::parse_output_format(a);
    (void)planner::parse_siting_model(a);
    (void)io::is_osm_path(a);
  }
}

/// Each command's shortest command line that parses: its required arguments only.
std::vector<std::string> minimal_line(const std::string& command) {
  if (command == "osm") return {"x.osm.pbf", "--out", "o.gpkg"};
  if (command == "evaluate") return {"--roads", "r.gpkg", "--out", "o.gpkg"};
  if (command == "site") return {"--roads", "r.gpkg", "--model", "mclp"};
  if (command == "compare") return {"a.gpkg", "b.gpkg", "--out", "o"};
  if (command == "run") return {"s.toml", "--out", "o"};
  if (command == "batch") return {"s.toml", "--out", "o"};
  std::fprintf(stderr, "options_fuzz: give the new command '%s' its minimal line\n",
               command.c_str());
  FUZZ_CHECK(false);
  return {};
}

void numbers(fuzz::Input& in) {
  CLI::App root{"circleplan"};
  root.require_subcommand(1);
  const std::vector<app::Command> commands = app::register_commands(root);
  const CLI::App& command = *commands[in.byte() % commands.size()].cli;
  std::vector<const CLI::Option*> numeric;
  for (const CLI::Option* opt : command.get_options()) {
    if (!opt->get_lnames().empty() && fuzz::is_numeric(*opt)) numeric.push_back(opt);
  }
  std::vector<std::string> args{"circleplan", command.get_name()};
  for (std::string& a : minimal_line(command.get_name())) args.push_back(std::move(a));
  const std::size_t base = args.size();
  while (!in.empty() && !numeric.empty()) {
    const CLI::Option* opt = numeric[in.byte() % numeric.size()];
    const std::string value = in.text(24);
    args.push_back("--" + opt->get_lnames().front() + "=" + value.c_str());  // argv has no NUL
  }
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    root.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError&) {
    FUZZ_CHECK(args.size() >
               base);  // the minimal line alone must parse, or this mode tests nothing
    return;
  }
  fuzz::check_accepted_numbers(root);
}

void fields(fuzz::Input& in) {
  const io::DataLocation where{"blocks.shp", "blocks", std::nullopt, ""};
  auto* defn = new OGRFeatureDefn("blocks");
  defn->Reference();
  const int count = in.byte() % 6;
  static constexpr OGRFieldType types[] = {OFTString, OFTInteger, OFTInteger64, OFTReal};
  for (int i = 0; i < count; ++i) {
    const OGRFieldType type = types[in.byte() % 4];
    std::string name = in.byte() % 2 ? std::string{"pop"} : in.text(12);
    if (in.byte() % 3 == 0) name = "POP";
    OGRFieldDefn field(name.c_str(), type);
    defn->AddFieldDefn(&field);
  }
  std::string wanted = in.byte() % 2 ? std::string{} : in.text(12);
  wanted = wanted.c_str();  // a command-line argument holds no NUL

  try {
    const io::detail::FieldRef ref =
        io::detail::find_field(*defn, wanted, {"pop", "population", "POP", "人口"}, where);
    if (ref.found()) {
      FUZZ_CHECK(ref.index < defn->GetFieldCount());
      FUZZ_CHECK(ref.name == defn->GetFieldDefn(ref.index)->GetNameRef());
      if (!wanted.empty()) {
        FUZZ_CHECK(same_ignoring_ascii_case(ref.name, wanted));
        FUZZ_CHECK(ref.named_explicitly);
        if (defn->GetFieldIndex(wanted.c_str()) >= 0) {
          bool exact_exists = false;
          for (int i = 0; i < defn->GetFieldCount(); ++i) {
            exact_exists = exact_exists || wanted == defn->GetFieldDefn(i)->GetNameRef();
          }
          if (exact_exists) FUZZ_CHECK(ref.name == wanted);  // exact spelling wins
        }
      }
    } else {
      FUZZ_CHECK(wanted.empty());  // a name the user gave is found or an error
    }
  } catch (const io::InputError&) {
    FUZZ_CHECK(!wanted.empty());
  }

  {
    OGRFeature feature(defn);
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      const std::uint8_t how = in.byte() % 4;
      if (how == 0) continue;  // unset
      if (how == 1) {
        feature.SetFieldNull(i);
      } else {
        const std::string value = in.text(20);
        feature.SetField(i, value.c_str());
      }
    }
    io::detail::TextDecoder decoder;
    if (in.byte() % 4 == 0) {
      decoder = io::detail::TextDecoder({"GBK", "--encoding"}, "--encoding", where);
    }
    const io::detail::FieldReader reader(where, decoder);
    const std::int64_t fid = in.integral<std::int16_t>();
    for (int i = -1; i < defn->GetFieldCount(); ++i) {  // -1: the field is absent
      io::detail::FieldRef ref;
      if (i >= 0) {
        ref = io::detail::FieldRef{i, defn->GetFieldDefn(i)->GetNameRef(),
                                   defn->GetFieldDefn(i)->GetType(), in.byte() % 2 == 0};
      }
      try {
        if (const auto pop = reader.non_negative_number(feature, fid, ref)) {
          FUZZ_CHECK(std::isfinite(*pop) && *pop >= 0);
        }
      } catch (const io::InputError&) {
      }
      try {
        (void)reader.integer(feature, fid, ref);
      } catch (const io::InputError&) {
      }
      try {
        const std::string id = reader.id_or_fid(feature, fid, ref);
        FUZZ_CHECK(!id.empty());
        if (const auto text = reader.text(feature, fid, ref)) {
          FUZZ_CHECK(CPLIsUTF8(text->c_str(), static_cast<int>(text->size())));
        }
      } catch (const io::InputError&) {
      }
    }
  }
  defn->Release();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  switch (in.byte() % 3) {
    case 0:
      command_line(in.rest());
      break;
    case 1:
      fields(in);
      break;
    default:
      numbers(in);
  }
  return 0;
}
