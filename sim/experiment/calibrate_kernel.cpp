#include "experiment/calibrate_kernel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "experiment/calibrate_priors.hpp"

namespace detente {
namespace {

// Cholesky factor of `a`, or an empty matrix when it is not positive definite.
std::vector<std::vector<double>> cholesky_factor(const std::vector<std::vector<double>>& a) {
  const std::size_t n = a.size();
  std::vector<std::vector<double>> l(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = a[i][j];
      for (std::size_t k = 0; k < j; ++k)
        sum -= l[i][k] * l[j][k];
      if (i == j) {
        if (!(sum > 0.0) || !std::isfinite(sum)) return {};
        l[i][i] = std::sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  return l;
}

}  // namespace

WeightedMoments weighted_moments(std::span<const Point> thetas, std::span<const double> weights) {
  const std::size_t d = thetas.empty() ? 0 : thetas[0].size();
  WeightedMoments m{Point(d, 0.0), std::vector<std::vector<double>>(d, Point(d, 0.0))};
  for (std::size_t i = 0; i < thetas.size(); ++i)
    for (std::size_t a = 0; a < d; ++a)
      m.mean[a] += weights[i] * thetas[i][a];
  for (std::size_t i = 0; i < thetas.size(); ++i)
    for (std::size_t a = 0; a < d; ++a)
      for (std::size_t b = 0; b <= a; ++b)
        m.covariance[a][b] += weights[i] * (thetas[i][a] - m.mean[a]) * (thetas[i][b] - m.mean[b]);
  for (std::size_t a = 0; a < d; ++a)
    for (std::size_t b = 0; b < a; ++b)
      m.covariance[b][a] = m.covariance[a][b];
  return m;
}

GaussianKernel::GaussianKernel(const std::vector<std::vector<double>>& sigma,
                               std::span<const scenario::UncertainParameter> priors) {
  // Jitter from 1e-12 of each prior's squared width upwards: invisible when
  // the covariance is healthy, enough when the particles have collapsed.
  for (double jitter = 0.0; jitter <= 1e-2; jitter = jitter == 0.0 ? 1e-12 : jitter * 100.0) {
    auto a = sigma;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const double width = *priors[i].high - *priors[i].low;
      a[i][i] += jitter * width * width;
    }
    lower_ = cholesky_factor(a);
    if (!lower_.empty()) return;
  }
  // Nothing healthy is left (NaN in the particles): a diagonal kernel of
  // a tenth of each prior's width keeps the sampler defined.
  lower_.assign(sigma.size(), Point(sigma.size(), 0.0));
  for (std::size_t i = 0; i < sigma.size(); ++i)
    lower_[i][i] = 0.1 * (*priors[i].high - *priors[i].low);
}

Point GaussianKernel::move(std::span<const double> centre, std::span<const double> z) const {
  Point x(centre.begin(), centre.end());
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t k = 0; k <= i; ++k)
      x[i] += lower_[i][k] * z[k];
  return x;
}

double GaussianKernel::log_density(std::span<const double> x,
                                   std::span<const double> centre) const {
  // Forward substitution: L y = x − c, then −½ yᵀy.
  const std::size_t n = x.size();
  double y_small[64];
  std::vector<double> y_large;
  double* y = y_small;
  if (n > 64) {
    y_large.resize(n);
    y = y_large.data();
  }
  double q = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    double sum = x[i] - centre[i];
    for (std::size_t k = 0; k < i; ++k)
      sum -= lower_[i][k] * y[k];
    y[i] = sum / lower_[i][i];
    q += y[i] * y[i];
  }
  return -0.5 * q;
}

GaussianKernel make_kernel(std::span<const Point> thetas, std::span<const double> weights,
                           std::span<const scenario::UncertainParameter> priors) {
  auto sigma = weighted_moments(thetas, weights).covariance;
  for (auto& row : sigma)
    for (double& v : row)
      v *= 2.0;
  return GaussianKernel(sigma, priors);
}

std::vector<double> importance_weights(std::span<const scenario::UncertainParameter> priors,
                                       std::span<const Point> thetas,
                                       std::span<const Point> previous,
                                       std::span<const double> previous_weights,
                                       const GaussianKernel& kernel) {
  std::vector<double> log_w(thetas.size());
  // Each particle's weight is its own slot: no order of threads shows.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, thetas.size()),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      std::vector<double> terms(previous.size());
                      for (std::size_t i = range.begin(); i < range.end(); ++i) {
                        double top = -std::numeric_limits<double>::infinity();
                        for (std::size_t j = 0; j < previous.size(); ++j) {
                          terms[j] = previous_weights[j] > 0.0
                                         ? std::log(previous_weights[j]) +
                                               kernel.log_density(thetas[i], previous[j])
                                         : -std::numeric_limits<double>::infinity();
                          top = std::max(top, terms[j]);
                        }
                        double sum = 0.0;
                        for (const double t : terms)
                          sum += std::exp(t - top);
                        log_w[i] = joint_log_density(priors, thetas[i]) - (top + std::log(sum));
                      }
                    });
  const double top = *std::max_element(log_w.begin(), log_w.end());
  std::vector<double> w(thetas.size());
  double total = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i)
    total += (w[i] = std::isfinite(log_w[i]) ? std::exp(log_w[i] - top) : 0.0);
  if (!(total > 0.0) || !std::isfinite(total))
    throw std::runtime_error("calibrate: every importance weight is zero or not finite");
  for (double& v : w)
    v /= total;
  return w;
}

double effective_sample_size(std::span<const double> weights) {
  double sum = 0.0;
  for (const double w : weights)
    sum += w * w;
  return sum > 0.0 ? 1.0 / sum : 0.0;
}

double sample_quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(at));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double frac = at - static_cast<double>(below);
  if (frac == 0.0 || values[below] == values[above]) return values[below];
  return values[below] + frac * (values[above] - values[below]);
}

double weighted_quantile(std::span<const double> values, std::span<const double> weights,
                         double q) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double cumulative = 0.0;
  for (const std::size_t i : order) {
    cumulative += weights[i];
    if (cumulative >= q * total * (1.0 - 1e-12)) return values[i];
  }
  return values[order.back()];
}

std::size_t draw_by_weight(std::span<const double> cumulative, double u) {
  const double target = u * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()),
                               cumulative.size() - 1);
}

}  // namespace detente
