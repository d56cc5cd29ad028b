#include "planner/coverage/access_params.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>

namespace planner {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

double step_number(std::string_view text, std::string_view item) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    throw InvalidValue("'" + std::string(item) +
                       "' is not MINUTES:WEIGHT, e.g. 5:1,10:0.68,15:0.22");
  }
  return value;
}

void validate_steps(const std::vector<AccessStep>& steps, double t0_minutes) {
  double previous = 0.0;
  for (const AccessStep& s : steps) {
    // !(a > b) also refuses NaN.
    if (!(s.upper_minutes > previous)) {
      throw InvalidValue(
          "--access-steps must have strictly ascending bounds above 0, e.g. "
          "5:1,10:0.68,15:0.22 (got " +
          number(s.upper_minutes) + " after " + number(previous) + ")");
    }
    if (!(s.weight > 0.0 && s.weight <= 1.0)) {
      throw InvalidValue("--access-steps weights must be greater than 0 and at most 1 (got " +
                         number(s.weight) + " for " + number(s.upper_minutes) + " minutes)");
    }
    previous = s.upper_minutes;
  }
  // Beyond t0 a walk weighs 0 in every method, so a last step short of t0 would leave a gap
  // with no weight and one past it would promise a weight no pair can have.
  if (previous != t0_minutes) {
    throw InvalidValue("--access-steps must end at the catchment (--access-minutes, " +
                       number(t0_minutes) + " minutes) (got " + number(previous) + ")");
  }
}

}  // namespace

std::string_view to_string(AccessMethod method) {
  switch (method) {
    case AccessMethod::two_step:
      return "2sfca";
    case AccessMethod::enhanced:
      return "e2sfca";
    case AccessMethod::gaussian:
      return "g2sfca";
    case AccessMethod::balanced:
      return "bfca";
  }
  return "2sfca";
}

std::optional<AccessMethod> access_method_of(std::string_view word) {
  for (AccessMethod m : {AccessMethod::two_step, AccessMethod::enhanced, AccessMethod::gaussian,
                         AccessMethod::balanced}) {
    if (word == to_string(m)) return m;
  }
  return std::nullopt;
}

std::string_view field_name(AccessMethod method) {
  switch (method) {
    case AccessMethod::two_step:
      return "acc_2sfca";
    case AccessMethod::enhanced:
      return "acc_e2sfca";
    case AccessMethod::gaussian:
      return "acc_g2sfca";
    case AccessMethod::balanced:
      return "acc_bfca";
  }
  return "acc_2sfca";
}

std::vector<AccessStep> default_steps(double t0_minutes) {
  return {{t0_minutes / 3.0, 1.0}, {2.0 * t0_minutes / 3.0, 0.68}, {t0_minutes, 0.22}};
}

double resolved_t0_minutes(const AccessParams& params, double cover_minutes) {
  return params.t0_minutes == 0.0 ? cover_minutes : params.t0_minutes;
}

std::vector<AccessStep> resolved_steps(const AccessParams& params, double t0_minutes) {
  return params.steps.empty() ? default_steps(t0_minutes) : params.steps;
}

std::vector<AccessStep> parse_access_steps(std::string_view text) {
  std::vector<AccessStep> steps;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) {
      throw InvalidValue("'" + std::string(item) +
                         "' is not MINUTES:WEIGHT, e.g. 5:1,10:0.68,15:0.22");
    }
    steps.push_back(
        {step_number(item.substr(0, colon), item), step_number(item.substr(colon + 1), item)});
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return steps;
}

void validate(const AccessParams& params, double t0_minutes) {
  if (params.methods.empty()) {
    throw InvalidValue("--access needs at least one method: 2sfca, e2sfca, g2sfca or bfca");
  }
  for (auto m = params.methods.begin(); m != params.methods.end(); ++m) {
    if (std::find(params.methods.begin(), m, *m) != m) {
      throw InvalidValue("--access names " + std::string(to_string(*m)) + " twice");
    }
  }
  check_range(access_minutes_range, t0_minutes);
  if (!params.steps.empty()) validate_steps(params.steps, t0_minutes);
}

}  // namespace planner
