#pragma once
// The arithmetic of ABC-SMC between generations (Beaumont et al. 2009):
// a Gaussian perturbation kernel with twice the previous generation's
// weighted covariance, the importance weights
//   w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j),
// the effective sample size and weighted quantiles. Pure functions of their
// arguments, so a generation's weights are the same at any thread count.
//
//   auto kernel = make_kernel(previous.thetas, previous.weights, priors);
//   auto theta = kernel.move(previous.thetas[j], normals);   // a proposal
//   auto w = importance_weights(priors, accepted, previous.thetas, previous.weights, kernel);
#include <span>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente {

using Point = std::vector<double>;

// The weighted mean and covariance (Σ w (θ−m)(θ−m)ᵀ, weights summing to 1).
struct WeightedMoments {
  Point mean;
  std::vector<std::vector<double>> covariance;
};
WeightedMoments weighted_moments(std::span<const Point> thetas, std::span<const double> weights);

class GaussianKernel {
 public:
  // Covariance `sigma` (symmetric); a jitter on the diagonal, scaled by each
  // prior's width, makes it positive definite when the particles are
  // degenerate in some direction.
  GaussianKernel(const std::vector<std::vector<double>>& sigma,
                 std::span<const scenario::UncertainParameter> priors);
  // centre + L z, with L the Cholesky factor and z standard normals.
  Point move(std::span<const double> centre, std::span<const double> z) const;
  // −½ (x−c)ᵀ Σ⁻¹ (x−c): the log density up to the constant every
  // particle's kernel shares (it cancels when the weights are normalised).
  double log_density(std::span<const double> x, std::span<const double> centre) const;
  const std::vector<std::vector<double>>& cholesky() const { return lower_; }

 private:
  std::vector<std::vector<double>> lower_;
};

// Beaumont et al. (2009): twice the weighted covariance of the previous generation.
GaussianKernel make_kernel(std::span<const Point> thetas, std::span<const double> weights,
                           std::span<const scenario::UncertainParameter> priors);

// Normalised importance weights of the accepted `thetas` (generation ≥ 1).
std::vector<double> importance_weights(std::span<const scenario::UncertainParameter> priors,
                                       std::span<const Point> thetas,
                                       std::span<const Point> previous,
                                       std::span<const double> previous_weights,
                                       const GaussianKernel& kernel);

// 1 / Σ w² for weights summing to 1.
double effective_sample_size(std::span<const double> weights);

// The q-quantile of `values` (linear interpolation between order
// statistics, as numpy's default); +inf entries sort last.
double sample_quantile(std::vector<double> values, double q);

// The weighted q-quantile: the smallest value whose cumulative weight reaches q
// (the lower weighted median for q = 0.5), after sorting by value.
double weighted_quantile(std::span<const double> values, std::span<const double> weights, double q);

// The index j with cumulative weight just above u·Σw: a draw by weight.
std::size_t draw_by_weight(std::span<const double> cumulative, double u);

}  // namespace detente
