#include "planner/siting/model.h"

#include <cmath>
#include <stdexcept>

#include "planner/errors.h"

namespace planner {

std::string_view to_string(SitingModel model) {
  switch (model) {
    case SitingModel::lscp:
      return "lscp";
    case SitingModel::mclp:
      return "mclp";
    case SitingModel::pmedian:
      return "pmedian";
    case SitingModel::pcenter:
      return "pcenter";
    case SitingModel::cmclp:
      return "cmclp";
    case SitingModel::cpmedian:
      return "cpmedian";
  }
  return "mclp";
}

std::optional<SitingModel> parse_siting_model(std::string_view name) {
  for (SitingModel m : {SitingModel::lscp, SitingModel::mclp, SitingModel::pmedian,
                        SitingModel::pcenter, SitingModel::cmclp, SitingModel::cpmedian}) {
    if (name == to_string(m)) return m;
  }
  return std::nullopt;
}

bool capacitated(SitingModel model) {
  return model == SitingModel::cmclp || model == SitingModel::cpmedian;
}

void validate(const SitingOptions& o) {
  const bool covering =
      o.model == SitingModel::lscp || o.model == SitingModel::mclp || o.model == SitingModel::cmclp;
  if (covering && !o.cover_cost) {
    throw InvalidValue(std::string(to_string(o.model)) +
                       " needs a coverage threshold (--max-cost, or --cover-minutes)");
  }
  if (o.cover_cost && !(*o.cover_cost >= 0.0 && std::isfinite(*o.cover_cost))) {
    throw InvalidValue("the coverage threshold must be a number >= 0");
  }
  if (o.model != SitingModel::lscp && o.k == 0) {
    throw InvalidValue("--k must be at least 1");
  }
  if (!(o.time_limit_s > 0.0)) throw InvalidValue("--time-limit must be positive");
  if (o.curve_k > 0 && !o.cover_cost) {
    throw InvalidValue("the coverage curve needs a coverage threshold");
  }
  if (o.split_demand && o.model != SitingModel::cpmedian) {
    throw InvalidValue("--split-demand is for --model cpmedian (cmclp always splits demand)");
  }
}

double relative_gap(double objective, double bound) {
  const double diff = std::abs(objective - bound);
  if (diff == 0.0) return 0.0;
  return diff / std::max(std::abs(objective), 1e-12);
}

}  // namespace planner
