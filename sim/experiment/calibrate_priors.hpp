#pragma once
// The priors of a `calibrate:` block as ABC-SMC needs them: a draw (the
// inverse CDF the futures use, futures.hpp) and a density on the bounded
// support, zero (log −inf) outside it, so that a kernel move out of bounds
// is never accepted.
//
//   double x = prior_draw(p, u);           // u uniform in (0, 1)
//   double l = prior_log_density(p, x);    // −inf outside [low, high]
#include <span>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente {

// The prior's value at quantile u.
double prior_draw(const scenario::UncertainParameter& prior, double u);

// log π(x): the normalised density of the (truncated, scaled) prior; −inf
// outside [low, high] (and on a bound where a beta's density is infinite).
double prior_log_density(const scenario::UncertainParameter& prior, double x);

// Σ log π_i(x_i) over independent priors.
double joint_log_density(std::span<const scenario::UncertainParameter> priors,
                         std::span<const double> x);

// Whether every x_i lies within its prior's [low, high].
bool in_support(std::span<const scenario::UncertainParameter> priors, std::span<const double> x);

}  // namespace detente
