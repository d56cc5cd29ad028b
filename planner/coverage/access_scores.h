// The floating-catchment formulas over an access matrix (access_matrix.h), one method at a time.
// With P_i a block's population, S_j a center's capacity, t_ij the walk and W the method's
// weight (0 beyond t0):
//   2SFCA, E2SFCA, Gaussian: D_j = sum_i W(t_ij) P_i, R_j = S_j / D_j, A_i = sum_j W(t_ij) R_j;
//   BFCA (binary W): D_j = sum_i P_i Wr_ij, A_i = sum_j R_j Wc_ij, with Wr_ij = W_ij / sum_k W_ik
//   (a resident's demand split among the centers they reach) and Wc_ij = W_ij / sum_k W_kj (a
//   center's supply split among the blocks it reaches).
// A center with no demand in its catchment (D_j = 0) has no ratio (never infinity) and gives
// nothing to A_i.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "planner/coverage/access_matrix.h"
#include "planner/coverage/access_params.h"

namespace planner {

/// One method's figures, in the matrix's own units: capacity per resident.
struct MethodScores {
  std::vector<double> access;                ///< A_i per block (0: no center with a ratio)
  std::vector<double> demand;                ///< D_j per matrix row
  std::vector<std::optional<double>> ratio;  ///< R_j per matrix row; nullopt when D_j = 0
};

/// The weight of a walk of time_s seconds (at most t0_s) for 2SFCA, E2SFCA and Gaussian:
/// 1; the weight of the first step whose bound (inclusive) holds it; or
/// (exp(-(t/t0)^2 / 2) - exp(-1/2)) / (1 - exp(-1/2)). BFCA's W is 1 before normalization.
double access_weight(AccessMethod method, double time_s, double t0_s,
                     std::span<const AccessStep> steps);

/// pop: P_i per block (no value: 0, it demands nothing); capacity: S_j per matrix row.
MethodScores score_access(const AccessMatrix& matrix, AccessMethod method, double t0_s,
                          std::span<const AccessStep> steps, std::span<const double> pop,
                          std::span<const double> capacity);

}  // namespace planner
