#include "experiment/calibrate_priors.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <limits>

#include "experiment/futures.hpp"

namespace detente {

double prior_draw(const scenario::UncertainParameter& prior, double u) {
  return prior_quantile(prior, u);
}

double prior_log_density(const scenario::UncertainParameter& p, double x) {
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  const double low = *p.low, high = *p.high;
  if (!std::isfinite(x) || x < low || x > high) return kNone;
  switch (p.prior) {
    case scenario::Prior::uniform:
      return -std::log(high - low);
    case scenario::Prior::log_uniform:
      return -std::log(x) - std::log(std::log(high) - std::log(low));
    case scenario::Prior::normal: {
      const boost::math::normal_distribution<double> normal(*p.mean, *p.sd);
      const double mass = boost::math::cdf(normal, high) - boost::math::cdf(normal, low);
      if (!(mass > 0)) return kNone;
      const double z = (x - *p.mean) / *p.sd;
      return -0.5 * z * z - std::log(*p.sd) - 0.5 * std::log(2.0 * M_PI) - std::log(mass);
    }
    case scenario::Prior::beta: {
      const double y = (x - low) / (high - low);
      // A shape below 1 has an infinite density at its bound: no particle sits there.
      if ((y <= 0.0 && *p.a < 1.0) || (y >= 1.0 && *p.b < 1.0)) return kNone;
      const double a = *p.a, b = *p.b;
      const double log_beta = std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
      const double left = a == 1.0 ? 0.0 : (a - 1.0) * std::log(y);
      const double right = b == 1.0 ? 0.0 : (b - 1.0) * std::log1p(-y);
      return left + right - log_beta - std::log(high - low);
    }
  }
  return kNone;
}

double joint_log_density(std::span<const scenario::UncertainParameter> priors,
                         std::span<const double> x) {
  double sum = 0.0;
  for (std::size_t i = 0; i < priors.size(); ++i)
    sum += prior_log_density(priors[i], x[i]);
  return sum;
}

bool in_support(std::span<const scenario::UncertainParameter> priors, std::span<const double> x) {
  for (std::size_t i = 0; i < priors.size(); ++i)
    if (!std::isfinite(prior_log_density(priors[i], x[i]))) return false;
  return true;
}

}  // namespace detente
