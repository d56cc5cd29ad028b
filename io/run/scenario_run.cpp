#include "io/run/scenario_run.h"

#include "io/errors.h"
#include "io/run/scenario_driver.h"

namespace io {

/// What a scenario file reads: itself, its layers, standards and the variants' layers, each named
/// as "'roads' in <file>" for refuse_output_over_input.
std::vector<NamedPath> scenario_inputs_of(const std::string& path, const ScenarioFile& file) {
  std::vector<NamedPath> in{{"SCENARIO", path}};
  const auto key = [&](const std::string& k) { return "'" + k + "' in " + path; };
  const ScenarioInputs& s = file.inputs;
  for (const auto& [k, ref] : {std::pair<const char*, const LayerRef*>{"roads", &s.roads},
                               {"centers", &s.centers},
                               {"blocks", &s.blocks},
                               {"entrances", &s.entrances},
                               {"communities", &s.communities},
                               {"grids", &s.grids},
                               {"subdistricts", &s.subdistricts}}) {
    if (!ref->path.empty()) in.push_back({key(k), ref->path});
  }
  if (file.params.standard) in.push_back({key("standard"), file.params.standard->value});
  for (const ScenarioVariant& v : file.variants) {
    if (v.params.standard) in.push_back({key("standard"), v.params.standard->value});
    for (const auto* layers : {&v.add_center_layers, &v.barrier_layers, &v.footpath_layers}) {
      for (const LayerSpec& l : *layers)
        in.push_back({key("variant '" + v.name + "'"), l.ref.path});
    }
  }
  return in;
}

std::vector<NamedPath> scenario_input_paths(const std::string& path) {
  try {
    return scenario_inputs_of(path, read_scenario(path));
  } catch (const InputError&) {
    return {{"SCENARIO", path}};  // its own error comes when it runs
  }
}

std::vector<planner::VariantRow> run_scenario(const std::string& path,
                                              const ScenarioRunOptions& options) {
  return ScenarioDriver(path, options).run();
}

}  // namespace io
