#include "planner/scenario/access_change.h"

#include <algorithm>
#include <cmath>

namespace planner {

std::vector<AccessMethod> shared_access_methods(const std::vector<AccessMethod>& a,
                                                const std::vector<AccessMethod>& b) {
  std::vector<AccessMethod> out;
  for (AccessMethod m : {AccessMethod::two_step, AccessMethod::enhanced, AccessMethod::gaussian,
                         AccessMethod::balanced}) {
    if (std::find(a.begin(), a.end(), m) != a.end() &&
        std::find(b.begin(), b.end(), m) != b.end()) {
      out.push_back(m);
    }
  }
  return out;
}

std::vector<std::optional<double>> scores_for(const std::vector<AccessMethod>& held,
                                              const std::vector<std::optional<double>>& scores,
                                              const std::vector<AccessMethod>& wanted) {
  std::vector<std::optional<double>> out;
  out.reserve(wanted.size());
  for (AccessMethod m : wanted) {
    const auto it = std::find(held.begin(), held.end(), m);
    const auto at = static_cast<std::size_t>(it - held.begin());
    out.push_back(it != held.end() && at < scores.size() ? scores[at] : std::nullopt);
  }
  return out;
}

bool same_score(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return std::abs(*a - *b) <= 1e-9 * std::max({1.0, std::abs(*a), std::abs(*b)});
}

}  // namespace planner
