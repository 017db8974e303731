#pragma once
// Sensitivity indices from the designs of design.hpp, with bootstrap
// intervals that are a pure function of the seed.
//
//   auto s = sobol_indices(y, n, k, 500, rng);   // y[p] = outcome at saltelli point p
//   s.first[i].value, s.total[i].ci_low …
#include <cstddef>
#include <span>
#include <string>
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

// First-order S1 (Saltelli et al. 2010, Table 2 (b)) and total ST (Jansen
// 1999), on outputs centred by their mean:
//   f0 = mean of f over the 2n points of A and B, V their variance
//   S1 = mean_j (f(B)_j − f0) (f(AB_i)_j − f(A)_j) / V
//   ST = mean_j (f(A)_j − f(AB_i)_j)² / (2V)
// Centring leaves S1's expectation unchanged (f(AB_i) − f(A) has mean 0) but
// not its variance: uncentred, a large mean multiplies the noise, and an
// outcome such as trust (mean 0.4, spread 0.01) gives indices far outside
// [0, 1]. Centred, every index is invariant to adding a constant to f.
// `y` follows saltelli_design's order. Intervals resample rows j. When V = 0
// (a flat outcome) every index is 0.
struct SobolIndices {
  std::vector<Estimate> first, total;
};
SobolIndices sobol_indices(std::span<const double> y, std::size_t n, std::size_t k,
                           std::size_t bootstrap, const Streams& rng);

// What cannot be true of one parameter's indices, beyond their intervals: an
// index outside [0, 1] (its whole interval below 0 or above 1) and S1 > ST
// (S1's interval wholly above ST's). Each is a sentence for a warning; none
// when the estimates are consistent. Too few samples or too noisy an outcome
// (too few replicates per point) are the usual causes.
std::vector<std::string> sobol_warnings(const Estimate& first, const Estimate& total);

}  // namespace detente
