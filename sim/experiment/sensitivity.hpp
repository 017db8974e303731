#pragma once
// Sensitivity indices from the designs of design.hpp, with bootstrap
// intervals that are a pure function of the seed.
//
//   auto s = sobol_indices(y, n, k, 500, rng);   // y[p] = outcome at saltelli point p
//   s.first[i].value, s.total[i].ci_low …
#include <cstddef>
#include <span>
#include <vector>

#include "core/rng.hpp"
#include "experiment/design.hpp"

namespace detente {

struct Estimate {
  double value = 0.0;
  double ci_low = 0.0;  // 95% bootstrap percentile interval
  double ci_high = 0.0;
};

// Elementary effects EE = Δy / Δx per unit of the coordinate (Morris 1991):
// μ = mean EE, μ* = mean |EE| (Campolongo et al. 2007), σ = sd EE (÷ r − 1).
// Intervals resample trajectories.
struct MorrisIndices {
  std::vector<Estimate> mu_star, sigma, mu;
};
MorrisIndices morris_indices(const MorrisDesign& design, std::span<const double> y,
                             std::size_t bootstrap, const Streams& rng);

// First-order S1 (Saltelli et al. 2010, eq. b) and total ST (Jansen 1999):
//   V  = variance of f over the 2n points of A and B
//   S1 = mean_j f(B)_j (f(AB_i)_j − f(A)_j) / V
//   ST = mean_j (f(A)_j − f(AB_i)_j)² / (2V)
// `y` follows saltelli_design's order. Intervals resample rows j. When V = 0
// (a flat outcome) every index is 0.
struct SobolIndices {
  std::vector<Estimate> first, total;
};
SobolIndices sobol_indices(std::span<const double> y, std::size_t n, std::size_t k,
                           std::size_t bootstrap, const Streams& rng);

}  // namespace detente
