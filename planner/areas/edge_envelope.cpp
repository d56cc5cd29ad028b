#include "planner/areas/edge_envelope.h"

#include <algorithm>
#include <cmath>

namespace planner {
namespace {

double time_of(const TimeV& v, double x, double speed) {
  return v.time_s + std::abs(x - v.at_m) / speed;
}

// Index of the nearest V at x (smaller label on ties).
std::size_t nearest(const std::vector<TimeV>& vs, double x, double speed) {
  std::size_t best = 0;
  double best_t = time_of(vs[0], x, speed);
  for (std::size_t k = 1; k < vs.size(); ++k) {
    const double t = time_of(vs[k], x, speed);
    if (t < best_t || (t == best_t && vs[k].label < vs[best].label)) {
      best = k;
      best_t = t;
    }
  }
  return best;
}

}  // namespace

void lower_envelope(const std::vector<TimeV>& vs, double length_m, double speed_mps, double limit_s,
                    std::vector<EnvelopePiece>& out) {
  std::vector<double> breakpoints;
  lower_envelope(vs, length_m, speed_mps, limit_s, out, breakpoints);
}

void lower_envelope(const std::vector<TimeV>& vs, double length_m, double speed_mps, double limit_s,
                    std::vector<EnvelopePiece>& out, std::vector<double>& xs) {
  if (vs.empty() || !(length_m >= 0.0)) return;
  // Breakpoints: where the nearest V can change (apexes, pairwise crossings) and where a V
  // crosses the limit. Between two consecutive breakpoints one V is nearest and it is linear.
  xs.assign({0.0, length_m});
  auto add = [&](double x) {
    if (x > 0.0 && x < length_m) xs.push_back(x);
  };
  for (std::size_t k = 0; k < vs.size(); ++k) {
    add(vs[k].at_m);
    const double reach = (limit_s - vs[k].time_s) * speed_mps;
    if (reach >= 0.0) {
      add(vs[k].at_m - reach);
      add(vs[k].at_m + reach);
    }
    for (std::size_t j = k + 1; j < vs.size(); ++j) {
      // Rising side of one meets the falling side of the other: a_k + (x - p_k)/s = a_j + (p_j -
      // x)/s.
      const double d = (vs[j].time_s - vs[k].time_s) * speed_mps;
      add((vs[k].at_m + vs[j].at_m + d) / 2.0);
      add((vs[k].at_m + vs[j].at_m - d) / 2.0);
    }
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

  const std::size_t first_new = out.size();
  const double tolerance = 1e-9 * std::max(1.0, limit_s);
  if (xs.size() == 1) {  // a zero-length edge
    const std::size_t k = nearest(vs, 0.0, speed_mps);
    const double t = time_of(vs[k], 0.0, speed_mps);
    if (t <= limit_s + tolerance) out.push_back({0.0, 0.0, t, t, vs[k].label});
    return;
  }
  for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
    const double a = xs[i], b = xs[i + 1];
    const std::size_t k = nearest(vs, 0.5 * (a + b), speed_mps);
    const double ta = time_of(vs[k], a, speed_mps);
    const double tb = time_of(vs[k], b, speed_mps);
    if (std::max(ta, tb) > limit_s + tolerance) continue;
    // Merge with the previous piece when it continues the same V without a kink.
    if (out.size() > first_new) {
      EnvelopePiece& prev = out.back();
      const bool same_direction = (prev.to_s - prev.from_s) * (tb - ta) > 0.0;
      if (prev.label == vs[k].label && prev.to_m == a && same_direction) {
        prev.to_m = b;
        prev.to_s = tb;
        continue;
      }
    }
    out.push_back({a, b, ta, tb, vs[k].label});
  }
}

}  // namespace planner
