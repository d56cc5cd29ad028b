// circleplan.evaluate's engine side: the keywords parsed by `evaluate`'s own options, the
// evaluation computed (io::compute_evaluate, on a network prepared once or read for this call),
// and held as the command would write it, so its tables can be read into DataFrames and written
// later byte for byte as the command writes them (io::write_evaluate).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include "command_line.h"
#include "io/run/evaluate_run.h"
#include "wording.h"

namespace pycircleplan {

/// One evaluation's outcome and what it was asked with.
struct Evaluation {
  io::EvaluateConfig config;
  Wording wording;  ///< options as keywords, in-memory layers by their labels
  io::EvaluateOutcome outcome;
  std::mutex writing;  ///< one write at a time (the outcome's timer and paths change)
};

/// `evaluate`'s arguments parsed into its config; raises UsageError worded for Python.
/// `wording` receives the wording of this call's messages.
io::EvaluateConfig parse_evaluate(const std::vector<std::string>& args, const Labels& labels,
                                  Wording& wording);

/// Computes one evaluation (on `prepared` when given) with the GIL released.
std::shared_ptr<Evaluation> run_evaluation(const std::vector<std::string>& args,
                                           const Labels& labels,
                                           const io::PreparedNetwork* prepared);

/// _circleplan.evaluate and the Evaluation class (tables, summary, write).
void bind_evaluation(pybind11::module_& m);

}  // namespace pycircleplan
