// A scenario variant's edits as the run core takes them: every id checked against the loaded
// data, every coordinate and layer put in the run CRS. Errors name the scenario file, line and
// column of the edit at fault.
#pragma once

#include <map>
#include <string>

#include "io/crs/crs.h"
#include "io/crs/projection.h"
#include "io/run/load_inputs.h"
#include "io/scenario/scenario_file.h"
#include "planner/coverage/evaluation.h"
#include "planner/scenario/run.h"

namespace io {

/// The scenario file's parameters over `params` (unset keys keep its values). `path` and `scope`
/// ("the scenario" or "variant 'x'", at `scope_pos`) name the place of an error: access keys
/// that do not fit together (steps not ending at the catchment, access-minutes without access)
/// are checked here, once the cover threshold of the scope is known.
void apply_params(const ScenarioParams& file, planner::EvaluationParams& params,
                  const std::string& path, SourcePos scope_pos, const std::string& scope);

/// The service-area options of the file (minutes, speed and threads come from the run).
planner::ServiceAreaParams scenario_areas(const ScenarioAreas& areas);

/// A short description of the edits for summary.csv, e.g. "close-centers 1; site mclp k=2".
std::string describe_edits(const ScenarioVariant& variant);

class VariantResolver {
 public:
  VariantResolver(const ScenarioFile& file, const LoadedInputs& loaded)
      : m_file(file), m_loaded(loaded) {}

  /// The variant over the base parameters. Throws InputError at the edit's position for an
  /// unknown center or road id or a coordinate that cannot be projected.
  planner::VariantSpec resolve(const ScenarioVariant& v, const planner::EvaluationParams& base);

 private:
  void resolve_ids(const ScenarioVariant& v, planner::VariantSpec& r) const;
  void resolve_shapes(const ScenarioVariant& v, planner::VariantSpec& r);
  void resolve_layers(const ScenarioVariant& v, planner::VariantSpec& r) const;
  /// After the added centers are known: set-capacity may name one of them.
  void resolve_capacities(const ScenarioVariant& v, planner::VariantSpec& r) const;
  planner::XY to_run(const std::string& crs, planner::XY p, SourcePos pos,
                     const std::string& variant);

  const ScenarioFile& m_file;
  const LoadedInputs& m_loaded;
  std::map<std::string, CrsTransform> m_transforms;
};

}  // namespace io
